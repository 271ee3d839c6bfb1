-- The members whose accounts an erasure deletes, as Keycloak decided at lockout and named in the
-- hand-over (docs/contract.md, "People's own rows"). A per-person table's rows of these people are
-- deleted; every other person's rows are reset, so that people who keep their accounts keep their
-- own rows. Rows go when the purge has purged the data or is cancelled.
CREATE TABLE purge_erased_member (
    request_id varchar(36)  NOT NULL REFERENCES purge (request_id),
    user_id    varchar(255) NOT NULL, -- a Keycloak user id
    PRIMARY KEY (request_id, user_id)
);
