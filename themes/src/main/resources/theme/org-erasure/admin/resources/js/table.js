// PatternFly table parts the page's tables share.
import { createElement as h } from "react";

export function tableHead(titles) {
  return h(
    "thead",
    { className: "pf-v5-c-table__thead" },
    h(
      "tr",
      { className: "pf-v5-c-table__tr" },
      titles.map((title, index) => h("th", { key: index, className: "pf-v5-c-table__th" }, title)),
    ),
  );
}
