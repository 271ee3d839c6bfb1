// One erasure's progress, category by category, refreshed until it reaches a final state.
import { createElement as h, useEffect, useRef, useState } from "react";
import { ApiError } from "./erasure-api.js";
import { StateLabel, formatTime } from "./erasure-state.js";
import { tableHead } from "./table.js";

const POLL_INTERVAL_MS = 1000;

export function ErasureProgress({ api, realm, erasureId, t, addAlert, onFinished }) {
  const [erasure, setErasure] = useState(null);
  const [purge, setPurge] = useState(null);
  const lastProblem = useRef(null);

  useEffect(() => {
    let stopped = false;
    let timer;
    const poll = async () => {
      try {
        const current = await api.erasure(realm, erasureId);
        if (stopped) return;
        setErasure(current);
        const latestPurge = await purgeOf(api, realm, current);
        if (stopped) return;
        if (latestPurge) setPurge(latestPurge);
        lastProblem.current = null;
        if (current.finished) {
          onFinished(current);
          return;
        }
      } catch (error) {
        // A lasting problem is announced once, not once per poll.
        if (!stopped && lastProblem.current !== error.message) {
          lastProblem.current = error.message;
          addAlert("danger", error.message);
        }
      }
      if (!stopped) timer = setTimeout(poll, POLL_INTERVAL_MS);
    };
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, realm, erasureId, addAlert, onFinished]);

  if (!erasure) {
    return h(
      "div",
      { className: "pf-v5-c-card", id: "org-erasure-progress" },
      h("div", { className: "pf-v5-c-card__body" }, t("orgErasureLoading")),
    );
  }
  return h(
    "div",
    { className: "pf-v5-c-card", id: "org-erasure-progress", "data-erasure-id": erasure.id },
    h(
      "div",
      { className: "pf-v5-c-card__header" },
      h(
        "div",
        { className: "pf-v5-c-card__title" },
        h(
          "h2",
          { className: "pf-v5-c-title pf-m-lg" },
          t("orgErasureProgressTitle", erasure.organizationName),
          " ",
          h(StateLabel, { erasure, t }),
        ),
      ),
    ),
    h(
      "div",
      { className: "pf-v5-c-card__body" },
      erasure.lastError && !erasure.finished
        ? h(LastError, { api, realm, erasure, t, addAlert, onRetried: setErasure })
        : null,
      erasure.cancellable ? h(GracePeriod, { api, realm, erasure, t, addAlert, onCancelled: setErasure }) : null,
      h(Bar, {
        id: "members-locked",
        label: t("orgErasureMembersLocked"),
        done: erasure.membersLocked,
        total: erasure.memberCount,
      }),
      h(PurgedRows, { purge, erasure, t }),
      h(FailedFiles, {
        api,
        realm,
        erasureId: erasure.id,
        failedFiles: purge?.failedFiles ?? [],
        t,
        addAlert,
        onRetried: setPurge,
      }),
      h(Bar, {
        id: "identities-deleted",
        label: t("orgErasureIdentitiesDeleted"),
        done: erasure.identitiesDeleted,
        total: toErase(erasure),
      }),
      h(
        "dl",
        { className: "org-erasure-facts" },
        fact(t("orgErasureMemberPolicy"), t(`orgErasurePolicy${erasure.memberPolicy}`), "member-policy"),
        erasure.memberPolicy === "DETACH"
          ? fact(t("orgErasureDetached"), String(erasure.membersDetached), "detached")
          : null,
        fact(t("orgErasureKeptInOtherTenants"), String(erasure.membersKeptInOtherTenants), "kept-other-tenants"),
        fact(t("orgErasureKeptAsAdministrators"), String(erasure.membersKeptAsAdministrators), "kept-administrators"),
        erasure.membersKeptAfterLeaving > 0
          ? fact(t("orgErasureKeptAfterLeaving"), String(erasure.membersKeptAfterLeaving), "kept-after-leaving")
          : null,
        fact(t("orgErasureLoginEventsDeleted"), String(erasure.loginEventsDeleted), "login-events-deleted"),
        fact(t("orgErasureRequestedBy"), erasure.requestedBy || t("orgErasureRequesterInAudit"), "requested-by"),
        fact(t("orgErasureRequestedAt"), formatTime(erasure.requestedAt), "requested-at"),
        erasure.completedAt ? fact(t("orgErasureCompletedAt"), formatTime(erasure.completedAt), "completed-at") : null,
        erasure.auditRecordId ? fact(t("orgErasureAuditRecord"), erasure.auditRecordId, "audit-record") : null,
      ),
    ),
  );
}

// Members kept (docs/erasure.md, "Who is erased") lose only the membership, so they are not deleted.
function toErase(erasure) {
  const counted = erasure.membersLocked > 0 ? erasure.membersLocked : erasure.memberCount;
  return (
    counted -
    erasure.membersKeptInOtherTenants -
    erasure.membersKeptAsAdministrators -
    erasure.membersDetached -
    erasure.membersKeptAfterLeaving
  );
}

// The service's live status once it holds the erasure; before the hand-over it has nothing (404).
async function purgeOf(api, realm, erasure) {
  if (!erasure.handedOver) return null;
  try {
    return await api.purge(realm, erasure.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    // Once Keycloak holds the final counts, the service's view is no longer needed.
    if (erasure.appData) return null;
    throw error;
  }
}

function PurgedRows({ purge, erasure, t }) {
  // One per-table shape everywhere (docs/contract.md): rows deleted so far, or in all once reported.
  const tables = purge?.tables ?? erasure.appData?.tables ?? [];
  const files = purge?.files ?? erasure.appData?.files;
  if (tables.length === 0 && !files) {
    return null;
  }
  return h(
    "div",
    { className: "org-erasure-purge" },
    h(
      "table",
      { className: "pf-v5-c-table pf-m-compact", role: "grid", "data-testid": "org-erasure-purged-rows" },
      tableHead([t("orgErasureCategory"), t("orgErasureRowsPurged")]),
      h(
        "tbody",
        { className: "pf-v5-c-table__tbody" },
        tables.map((row) =>
          h(
            "tr",
            { key: row.table, className: "pf-v5-c-table__tr", "data-table": row.table },
            h("td", { className: "pf-v5-c-table__td" }, row.category),
            h("td", { className: "pf-v5-c-table__td" }, String(row.rows)),
          ),
        ),
        files
          ? h(
              "tr",
              { className: "pf-v5-c-table__tr", "data-table": "files" },
              h("td", { className: "pf-v5-c-table__td" }, t("orgErasureFiles")),
              h("td", { className: "pf-v5-c-table__td" }, String(files.deleted)),
            )
          : null,
        files && files.failed > 0
          ? h(
              "tr",
              { className: "pf-v5-c-table__tr", "data-table": "files-failed" },
              h("td", { className: "pf-v5-c-table__td" }, t("orgErasureFilesFailed")),
              h("td", { className: "pf-v5-c-table__td" }, String(files.failed)),
            )
          : null,
      ),
    ),
  );
}

// A failing step's error; a failing hand-over may be tried again now instead of after its back-off.
function LastError({ api, realm, erasure, t, addAlert, onRetried }) {
  const [retrying, setRetrying] = useState(false);
  const retry = async () => {
    setRetrying(true);
    try {
      onRetried(await api.retryHandOver(realm, erasure.id));
    } catch (error) {
      addAlert("danger", error.message);
    }
    setRetrying(false);
  };
  return h(
    "div",
    { className: "pf-v5-c-alert pf-m-warning pf-m-inline", "data-testid": "org-erasure-last-error" },
    h("p", { className: "pf-v5-c-alert__title" }, t("orgErasureLastError", erasure.lastError)),
    erasure.state === "FAILED_RETRYING"
      ? h(
          "div",
          { className: "pf-v5-c-alert__action-group" },
          h(
            "button",
            {
              type: "button",
              className: "pf-v5-c-button pf-m-secondary",
              id: "org-erasure-retry-now",
              disabled: retrying,
              onClick: retry,
            },
            t("orgErasureRetryNow"),
          ),
        )
      : null,
  );
}

// During the grace period: when the purge starts, and a cancel that puts everything back.
function GracePeriod({ api, realm, erasure, t, addAlert, onCancelled }) {
  const [cancelling, setCancelling] = useState(false);
  const cancel = async () => {
    setCancelling(true);
    try {
      onCancelled(await api.cancel(realm, erasure.id));
      addAlert("success", t("orgErasureCancelled", erasure.organizationName));
    } catch (error) {
      addAlert("danger", error.message);
    }
    setCancelling(false);
  };
  return h(
    "div",
    { className: "pf-v5-c-alert pf-m-info pf-m-inline", "data-testid": "org-erasure-grace-period" },
    h(
      "p",
      { className: "pf-v5-c-alert__title" },
      erasure.graceEndsAt
        ? t("orgErasureGraceUntil", formatTime(erasure.graceEndsAt))
        : t("orgErasureNotHandedOverYet"),
    ),
    h("p", { className: "pf-v5-c-alert__description" }, t("orgErasureCancelExplained")),
    h(
      "div",
      { className: "pf-v5-c-alert__action-group" },
      h(
        "button",
        {
          type: "button",
          className: "pf-v5-c-button pf-m-secondary",
          id: "org-erasure-cancel",
          disabled: cancelling,
          onClick: cancel,
        },
        t("orgErasureCancel"),
      ),
    ),
  );
}

// Files the service could not delete yet: it retries them with back-off; an admin may ask now.
function FailedFiles({ api, realm, erasureId, failedFiles, t, addAlert, onRetried }) {
  const [retrying, setRetrying] = useState(false);
  if (failedFiles.length === 0) return null;
  const retry = async () => {
    setRetrying(true);
    try {
      onRetried(await api.retryFailedFiles(realm, erasureId));
    } catch (error) {
      addAlert("danger", error.message);
    }
    setRetrying(false);
  };
  return h(
    "div",
    { className: "pf-v5-c-alert pf-m-warning pf-m-inline", "data-testid": "org-erasure-failed-files" },
    h("p", { className: "pf-v5-c-alert__title" }, t("orgErasureFailedFilesTitle", failedFiles.length)),
    h(
      "ul",
      { className: "pf-v5-c-alert__description" },
      failedFiles.map((file) =>
        h("li", { key: file.path }, t("orgErasureFailedFile", file.path, file.error, file.attempts)),
      ),
    ),
    h(
      "button",
      {
        type: "button",
        className: "pf-v5-c-button pf-m-secondary",
        id: "org-erasure-retry-files",
        disabled: retrying,
        onClick: retry,
      },
      t("orgErasureRetryFiles"),
    ),
  );
}

// PatternFly's progress and description-list styles are not among those the console loads up
// front, so these two are drawn with the page's own small styles (css/org-erasure.css).
function Bar({ id, label, done, total }) {
  const percent = total > 0 ? Math.round((100 * done) / total) : 100;
  return h(
    "div",
    { className: "org-erasure-bar", "data-testid": `org-erasure-${id}` },
    h("div", { className: "org-erasure-bar__label" }, label),
    h("div", { className: "org-erasure-bar__measure" }, `${done} / ${total}`),
    h(
      "div",
      {
        className: "org-erasure-bar__track",
        role: "progressbar",
        "aria-valuemin": 0,
        "aria-valuemax": 100,
        "aria-valuenow": percent,
        "aria-label": label,
      },
      h("div", { className: "org-erasure-bar__fill", style: { width: `${percent}%` } }),
    ),
  );
}

function fact(term, description, testId) {
  return [
    h("dt", { key: `${testId}-term` }, term),
    h("dd", { key: testId, "data-testid": `org-erasure-${testId}` }, description),
  ];
}
