// The "Self-service…" dialog: which members may erase this organisation themselves from the
// account console. Only this page (through the extension's admin API) grants it; no attribute or
// group a user or organisation manager can edit does.
import { createElement as h, useCallback, useEffect, useState } from "react";
import { Modal } from "./modal.js";
import { formatTime } from "./erasure-state.js";
import { tableHead } from "./table.js";

export function SelfServiceErasersDialog({ api, realm, organization, t, addAlert, onClose }) {
  const [erasers, setErasers] = useState(null);
  const [username, setUsername] = useState("");
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setErasers(await api.selfServiceErasers(realm, organization.id));
    } catch (error) {
      addAlert("danger", error.message);
    }
  }, [api, realm, organization.id, addAlert]);

  useEffect(() => {
    reload();
  }, [reload]);

  const change = async (work) => {
    setBusy(true);
    try {
      await work();
      await reload();
    } catch (error) {
      addAlert("danger", error.message);
    } finally {
      setBusy(false);
    }
  };

  const allow = (event) => {
    event.preventDefault();
    change(async () => {
      const user = await api.userByUsername(realm, username.trim());
      if (!user) throw new Error(t("orgErasureSelfServiceNoSuchUser", username.trim()));
      await api.allowSelfServiceEraser(realm, organization.id, user.id);
      setUsername("");
    });
  };

  const titleId = "org-erasure-self-service-title";
  return h(
    Modal,
    {
      id: "org-erasure-self-service-dialog",
      titleId,
      title: t("orgErasureSelfServiceTitle", organization.name),
      closeLabel: t("orgErasureClose"),
      onClose,
    },
    h(
      "div",
      { className: "pf-v5-c-modal-box__body" },
      h("p", null, t("orgErasureSelfServiceIntro")),
      erasers === null
        ? h("p", null, t("orgErasureLoading"))
        : h(ErasersTable, {
            erasers,
            busy,
            t,
            onWithdraw: (eraser) => change(() => api.withdrawSelfServiceEraser(realm, organization.id, eraser.userId)),
          }),
      h(
        "form",
        { className: "pf-v5-c-form", id: "org-erasure-self-service-form", onSubmit: allow, noValidate: true },
        h(
          "div",
          { className: "pf-v5-c-form__group" },
          h(
            "label",
            { className: "pf-v5-c-form__label", htmlFor: "org-erasure-self-service-username" },
            h("span", { className: "pf-v5-c-form__label-text" }, t("orgErasureSelfServiceUsername")),
          ),
          h(
            "span",
            { className: "pf-v5-c-form-control" },
            h("input", {
              id: "org-erasure-self-service-username",
              type: "text",
              autoComplete: "off",
              value: username,
              onChange: (event) => setUsername(event.target.value),
            }),
          ),
          h("p", { className: "pf-v5-c-form__helper-text" }, t("orgErasureSelfServiceUsernameHelp")),
        ),
        h(
          "div",
          { className: "pf-v5-c-form__actions" },
          h(
            "button",
            {
              type: "submit",
              id: "org-erasure-self-service-allow",
              className: "pf-v5-c-button pf-m-primary",
              disabled: busy || username.trim() === "",
            },
            t("orgErasureSelfServiceAllow"),
          ),
        ),
      ),
    ),
    h(
      "footer",
      { className: "pf-v5-c-modal-box__footer" },
      h("button", { type: "button", className: "pf-v5-c-button pf-m-link", onClick: onClose }, t("orgErasureClose")),
    ),
  );
}

function ErasersTable({ erasers, busy, t, onWithdraw }) {
  if (erasers.length === 0) {
    return h("p", { "data-testid": "org-erasure-self-service-none" }, t("orgErasureSelfServiceNone"));
  }
  return h(
    "table",
    {
      className: "pf-v5-c-table pf-m-compact pf-m-grid-md",
      role: "grid",
      "data-testid": "org-erasure-self-service-erasers",
    },
    tableHead([
      t("orgErasureSelfServiceMember"),
      t("orgErasureSelfServiceSince"),
      t("orgErasureSelfServiceAllowedBy"),
      "",
    ]),
    h(
      "tbody",
      { className: "pf-v5-c-table__tbody" },
      erasers.map((eraser) =>
        h(
          "tr",
          { key: eraser.userId, className: "pf-v5-c-table__tr", "data-username": eraser.username ?? "" },
          h("td", { className: "pf-v5-c-table__td" }, eraser.username ?? eraser.userId),
          h("td", { className: "pf-v5-c-table__td" }, formatTime(eraser.grantedAt)),
          h("td", { className: "pf-v5-c-table__td" }, eraser.grantedBy ?? eraser.grantedById),
          h(
            "td",
            { className: "pf-v5-c-table__td pf-v5-c-table__action" },
            h(
              "button",
              {
                type: "button",
                className: "pf-v5-c-button pf-m-link pf-m-danger",
                disabled: busy,
                onClick: () => onWithdraw(eraser),
              },
              t("orgErasureSelfServiceWithdraw"),
            ),
          ),
        ),
      ),
    ),
  );
}
