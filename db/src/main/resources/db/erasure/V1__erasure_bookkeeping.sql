-- The erasure service's own tables, in its own schema (the data source's currentSchema, "erasure"
-- by default): one row per purge (the request Keycloak handed over), one progress row per inventory
-- table, the files a purge could not delete yet, and the members whose accounts the erasure deletes.
-- None of this is any organisation's application data: it is what makes a purge resumable with
-- exact counts (every batch updates its table's rows_deleted in its own transaction), and it stays as
-- the record of what was erased. The service never creates tables in the application's schema.

CREATE TABLE purge (
    request_id        varchar(36)  PRIMARY KEY, -- Keycloak's erasure request id
    org_id            varchar(36)  NOT NULL,    -- the tenant's id; no foreign key: its rows are purged
    org_name          varchar(255) NOT NULL,
    -- docs/contract.md, "State machines"
    state             varchar(32)  NOT NULL CHECK (state IN ('SCHEDULED', 'PURGING_APP_DATA', 'APP_DATA_PURGED',
                                                             'REPORT_RETRYING', 'REPORTED', 'CANCELLED')),
    -- What the purge does to the members' own rows, as the person who confirmed chose
    -- (docs/contract.md, "Member policy").
    member_policy     varchar(8)   NOT NULL CHECK (member_policy IN ('ERASE', 'DETACH')),
    -- What the tenant is in Keycloak, kept for the record (README, "Tenant models").
    tenant_kind       varchar(16)  NOT NULL CHECK (tenant_kind IN ('ORGANIZATION', 'GROUP')),
    requested_at      timestamptz  NOT NULL,
    grace_until       timestamptz  NOT NULL,
    started_at        timestamptz,
    finished_at       timestamptz,
    reported_at       timestamptz,
    files_deleted     bigint       NOT NULL DEFAULT 0 CHECK (files_deleted >= 0),
    files_failed      bigint       NOT NULL DEFAULT 0 CHECK (files_failed >= 0),
    report_attempts   integer      NOT NULL DEFAULT 0 CHECK (report_attempts >= 0),
    next_report_at    timestamptz,
    last_report_error varchar(1024)
);
CREATE INDEX purge_org_id_idx ON purge (org_id);

CREATE TABLE purge_progress (
    request_id   varchar(36) NOT NULL REFERENCES purge (request_id),
    table_name   varchar(63) NOT NULL,
    position     integer     NOT NULL CHECK (position >= 0), -- the table's place in the purge order
    rows_deleted bigint      NOT NULL DEFAULT 0 CHECK (rows_deleted >= 0),
    PRIMARY KEY (request_id, table_name)
);

-- Files a purge could not delete, each with its last error. The purge's timer retries each one with
-- back-off (next_attempt_at) until it is gone, also after the report to Keycloak; purge.files_failed
-- counts the rows here.
CREATE TABLE purge_failed_file (
    request_id      varchar(36)   NOT NULL REFERENCES purge (request_id),
    path            varchar(1024) NOT NULL, -- relative to the file-store root, as the inventory's files name it
    error           varchar(1024) NOT NULL,
    attempts        integer       NOT NULL CHECK (attempts >= 1),
    last_attempt_at timestamptz   NOT NULL,
    next_attempt_at timestamptz   NOT NULL,
    PRIMARY KEY (request_id, path)
);

-- The members whose accounts an erasure deletes, as Keycloak decided at lockout and named in the
-- hand-over (docs/contract.md, "People's own rows"). A per-person table's rows of these people are
-- deleted; every other person's rows are reset, so that people who keep their accounts keep their
-- own rows. Rows go when the purge has purged the data or is cancelled.
CREATE TABLE purge_erased_member (
    request_id varchar(36)  NOT NULL REFERENCES purge (request_id),
    user_id    varchar(255) NOT NULL, -- a Keycloak user id
    PRIMARY KEY (request_id, user_id)
);
