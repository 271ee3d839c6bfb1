// How an erasure's state reads on the page. The states and which ones are final come from the
// server's state machine (ErasureState); this only chooses words and colours.
import { createElement as h } from "react";

const COLOURS = {
  COMPLETED: "pf-m-green",
  COMPLETED_WITH_ERRORS: "pf-m-orange",
  FAILED_RETRYING: "pf-m-red",
  CANCELLED: "",
};

export function StateLabel({ state, t }) {
  return h(
    "span",
    { className: `pf-v5-c-label ${COLOURS[state] ?? "pf-m-blue"}`, "data-testid": "org-erasure-state", "data-state": state },
    h("span", { className: "pf-v5-c-label__content" }, h("span", { className: "pf-v5-c-label__text" }, t(`orgErasureState.${state}`))),
  );
}

export function formatTime(millis) {
  return millis ? new Date(millis).toLocaleString() : "";
}
