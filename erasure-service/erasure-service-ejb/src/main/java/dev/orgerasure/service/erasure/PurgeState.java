package dev.orgerasure.service.erasure;

/**
 * The service's side of the erasure state machine; the names mirror the Keycloak extension's
 * states.
 */
public enum PurgeState {
  /** Accepted; waiting for the grace period to end. */
  SCHEDULED,
  /** Deleting the organisation's rows and files in batches. */
  PURGING_APP_DATA,
  /** Every inventory table is empty for the organisation; Keycloak not told yet. */
  APP_DATA_PURGED,
  /** Keycloak acknowledged the report: nothing left to do here. */
  REPORTED,
  /** The report to Keycloak failed; it is retried with back-off. */
  FAILED_RETRYING,
  /** Cancelled during the grace period; nothing was deleted. */
  CANCELLED;

  public boolean isFinal() {
    return this == REPORTED || this == CANCELLED;
  }

  public boolean awaitsReport() {
    return this == APP_DATA_PURGED || this == FAILED_RETRYING;
  }
}
