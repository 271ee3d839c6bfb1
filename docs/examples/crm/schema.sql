-- A CRM shaped unlike the demo learning platform, to show what an inventory describes
-- (docs/inventory.md): organisations keyed by a text id of the CRM's own, mapped to Keycloak's;
-- people linked to organisations through a membership table (no tenant column on a person); organisation-scoped tables deleted by
-- ON DELETE CASCADE from the organisation; sales data keyed by the text organisation id with no
-- foreign key; files attached to deals in an S3 bucket; per-user onboarding that a kept member
-- starts again.

-- Keyed by the CRM's own ids ('acme-corp'), as the CRM had them before it used Keycloak; each
-- organisation names the Keycloak organisation it became, once, so that an erasure of that
-- organisation finds this tenant (the inventory's keycloakIds).
CREATE TABLE organisations (
    org_id          text PRIMARY KEY,
    keycloak_org_id text UNIQUE,
    name            text NOT NULL
);

-- People are the application's view of Keycloak users; their rows outlive any one organisation,
-- but not the person: an erasure that deletes a member's account deletes their row too (KEEP in
-- the inventory), and leaves everyone else's as it is.
CREATE TABLE people (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    text NOT NULL UNIQUE, -- the Keycloak user id
    full_name  text NOT NULL
);

-- Keyed by the pair it links: its primary key, led by the organisation, is the batches' index too.
CREATE TABLE memberships (
    org_id     text NOT NULL REFERENCES organisations (org_id) ON DELETE CASCADE,
    person_id  uuid NOT NULL REFERENCES people (id),
    role       text NOT NULL DEFAULT 'MEMBER',
    PRIMARY KEY (org_id, person_id)
);

CREATE TABLE org_settings (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id     text NOT NULL REFERENCES organisations (org_id) ON DELETE CASCADE,
    name       text NOT NULL,
    value      text
);
CREATE INDEX org_settings_org_id_idx ON org_settings (org_id, id);

CREATE TABLE integrations (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id     text NOT NULL REFERENCES organisations (org_id) ON DELETE CASCADE,
    provider   text NOT NULL,
    api_token  text NOT NULL
);
CREATE INDEX integrations_org_id_idx ON integrations (org_id, id);

-- An integration's events carry no organisation: they reach it through their integration. Each is
-- numbered within the whole stream, and keyed by its integration and that number; the primary key,
-- led by the integration, is the index a purge looks them up by.
CREATE TABLE integration_events (
    integration_id bigint NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    seq            bigint GENERATED ALWAYS AS IDENTITY,
    payload        text NOT NULL,
    PRIMARY KEY (integration_id, seq)
);

-- Sales data: keyed by the organisation's id, without a foreign key (it is loaded in bulk), and
-- owned by a person, who keeps it when they keep their account.
CREATE TABLE contacts (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     text,
    owner_id   text NOT NULL, -- the Keycloak user id of the salesperson
    name       text NOT NULL,
    email      text
);
CREATE INDEX contacts_org_id_idx ON contacts (org_id, id);

CREATE TABLE deals (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     text,
    owner_id   text NOT NULL,
    title      text NOT NULL,
    amount     numeric(12, 2) NOT NULL DEFAULT 0
);
CREATE INDEX deals_org_id_idx ON deals (org_id, id);

CREATE TABLE activities (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id     text,
    owner_id   text NOT NULL,
    deal_id    uuid REFERENCES deals (id) ON DELETE SET NULL, -- a kept note outlives an erased deal
    note       text NOT NULL
);
CREATE INDEX activities_org_id_idx ON activities (org_id, id);

-- Files attached to deals, kept in the file store (an S3 bucket): each row names its object. They are
-- the organisation's: they go with it under either member policy, before the deals they belong to.
CREATE TABLE attachments (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     text,
    deal_id    uuid NOT NULL REFERENCES deals (id),
    object_key text NOT NULL,
    size_bytes bigint NOT NULL
);
CREATE INDEX attachments_org_id_idx ON attachments (org_id, id);
CREATE INDEX attachments_deal_id_idx ON attachments (deal_id);

-- One row per user: the onboarding they went through in an organisation. A kept member starts it
-- again (step 0, no organisation), or they would never see it again.
CREATE TABLE onboarding_progress (
    user_id    text PRIMARY KEY,
    org_id     text,
    step       integer NOT NULL DEFAULT 0
);
CREATE INDEX onboarding_progress_org_id_idx ON onboarding_progress (org_id, user_id);
