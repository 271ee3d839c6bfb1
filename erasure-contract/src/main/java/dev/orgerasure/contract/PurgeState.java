package dev.orgerasure.contract;

import java.util.Arrays;
import java.util.List;

/**
 * The service's side of an erasure: the states of its purge, as its status shows them. How they map
 * to Keycloak's erasure states is in docs/contract.md.
 */
public enum PurgeState {
  /** Accepted; waiting for the grace period to end. */
  SCHEDULED,
  /** Deleting the organisation's rows and files in batches. */
  PURGING_APP_DATA,
  /** Every inventory table is empty for the organisation; Keycloak not told yet. */
  APP_DATA_PURGED,
  /** The report to Keycloak failed; it is retried with back-off. */
  REPORT_RETRYING,
  /** Keycloak accepted the report: nothing left to do here. */
  REPORTED,
  /** Cancelled during the grace period; nothing was deleted. */
  CANCELLED;

  public boolean isFinal() {
    return this == REPORTED || this == CANCELLED;
  }

  /** Started and not final: what a restarted server carries on at once. */
  public boolean isInProgress() {
    return this != SCHEDULED && !isFinal();
  }

  public static List<PurgeState> inProgress() {
    return Arrays.stream(values()).filter(PurgeState::isInProgress).toList();
  }

  /** Whether the app data is gone and Keycloak still has to be told. */
  public boolean awaitsReport() {
    return this == APP_DATA_PURGED || this == REPORT_RETRYING;
  }
}
