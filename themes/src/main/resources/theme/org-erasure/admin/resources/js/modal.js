// The PatternFly modal the page's dialogs share: backdrop, box, close button and title, around the
// dialog's own body and footer. Rendered into <body>, as the console renders its own modals, so the
// backdrop covers the masthead.
import { createElement as h } from "react";
import { createPortal } from "react-dom";

export function Modal({ id, titleId, title, danger = false, closeLabel, onClose, children }) {
  return createPortal(
    h(
      "div",
      { className: "pf-v5-c-backdrop org-erasure-backdrop" },
      h(
        "div",
        { className: "pf-v5-l-bullseye" },
        h(
          "div",
          {
            className: "pf-v5-c-modal-box pf-m-md" + (danger ? " pf-m-danger" : ""),
            role: "dialog",
            "aria-modal": "true",
            "aria-labelledby": titleId,
            id,
          },
          h("div", { className: "pf-v5-c-modal-box__close" }, closeButton(closeLabel, onClose)),
          h(
            "header",
            { className: "pf-v5-c-modal-box__header" },
            h("h1", { className: "pf-v5-c-modal-box__title", id: titleId }, title),
          ),
          // Passed on as separate children, not as one list, which React would want keys for.
          ...[children].flat(),
        ),
      ),
    ),
    document.body,
  );
}

// The "×" that closes a modal or a card.
export function closeButton(label, onClose) {
  return h(
    "button",
    { type: "button", className: "pf-v5-c-button pf-m-plain", "aria-label": label, onClick: onClose },
    "×",
  );
}
