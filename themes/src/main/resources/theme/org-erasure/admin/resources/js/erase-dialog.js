// The "Erase…" dialog: what will be erased, with this organisation's counts, and the typed
// confirmation. The button waits for an exact match as a courtesy; the server checks again and is
// the authority, so whatever is submitted is sent as typed.
import { createElement as h, useEffect, useState } from "react";
import { Modal } from "./modal.js";
import { tableHead } from "./table.js";

const SECONDS_PER = { hours: 3600, days: 86400 };

export function EraseDialog({ api, realm, organization, t, addAlert, onClose, onStarted }) {
  const [appData, setAppData] = useState({ loading: true });
  const [members, setMembers] = useState(null);
  const [typed, setTyped] = useState("");
  const [grace, setGrace] = useState("");
  const [graceUnit, setGraceUnit] = useState("hours");
  const [memberPolicy, setMemberPolicy] = useState("ERASE");
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    let current = true;
    api.appData(realm, organization.id).then(
      (counts) => current && setAppData({ counts }),
      (error) => current && setAppData({ error: error.message }),
    );
    api.membersPreview(realm, organization.id).then(
      (preview) => current && setMembers(preview),
      (error) => current && addAlert("danger", error.message),
    );
    return () => {
      current = false;
    };
  }, [api, realm, organization.id, addAlert]);

  const start = async (event) => {
    event.preventDefault();
    setSubmitting(true);
    try {
      const erasure = await api.startErasure(
        realm,
        organization.id,
        typed,
        grace === "" ? undefined : Math.round(Number(grace) * SECONDS_PER[graceUnit]),
        memberPolicy,
      );
      onStarted(erasure);
    } catch (error) {
      addAlert("danger", error.message);
      setSubmitting(false);
    }
  };

  const titleId = "org-erasure-dialog-title";
  return h(
    Modal,
    {
      id: "org-erasure-dialog",
      titleId,
      title: t("orgErasureDialogTitle", organization.name),
      danger: true,
      closeLabel: t("orgErasureClose"),
      onClose,
    },
    h(
      "form",
      { className: "pf-v5-c-form", id: "org-erasure-form", onSubmit: start, noValidate: true },
      h(
        "div",
        { className: "pf-v5-c-modal-box__body" },
        h(
          "div",
          { className: "pf-v5-c-alert pf-m-danger pf-m-inline", "aria-label": "Danger alert" },
          h("p", { className: "pf-v5-c-alert__title" }, t("orgErasureDialogIrreversible")),
        ),
        h("h2", { className: "pf-v5-c-title pf-m-md org-erasure-subtitle" }, t("orgErasureDialogInventory")),
        h(Inventory, { organization, appData, members, t }),
        h(KeptMembers, { members: members?.erase, t }),
        h(PolicyChoice, { memberPolicy, setMemberPolicy, t }),
        h(
          "div",
          { className: "pf-v5-c-form__group" },
          h(
            "label",
            { className: "pf-v5-c-form__label", htmlFor: "org-erasure-confirmation" },
            h("span", { className: "pf-v5-c-form__label-text" }, t("orgErasureConfirmLabel", organization.name)),
          ),
          h(
            "span",
            { className: "pf-v5-c-form-control" },
            h("input", {
              id: "org-erasure-confirmation",
              type: "text",
              autoComplete: "off",
              spellCheck: false,
              value: typed,
              onChange: (event) => setTyped(event.target.value),
            }),
          ),
          h("p", { className: "pf-v5-c-form__helper-text" }, t("orgErasureConfirmHelp")),
        ),
        h(
          "div",
          { className: "pf-v5-c-form__group" },
          h(
            "label",
            { className: "pf-v5-c-form__label", htmlFor: "org-erasure-grace" },
            h("span", { className: "pf-v5-c-form__label-text" }, t("orgErasureGraceLabel")),
          ),
          h(
            "span",
            { className: "pf-v5-c-form-control" },
            h("input", {
              id: "org-erasure-grace",
              type: "number",
              min: 0,
              step: "any",
              value: grace,
              onChange: (event) => setGrace(event.target.value),
            }),
          ),
          h(
            "span",
            { className: "pf-v5-c-form-control" },
            h(
              "select",
              {
                id: "org-erasure-grace-unit",
                "aria-label": t("orgErasureGraceUnit"),
                value: graceUnit,
                onChange: (event) => setGraceUnit(event.target.value),
              },
              h("option", { value: "hours" }, t("orgErasureGraceHours")),
              h("option", { value: "days" }, t("orgErasureGraceDays")),
            ),
          ),
          h("p", { className: "pf-v5-c-form__helper-text" }, t("orgErasureGraceHelp")),
        ),
      ),
      h(
        "footer",
        { className: "pf-v5-c-modal-box__footer" },
        h(
          "button",
          {
            type: "submit",
            id: "org-erasure-confirm",
            className: "pf-v5-c-button pf-m-danger",
            disabled: typed !== organization.name || submitting,
          },
          t("orgErasureConfirm"),
        ),
        h("button", { type: "button", className: "pf-v5-c-button pf-m-link", onClick: onClose }, t("orgErasureCancel")),
      ),
    ),
  );
}

// Who keeps their account, and why, before anyone confirms (docs/erasure.md, "Who is erased").
function KeptMembers({ members, t }) {
  if (!members || members.keptInOtherTenants + members.keptAsAdministrators === 0) return null;
  return h(
    "div",
    { className: "pf-v5-c-alert pf-m-info pf-m-inline", "data-testid": "org-erasure-kept-members" },
    members.keptInOtherTenants > 0
      ? h("p", { className: "pf-v5-c-alert__title" }, t("orgErasureKeptOtherTenants", members.keptInOtherTenants))
      : null,
    members.keptAsAdministrators > 0
      ? h("p", { className: "pf-v5-c-alert__title" }, t("orgErasureKeptAdministrators", members.keptAsAdministrators))
      : null,
  );
}

// Erase or Detach (docs/erasure.md, "Member policy"): what happens to the people; the data goes either way.
function PolicyChoice({ memberPolicy, setMemberPolicy, t }) {
  const option = (value, labelKey) =>
    h(
      "div",
      { className: "pf-v5-c-radio" },
      h("input", {
        className: "pf-v5-c-radio__input",
        type: "radio",
        id: `org-erasure-policy-${value.toLowerCase()}`,
        name: "memberPolicy",
        value,
        checked: memberPolicy === value,
        onChange: () => setMemberPolicy(value),
      }),
      h(
        "label",
        { className: "pf-v5-c-radio__label", htmlFor: `org-erasure-policy-${value.toLowerCase()}` },
        t(labelKey),
      ),
    );
  return h(
    "fieldset",
    { className: "pf-v5-c-form__group", id: "org-erasure-policy-group" },
    h(
      "legend",
      { className: "pf-v5-c-form__label" },
      h("span", { className: "pf-v5-c-form__label-text" }, t("orgErasurePolicyLabel")),
    ),
    option("ERASE", "orgErasurePolicyEraseChoice"),
    option("DETACH", "orgErasurePolicyDetachChoice"),
  );
}

// What each policy does to each kind of data, with this organisation's counts.
function Inventory({ organization, appData, members, t }) {
  const deleted = t("orgErasureDeleted");
  const accountsUnderErase = members
    ? members.erase.signedOut - members.erase.keptInOtherTenants - members.erase.keptAsAdministrators
    : organization.memberCount;
  const accountsUnderDetach = members
    ? t(
        "orgErasureDetachAccounts",
        members.detach.detached,
        members.detach.signedOut -
          members.detach.keptInOtherTenants -
          members.detach.keptAsAdministrators -
          members.detach.detached,
      )
    : "…";
  const rows = [
    [t("orgErasureStoreKeycloak"), t("orgErasureIdentities"), accountsUnderErase, deleted, accountsUnderDetach],
    [t("orgErasureStoreKeycloak"), t("orgErasureOrganisationItself"), 1, deleted, deleted],
  ];
  if (appData.counts) {
    for (const table of appData.counts.tables) {
      rows.push([
        t("orgErasureStoreApp"),
        table.category,
        table.rows,
        deleted,
        table.underDetach === "RESET" ? t("orgErasureKeptReset") : deleted,
      ]);
    }
    rows.push([
      t("orgErasureStoreFiles"),
      t("orgErasureFilesRow", appData.counts.files.bytes),
      appData.counts.files.files,
      deleted,
      deleted,
    ]);
  }
  return h(
    "div",
    null,
    h(
      "table",
      { className: "pf-v5-c-table pf-m-compact pf-m-grid-md", role: "grid", "data-testid": "org-erasure-inventory" },
      tableHead([
        t("orgErasureStore"),
        t("orgErasureCategory"),
        t("orgErasureCount"),
        t("orgErasureUnderErase"),
        t("orgErasureUnderDetach"),
      ]),
      h(
        "tbody",
        { className: "pf-v5-c-table__tbody" },
        rows.map((cells) =>
          h(
            "tr",
            { key: `${cells[0]}/${cells[1]}`, className: "pf-v5-c-table__tr" },
            cells.map((cell, index) => h("td", { key: index, className: "pf-v5-c-table__td" }, String(cell))),
          ),
        ),
      ),
    ),
    appData.loading ? h("p", null, t("orgErasureLoading")) : null,
    appData.error
      ? h(
          "div",
          { className: "pf-v5-c-alert pf-m-warning pf-m-inline" },
          h("p", { className: "pf-v5-c-alert__title" }, t("orgErasureAppDataUnavailable", appData.error)),
        )
      : null,
  );
}
