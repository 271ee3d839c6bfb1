// How an erasure's state reads on the page: words by its state, colour by the phase the server
// derives from its state machine (ErasureState.phase), so the page keeps no list of states.
import { createElement as h } from "react";

const COLOURS = {
  WORKING: "pf-m-blue",
  RETRYING: "pf-m-red",
  COMPLETED: "pf-m-green",
  COMPLETED_WITH_ERRORS: "pf-m-orange",
  CANCELLED: "",
};

export function StateLabel({ erasure, t }) {
  return h(
    "span",
    {
      className: `pf-v5-c-label ${COLOURS[erasure.phase]}`,
      "data-testid": "org-erasure-state",
      "data-state": erasure.state,
    },
    h(
      "span",
      { className: "pf-v5-c-label__content" },
      h("span", { className: "pf-v5-c-label__text" }, t(`orgErasureState.${erasure.state}`)),
    ),
  );
}

export function formatTime(millis) {
  return millis ? new Date(millis).toLocaleString() : "";
}
