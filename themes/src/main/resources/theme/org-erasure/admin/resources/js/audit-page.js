// The "Erasure audit" page (docs/audit.md): the audit log's records, filtered; one erasure's
// records with their counts and its receipt; exports; and the server's check of the whole log.
import { createElement as h, useCallback, useEffect, useState } from "react";
import { closeButton } from "./modal.js";
import { PageFrame } from "./page-frame.js";
import { tableHead } from "./table.js";

const PAGE_SIZE = 100;
// Long enough for the browser to have taken the file before its address is released.
const DOWNLOAD_URL_LIFETIME_MS = 10_000;
const NO_FILTERS = { organization: "", from: "", to: "", status: "" };
export function AuditPage({ api, realm, mayView, t }) {
  return h(PageFrame, {
    titleTestId: "org-erasure-audit-title",
    title: t("orgErasureAuditTitle"),
    intro: t("orgErasureAuditIntro"),
    allowed: mayView,
    noAccessTestId: "org-erasure-audit-no-access",
    noAccess: t("orgErasureAuditNoAccess"),
    work: (addAlert) => h(AuditWork, { api, realm, t, addAlert }),
    t,
  });
}

function AuditWork({ api, realm, t, addAlert }) {
  const [filters, setFilters] = useState(NO_FILTERS);
  const [records, setRecords] = useState(null);
  const [hasMore, setHasMore] = useState(false);
  const [selected, setSelected] = useState(null);
  const [verification, setVerification] = useState(null);
  const [verifying, setVerifying] = useState(false);
  // The statuses records carry, as the server names them (the erasure's states).
  const [statuses, setStatuses] = useState([]);

  useEffect(() => {
    let current = true;
    api.auditStatuses(realm).then(
      (names) => current && setStatuses(names),
      (error) => current && addAlert("danger", error.message),
    );
    return () => {
      current = false;
    };
  }, [api, realm, addAlert]);

  useEffect(() => {
    let current = true;
    setRecords(null);
    api.auditRecords(realm, filters, 0, PAGE_SIZE).then(
      (page) => {
        if (!current) return;
        setRecords(page);
        setHasMore(page.length === PAGE_SIZE);
      },
      (error) => current && addAlert("danger", error.message),
    );
    return () => {
      current = false;
    };
  }, [api, realm, filters, addAlert]);

  // Keyset paging: the next page starts after the last record shown.
  const loadMore = async () => {
    try {
      const page = await api.auditRecords(realm, filters, records[records.length - 1].seq, PAGE_SIZE);
      setRecords([...records, ...page]);
      setHasMore(page.length === PAGE_SIZE);
    } catch (error) {
      addAlert("danger", error.message);
    }
  };

  const download = useCallback(
    async (loading) => {
      try {
        const { blob, filename } = await loading;
        saveFile(blob, filename);
      } catch (error) {
        addAlert("danger", error.message);
      }
    },
    [addAlert],
  );

  // The whole log, whatever the filters: a selection cannot show that nothing was cut or inserted.
  const verify = async () => {
    setVerifying(true);
    try {
      setVerification(await api.verifyAudit(realm));
    } catch (error) {
      addAlert("danger", error.message);
    }
    setVerifying(false);
  };

  return h(
    "div",
    null,
    h(FilterForm, { t, statuses, onApply: setFilters }),
    h(
      "div",
      { className: "org-erasure-audit-actions" },
      h(
        "button",
        {
          type: "button",
          className: "pf-v5-c-button pf-m-primary",
          "data-testid": "org-erasure-audit-verify",
          disabled: verifying,
          onClick: verify,
        },
        t("orgErasureAuditVerify"),
      ),
      h(
        "button",
        {
          type: "button",
          className: "pf-v5-c-button pf-m-secondary",
          "data-testid": "org-erasure-audit-export-jsonl",
          onClick: () => download(api.auditExport(realm, "jsonl", filters)),
        },
        t("orgErasureAuditExportJsonLines"),
      ),
      h(
        "button",
        {
          type: "button",
          className: "pf-v5-c-button pf-m-secondary",
          "data-testid": "org-erasure-audit-export-csv",
          onClick: () => download(api.auditExport(realm, "csv", filters)),
        },
        t("orgErasureAuditExportCsv"),
      ),
    ),
    verifying ? h("p", { "data-testid": "org-erasure-audit-verifying" }, t("orgErasureAuditVerifying")) : null,
    verification && !verifying ? h(VerificationResult, { result: verification, t }) : null,
    selected
      ? h(ErasureDetails, {
          key: selected,
          api,
          realm,
          erasureId: selected,
          t,
          addAlert,
          onDownload: download,
          onClose: () => setSelected(null),
        })
      : null,
    h("h2", { className: "pf-v5-c-title pf-m-xl org-erasure-subtitle" }, t("orgErasureAuditRecords")),
    records === null ? h("p", null, t("orgErasureLoading")) : h(RecordTable, { records, t, onSelect: setSelected }),
    hasMore && records
      ? h(
          "button",
          {
            type: "button",
            className: "pf-v5-c-button pf-m-link",
            "data-testid": "org-erasure-audit-more",
            onClick: loadMore,
          },
          t("orgErasureAuditMore"),
        )
      : null,
  );
}

// Filters apply on submit, so the table and the exports always match what the form last searched.
function FilterForm({ t, statuses, onApply }) {
  const [draft, setDraft] = useState(NO_FILTERS);
  const bind = (name) => ({
    id: `org-erasure-audit-${name}`,
    name,
    value: draft[name],
    onChange: (event) => setDraft({ ...draft, [name]: event.target.value }),
  });
  const submit = (event) => {
    event.preventDefault();
    onApply(draft);
  };
  const reset = () => {
    setDraft(NO_FILTERS);
    onApply(NO_FILTERS);
  };
  return h(
    "form",
    {
      className: "pf-v5-c-form org-erasure-audit-filters",
      "data-testid": "org-erasure-audit-filters",
      onSubmit: submit,
      noValidate: true,
    },
    formGroup(
      "organization",
      t("orgErasureAuditOrganisationFilter"),
      h("input", { type: "text", autoComplete: "off", ...bind("organization") }),
    ),
    formGroup("from", t("orgErasureAuditFrom"), h("input", { type: "date", ...bind("from") })),
    formGroup("to", t("orgErasureAuditTo"), h("input", { type: "date", ...bind("to") })),
    formGroup(
      "status",
      t("orgErasureAuditStatus"),
      h(
        "select",
        bind("status"),
        h("option", { value: "" }, t("orgErasureAuditAnyStatus")),
        statuses.map((status) => h("option", { key: status, value: status }, status)),
      ),
    ),
    h(
      "div",
      { className: "pf-v5-c-form__actions" },
      h(
        "button",
        { type: "submit", className: "pf-v5-c-button pf-m-primary", "data-testid": "org-erasure-audit-search" },
        t("orgErasureAuditSearch"),
      ),
      h(
        "button",
        {
          type: "button",
          className: "pf-v5-c-button pf-m-link",
          "data-testid": "org-erasure-audit-reset",
          onClick: reset,
        },
        t("orgErasureAuditReset"),
      ),
    ),
  );
}

function formGroup(name, label, control) {
  return h(
    "div",
    { className: "pf-v5-c-form__group" },
    h(
      "label",
      { className: "pf-v5-c-form__label", htmlFor: `org-erasure-audit-${name}` },
      h("span", { className: "pf-v5-c-form__label-text" }, label),
    ),
    h("span", { className: "pf-v5-c-form-control" }, control),
  );
}

// The outcome stays on the page, not in a toast that fades: it is what an auditor came for.
function VerificationResult({ result, t }) {
  return h(
    "div",
    {
      className: `pf-v5-c-alert pf-m-inline ${result.ok ? "pf-m-success" : "pf-m-danger"}`,
      "data-testid": "org-erasure-audit-verification",
      "data-ok": String(result.ok),
    },
    h("p", { className: "pf-v5-c-alert__title" }, result.summary),
    result.problems.length > 0
      ? h(
          "ul",
          { className: "pf-v5-c-alert__description", "data-testid": "org-erasure-audit-problems" },
          result.problems.map((problem, index) =>
            h(
              "li",
              { key: index },
              problem.seq > 0 ? t("orgErasureAuditProblem", problem.seq, problem.description) : problem.description,
            ),
          ),
        )
      : null,
  );
}

// Times as the records hold them, in UTC, like the filter's days.
function RecordTable({ records, t, onSelect }) {
  if (records.length === 0) {
    return h("p", { "data-testid": "org-erasure-audit-empty" }, t("orgErasureAuditNoRecords"));
  }
  const headers = [
    t("orgErasureAuditSeq"),
    t("orgErasureAuditTime"),
    t("orgErasureAuditEvent"),
    t("orgErasureAuditOrganisation"),
    t("orgErasureAuditRealm"),
    t("orgErasureAuditRequester"),
    t("orgErasureMembers"),
    t("orgErasureAuditStatus"),
  ];
  return h(
    "table",
    { className: "pf-v5-c-table pf-m-compact pf-m-grid-md", role: "grid", "data-testid": "org-erasure-audit-records" },
    tableHead(headers),
    h(
      "tbody",
      { className: "pf-v5-c-table__tbody" },
      records.map((record) =>
        h(
          "tr",
          {
            key: record.seq,
            className: "pf-v5-c-table__tr pf-m-clickable",
            "data-testid": "org-erasure-audit-record",
            "data-seq": record.seq,
            "data-event": record.event,
            "data-erasure-id": record.erasureId,
            onClick: () => onSelect(record.erasureId),
          },
          cell(
            headers[0],
            h(
              "button",
              {
                type: "button",
                className: "pf-v5-c-button pf-m-link pf-m-inline",
                title: t("orgErasureAuditShowErasure"),
              },
              String(record.seq),
            ),
          ),
          cell(headers[1], h("span", { className: "org-erasure-audit-time" }, record.time)),
          cell(headers[2], record.event),
          cell(headers[3], record.organizationName),
          cell(headers[4], record.realmName),
          cell(headers[5], requesterOf(record, true)),
          cell(headers[6], String(record.memberCount)),
          cell(headers[7], record.status),
        ),
      ),
    ),
  );
}

function cell(label, content) {
  return h("td", { className: "pf-v5-c-table__td", "data-label": label }, content);
}

// One erasure's records with their counts as recorded, and its receipt once it completed.
function ErasureDetails({ api, realm, erasureId, t, addAlert, onDownload, onClose }) {
  const [records, setRecords] = useState(null);

  useEffect(() => {
    let current = true;
    api.auditRecords(realm, { erasure: erasureId }, 0, PAGE_SIZE).then(
      (page) => current && setRecords(page),
      (error) => current && addAlert("danger", error.message),
    );
    return () => {
      current = false;
    };
  }, [api, realm, erasureId, addAlert]);

  const first = records?.[0];
  const completed = records?.some((record) => record.event === "COMPLETED");
  return h(
    "div",
    {
      className: "pf-v5-c-card org-erasure-audit-details",
      id: "org-erasure-audit-details",
      "data-erasure-id": erasureId,
    },
    h(
      "div",
      { className: "pf-v5-c-card__header" },
      h(
        "div",
        { className: "pf-v5-c-card__title" },
        h(
          "h2",
          { className: "pf-v5-c-title pf-m-lg" },
          t("orgErasureAuditDetailsTitle", first?.organizationName ?? erasureId),
        ),
      ),
      h(
        "div",
        { className: "pf-v5-c-card__actions" },
        completed
          ? h(
              "button",
              {
                type: "button",
                className: "pf-v5-c-button pf-m-secondary",
                "data-testid": "org-erasure-audit-receipt",
                onClick: () => onDownload(api.receipt(realm, erasureId)),
              },
              t("orgErasureAuditReceipt"),
            )
          : null,
        closeButton(t("orgErasureClose"), onClose),
      ),
    ),
    h(
      "div",
      { className: "pf-v5-c-card__body" },
      first
        ? h(
            "dl",
            { className: "org-erasure-facts" },
            fact(t("orgErasureAuditErasureId"), erasureId, "erasure-id"),
            fact(t("orgErasureAuditRealm"), first.realmName, "realm"),
            fact(t("orgErasureAuditRequester"), requesterOf(first), "requester"),
            fact(t("orgErasureMembers"), String(first.memberCount), "member-count"),
          )
        : null,
      records === null
        ? h("p", null, t("orgErasureLoading"))
        : h(
            "table",
            {
              className: "pf-v5-c-table pf-m-compact",
              role: "grid",
              "data-testid": "org-erasure-audit-erasure-records",
            },
            tableHead([
              t("orgErasureAuditSeq"),
              t("orgErasureAuditTime"),
              t("orgErasureAuditEvent"),
              t("orgErasureAuditStatus"),
              t("orgErasureAuditCounts"),
            ]),
            h(
              "tbody",
              { className: "pf-v5-c-table__tbody" },
              records.map((record) =>
                h(
                  "tr",
                  {
                    key: record.seq,
                    className: "pf-v5-c-table__tr",
                    "data-seq": record.seq,
                    "data-event": record.event,
                  },
                  h("td", { className: "pf-v5-c-table__td" }, String(record.seq)),
                  h(
                    "td",
                    { className: "pf-v5-c-table__td" },
                    h("span", { className: "org-erasure-audit-time" }, record.time),
                  ),
                  h("td", { className: "pf-v5-c-table__td" }, record.event),
                  h("td", { className: "pf-v5-c-table__td" }, record.status),
                  // Counts differ by step (docs/audit.md); they are shown as recorded.
                  h(
                    "td",
                    { className: "pf-v5-c-table__td" },
                    h("pre", { className: "org-erasure-audit-counts" }, JSON.stringify(record.counts, null, 2)),
                  ),
                ),
              ),
            ),
          ),
    ),
  );
}

function fact(term, description, testId) {
  return [
    h("dt", { key: `${testId}-term` }, term),
    h("dd", { key: testId, "data-testid": `org-erasure-audit-${testId}` }, description),
  ];
}

// The downloads need the bearer token, which a plain link cannot send: the file is fetched, then
// handed to the browser from memory.
function saveFile(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}

// Records name the requester's address by salted digest (docs/audit.md); older ones by the address.
// The table shows the digest's start, so that the row keeps its width; the details show it whole.
function requesterOf(record, short = false) {
  const digest = record.requesterEmailDigest;
  if (record.requesterEmail || !digest) return record.requesterEmail ?? "";
  return short ? `${digest.slice(0, 15)}…` : digest;
}
