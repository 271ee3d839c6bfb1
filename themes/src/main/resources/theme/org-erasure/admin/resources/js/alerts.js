// Toast alerts in the console's own style (PatternFly's alert group), for the page's messages.
import { createElement as h, useCallback, useState } from "react";
import { createPortal } from "react-dom";

const SUCCESS_VISIBLE_MS = 8000;
let lastId = 0;

export function useAlerts() {
  const [alerts, setAlerts] = useState([]);
  const removeAlert = useCallback((id) => setAlerts((current) => current.filter((alert) => alert.id !== id)), []);
  const addAlert = useCallback(
    (variant, message) => {
      const id = ++lastId;
      // A message already on screen is not repeated (a reload or a poll meets the same failure).
      setAlerts((current) =>
        current.some((alert) => alert.variant === variant && alert.message === message)
          ? current
          : [...current, { id, variant, message }],
      );
      // Errors stay until the admin closes them: they must be read.
      if (variant === "success") {
        setTimeout(() => removeAlert(id), SUCCESS_VISIBLE_MS);
      }
    },
    [removeAlert],
  );
  return { alerts, addAlert, removeAlert };
}

const VARIANTS = {
  success: { modifier: "pf-m-success", label: "Success alert", icon: "✓" },
  danger: { modifier: "pf-m-danger", label: "Danger alert", icon: "!" },
  warning: { modifier: "pf-m-warning", label: "Warning alert", icon: "!" },
};

// Rendered into <body>, as the console renders its own, so it sits above the masthead and modals.
export function AlertGroup({ alerts, onClose, closeLabel }) {
  return createPortal(alertList(alerts, onClose, closeLabel), document.body);
}

function alertList(alerts, onClose, closeLabel) {
  return h(
    "ul",
    { className: "pf-v5-c-alert-group pf-m-toast", role: "list" },
    alerts.map((alert) => {
      const variant = VARIANTS[alert.variant];
      return h(
        "li",
        { key: alert.id, className: "pf-v5-c-alert-group__item" },
        h(
          "div",
          {
            className: `pf-v5-c-alert ${variant.modifier}`,
            "aria-label": variant.label,
            "data-testid": "org-erasure-alert",
          },
          h("div", { className: "pf-v5-c-alert__icon", "aria-hidden": "true" }, variant.icon),
          h(
            "p",
            { className: "pf-v5-c-alert__title" },
            h("span", { className: "pf-v5-screen-reader" }, `${variant.label}:`),
            alert.message,
          ),
          h(
            "div",
            { className: "pf-v5-c-alert__action" },
            h(
              "button",
              {
                type: "button",
                className: "pf-v5-c-button pf-m-plain",
                "aria-label": closeLabel,
                onClick: () => onClose(alert.id),
              },
              "×",
            ),
          ),
        ),
      );
    }),
  );
}
