-- The purge state FAILED_RETRYING is renamed REPORT_RETRYING: in the service it only ever meant
-- "the report to Keycloak is failing", while Keycloak's FAILED_RETRYING means "the hand-over is
-- failing". One name, one meaning (docs/contract.md).

ALTER TABLE purge DROP CONSTRAINT purge_state_check;
UPDATE purge SET state = 'REPORT_RETRYING' WHERE state = 'FAILED_RETRYING';
ALTER TABLE purge ADD CONSTRAINT purge_state_check
    CHECK (state IN ('SCHEDULED', 'PURGING_APP_DATA', 'APP_DATA_PURGED', 'REPORT_RETRYING', 'REPORTED', 'CANCELLED'));
