-- What the tenant of a purge is in Keycloak: an Organization or a group (README, "Tenant models").
-- The data is keyed by the tenant's id either way (org_id holds an organisation's or a group's id);
-- the kind is kept for the record. Purges handed over before tenants could be groups were of
-- organisations.
ALTER TABLE purge ADD COLUMN tenant_kind varchar(16) NOT NULL DEFAULT 'ORGANIZATION'
    CHECK (tenant_kind IN ('ORGANIZATION', 'GROUP'));
