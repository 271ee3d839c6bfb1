-- The erasure service's own bookkeeping: one row per purge (the request handed over by Keycloak)
-- and one progress row per inventory table. These are not application data of any organisation
-- (they are not in the data inventory and are never purged): they are what makes a purge resumable
-- with exact counts, since every batch updates its table's rows_deleted in its own transaction.

CREATE TABLE purge (
    request_id      varchar(36)  PRIMARY KEY, -- Keycloak's erasure request id
    org_id          varchar(36)  NOT NULL,    -- no foreign key: the organisation row is purged
    org_name        varchar(255) NOT NULL,
    state           varchar(32)  NOT NULL CHECK (state IN ('SCHEDULED', 'PURGING_APP_DATA', 'APP_DATA_PURGED',
                                                           'REPORTED', 'FAILED_RETRYING', 'CANCELLED')),
    requested_at    timestamptz  NOT NULL,
    grace_until     timestamptz  NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    reported_at     timestamptz,
    files_deleted   bigint       NOT NULL DEFAULT 0 CHECK (files_deleted >= 0),
    files_failed    bigint       NOT NULL DEFAULT 0 CHECK (files_failed >= 0),
    report_attempts integer      NOT NULL DEFAULT 0 CHECK (report_attempts >= 0),
    next_report_at  timestamptz,
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
