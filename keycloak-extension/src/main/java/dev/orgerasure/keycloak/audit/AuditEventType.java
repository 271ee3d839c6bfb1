package dev.orgerasure.keycloak.audit;

/** The lifecycle events of an erasure the audit log records, one record each (docs/audit.md). */
public enum AuditEventType {
  REQUESTED,
  LOCKED_OUT,
  HANDED_OVER,
  CANCELLED,
  APP_DATA_PURGED,
  NOTIFIED,
  IDENTITIES_DELETED,
  COMPLETED
}
