// The frame both of our console pages share: title, introduction, the work (or why the admin
// cannot see it), and the page's alerts.
import { createElement as h } from "react";
import { AlertGroup, useAlerts } from "./alerts.js";

// allowed: what the server's permissions say; work(addAlert): the page's content when allowed.
export function PageFrame({ titleTestId, title, intro, allowed, noAccessTestId, noAccess, work, t }) {
  const { alerts, addAlert, removeAlert } = useAlerts();
  return h(
    "div",
    { className: "org-erasure-page" },
    h(
      "section",
      { className: "pf-v5-c-page__main-section pf-m-light" },
      h("h1", { className: "pf-v5-c-title pf-m-2xl", "data-testid": titleTestId }, title),
      h("p", { className: "org-erasure-intro" }, intro),
    ),
    h(
      "section",
      { className: "pf-v5-c-page__main-section" },
      allowed
        ? work(addAlert)
        : h(
            "div",
            { className: "pf-v5-c-empty-state", "data-testid": noAccessTestId },
            h(
              "div",
              { className: "pf-v5-c-empty-state__content" },
              h("div", { className: "pf-v5-c-empty-state__body" }, noAccess),
            ),
          ),
    ),
    h(AlertGroup, { alerts, onClose: removeAlert, closeLabel: t("orgErasureClose") }),
  );
}
