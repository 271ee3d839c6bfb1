// The "Organisation erasure" page: the realm's organisations with their counts and erasure
// state, the recent erasures, the erase dialog and the progress of the erasure being followed.
import { createElement as h, useCallback, useEffect, useState } from "react";
import { EraseDialog } from "./erase-dialog.js";
import { SelfServiceErasersDialog } from "./self-service-erasers.js";
import { ErasureProgress } from "./erasure-progress.js";
import { PageFrame } from "./page-frame.js";
import { StateLabel, formatTime } from "./erasure-state.js";
import { PAGE_SIZE } from "./erasure-api.js";
import { tableHead } from "./table.js";

export function ErasurePage({ api, realm, mayErase, t }) {
  return h(PageFrame, {
    titleTestId: "org-erasure-title",
    title: t("orgErasureTitle"),
    intro: t("orgErasureIntro"),
    allowed: mayErase,
    noAccessTestId: "org-erasure-no-access",
    noAccess: t("orgErasureNoAccess"),
    work: (addAlert) => h(ErasureWork, { api, realm, t, addAlert }),
    t,
  });
}

function ErasureWork({ api, realm, t, addAlert }) {
  const [organizations, setOrganizations] = useState(null);
  const [tenantModel, setTenantModel] = useState(null);
  const [appData, setAppData] = useState({});
  const [erasures, setErasures] = useState([]);
  const [erasing, setErasing] = useState(null);
  const [delegating, setDelegating] = useState(null);
  const [followed, setFollowed] = useState(null);

  const reload = useCallback(async () => {
    try {
      const [model, firstPage, erasureList] = await Promise.all([
        api.tenantModel(realm),
        api.organizations(realm),
        api.erasures(realm),
      ]);
      setTenantModel(model);
      setOrganizations(firstPage);
      setErasures(erasureList);
      setAppData({});
      loadAppData(api, realm, 0, setAppData, addAlert);
      loadFurtherPages(api, realm, firstPage, setOrganizations, setAppData, addAlert);
    } catch (error) {
      addAlert("danger", error.message);
    }
  }, [api, realm, addAlert]);

  useEffect(() => {
    reload();
  }, [reload]);

  const started = (erasure) => {
    setErasing(null);
    setFollowed(erasure.id);
    addAlert("success", t("orgErasureStarted", erasure.organizationName));
    reload();
  };

  return h(
    "div",
    null,
    followed
      ? h(ErasureProgress, { key: followed, api, realm, erasureId: followed, t, addAlert, onFinished: reload })
      : null,
    h("h2", { className: "pf-v5-c-title pf-m-xl org-erasure-subtitle" }, t("orgErasureOrganisations")),
    tenantModel ? h("p", { "data-testid": "org-erasure-tenant-model" }, describeModel(tenantModel, t)) : null,
    organizations === null
      ? h("p", null, t("orgErasureLoading"))
      : h(OrganisationTable, {
          organizations,
          appData,
          t,
          onErase: setErasing,
          onFollow: setFollowed,
          onSelfService: setDelegating,
        }),
    h("h2", { className: "pf-v5-c-title pf-m-xl org-erasure-subtitle" }, t("orgErasureRecent")),
    h(RecentErasures, { erasures, t, onFollow: setFollowed }),
    delegating
      ? h(SelfServiceErasersDialog, {
          api,
          realm,
          organization: delegating,
          t,
          addAlert,
          onClose: () => setDelegating(null),
        })
      : null,
    erasing
      ? h(EraseDialog, {
          api,
          realm,
          organization: erasing,
          t,
          addAlert,
          onClose: () => setErasing(null),
          onStarted: started,
        })
      : null,
  );
}

// Which tenant model the realm uses (docs/erasure.md, "Tenant models").
function describeModel(model, t) {
  if (model.kind !== "GROUP") return t("orgErasureModelOrganizations");
  return model.parentGroupPath
    ? t("orgErasureModelGroupsUnder", model.parentGroupPath)
    : t("orgErasureModelTopLevelGroups");
}

// Counts come from the erasure-service in one call per page of organisations, after the list
// shows, so a slow or unreachable service never holds the list back; it is reported once.
async function loadAppData(api, realm, first, setAppData, addAlert) {
  try {
    const page = await api.appDataPage(realm, first);
    setAppData((known) => {
      const byOrganization = { ...known };
      page.forEach((counts) => {
        byOrganization[counts.organizationId] = { counts };
      });
      return byOrganization;
    });
  } catch (error) {
    setAppData((known) => ({ ...known, unavailable: true }));
    addAlert("danger", error.message);
  }
}

// A realm with more organisations than one page lists the rest as their pages arrive.
async function loadFurtherPages(api, realm, firstPage, setOrganizations, setAppData, addAlert) {
  let page = firstPage;
  let first = 0;
  while (page.length === PAGE_SIZE) {
    first += PAGE_SIZE;
    page = await api.organizations(realm, first);
    const more = page;
    setOrganizations((listed) => [...listed, ...more]);
    if (more.length > 0) loadAppData(api, realm, first, setAppData, addAlert);
  }
}

function appDataSummary(entry, unavailable, t) {
  if (!entry) return unavailable ? t("orgErasureUnavailable") : t("orgErasureLoading");
  const rows = entry.counts.tables.reduce((sum, table) => sum + table.rows, 0);
  return t("orgErasureRowsAndFiles", rows, entry.counts.files.files);
}

function OrganisationTable({ organizations, appData, t, onErase, onFollow, onSelfService }) {
  if (organizations.length === 0) {
    return h("p", null, t("orgErasureNoOrganisations"));
  }
  const headers = [t("orgErasureName"), t("orgErasureMembers"), t("orgErasureAppData"), t("orgErasureState"), ""];
  return h(
    "table",
    { className: "pf-v5-c-table pf-m-grid-md", role: "grid", "data-testid": "org-erasure-organisations" },
    tableHead(headers),
    h(
      "tbody",
      { className: "pf-v5-c-table__tbody" },
      organizations.map((organization) =>
        h(
          "tr",
          { key: organization.id, className: "pf-v5-c-table__tr", "data-organization": organization.name },
          h("td", { className: "pf-v5-c-table__td", "data-label": headers[0] }, organization.name),
          h("td", { className: "pf-v5-c-table__td", "data-label": headers[1] }, String(organization.memberCount)),
          h(
            "td",
            { className: "pf-v5-c-table__td", "data-label": headers[2], "data-testid": "org-erasure-app-data" },
            appDataSummary(appData[organization.id], appData.unavailable, t),
          ),
          h(
            "td",
            { className: "pf-v5-c-table__td", "data-label": headers[3] },
            organization.erasure ? h(StateLabel, { erasure: organization.erasure, t }) : t("orgErasureNotStarted"),
          ),
          h(
            "td",
            { className: "pf-v5-c-table__td pf-v5-c-table__action" },
            organization.erasure
              ? h(
                  "button",
                  {
                    type: "button",
                    className: "pf-v5-c-button pf-m-secondary",
                    onClick: () => onFollow(organization.erasure.id),
                  },
                  t("orgErasureFollowAction"),
                )
              : h(
                  "span",
                  { className: "org-erasure-actions" },
                  h(
                    "button",
                    {
                      type: "button",
                      className: "pf-v5-c-button pf-m-secondary",
                      "data-testid": "org-erasure-self-service",
                      onClick: () => onSelfService(organization),
                    },
                    t("orgErasureSelfServiceAction"),
                  ),
                  h(
                    "button",
                    {
                      type: "button",
                      className: "pf-v5-c-button pf-m-danger",
                      "data-testid": "org-erasure-erase",
                      onClick: () => onErase(organization),
                    },
                    t("orgErasureEraseAction"),
                  ),
                ),
          ),
        ),
      ),
    ),
  );
}

function RecentErasures({ erasures, t, onFollow }) {
  if (erasures.length === 0) {
    return h("p", null, t("orgErasureNoErasures"));
  }
  const headers = [
    t("orgErasureName"),
    t("orgErasureState"),
    t("orgErasureRequestedBy"),
    t("orgErasureRequestedAt"),
    t("orgErasureCompletedAt"),
    t("orgErasureAuditRecord"),
    "",
  ];
  return h(
    "table",
    { className: "pf-v5-c-table pf-m-grid-md", role: "grid", "data-testid": "org-erasure-recent" },
    tableHead(headers),
    h(
      "tbody",
      { className: "pf-v5-c-table__tbody" },
      erasures.map((erasure) =>
        h(
          "tr",
          { key: erasure.id, className: "pf-v5-c-table__tr", "data-erasure-id": erasure.id },
          h("td", { className: "pf-v5-c-table__td" }, erasure.organizationName),
          h("td", { className: "pf-v5-c-table__td" }, h(StateLabel, { erasure, t })),
          h("td", { className: "pf-v5-c-table__td" }, erasure.requestedBy || t("orgErasureRequesterInAudit")),
          h("td", { className: "pf-v5-c-table__td" }, formatTime(erasure.requestedAt)),
          h("td", { className: "pf-v5-c-table__td" }, formatTime(erasure.completedAt)),
          h("td", { className: "pf-v5-c-table__td" }, erasure.auditRecordId ?? ""),
          h(
            "td",
            { className: "pf-v5-c-table__td pf-v5-c-table__action" },
            h(
              "button",
              { type: "button", className: "pf-v5-c-button pf-m-link", onClick: () => onFollow(erasure.id) },
              t("orgErasureFollowAction"),
            ),
          ),
        ),
      ),
    ),
  );
}
