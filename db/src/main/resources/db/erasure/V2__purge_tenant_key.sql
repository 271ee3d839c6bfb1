-- The tenant's key in the application's tables, resolved once when the purge is accepted: the
-- organisation's id itself, or the application's own id of the tenant when the inventory says where
-- the application keeps its tenants' Keycloak ids (docs/inventory.md). It is kept because the row
-- that maps the two goes with the purge. NULL: where the inventory maps Keycloak's ids, the
-- application held no tenant for the organisation, and the purge finds only its erased members'
-- own rows; elsewhere (a row a server of the version before wrote) the organisation's id.
ALTER TABLE purge ADD COLUMN tenant_key varchar(255);

-- Purges accepted before: their tenant column held the organisation's id.
UPDATE purge SET tenant_key = org_id;
