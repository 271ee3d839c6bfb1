-- Files a purge could not delete, each with its last error: service bookkeeping like purge and
-- purge_progress (not in the data inventory, never purged). The purge's timer retries each one with
-- back-off (next_attempt_at) until it is gone, also after the report to Keycloak; purge.files_failed
-- counts the rows here.

CREATE TABLE purge_failed_file (
    request_id      varchar(36)   NOT NULL REFERENCES purge (request_id),
    path            varchar(1024) NOT NULL, -- relative to the file-store root, as in assets.file_path
    error           varchar(1024) NOT NULL,
    attempts        integer       NOT NULL CHECK (attempts >= 1),
    last_attempt_at timestamptz   NOT NULL,
    next_attempt_at timestamptz   NOT NULL,
    PRIMARY KEY (request_id, path)
);
