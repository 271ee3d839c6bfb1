-- Onboarding in the learning platform: one row per person (not per membership), naming the
-- organisation they were onboarded into. The row is the person's own: a Detach erasure keeps it and
-- resets what ties it to the organisation (org_id NULL, state PENDING, completed_at NULL), so the
-- person goes through onboarding again; an Erase erasure deletes it with the organisation's rows.
-- Like every application table it carries org_id and an index leading with it.

CREATE TABLE onboarding (
    user_id      varchar(36) PRIMARY KEY, -- the Keycloak user id
    org_id       varchar(36) REFERENCES organizations (org_id), -- NULL: not onboarded into any
    state        varchar(16) NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'COMPLETED')),
    completed_at timestamptz,
    CONSTRAINT onboarding_completed_ck CHECK ((state = 'COMPLETED') = (completed_at IS NOT NULL))
);
CREATE INDEX onboarding_org_id_idx ON onboarding (org_id, user_id);

-- What the purge does to the members' own rows, as the person who confirmed the erasure chose
-- (docs/contract.md, "Member policy"). Purges handed over before the choice existed were erasures.
ALTER TABLE purge ADD COLUMN member_policy varchar(8) NOT NULL DEFAULT 'ERASE'
    CHECK (member_policy IN ('ERASE', 'DETACH'));
