package dev.orgerasure.keycloak.erasure;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one state machine of an organisation erasure (BRIEF §4). Every change of a request's state
 * goes through {@link #canMoveTo(ErasureState)}; the erasure-service mirrors these names.
 */
public enum ErasureState {
  REQUESTED,
  LOCKED,
  SCHEDULED,
  PURGING_APP_DATA,
  APP_DATA_PURGED,
  DELETING_IDENTITIES,
  COMPLETED,
  COMPLETED_WITH_ERRORS,
  CANCELLED,
  FAILED_RETRYING;

  private Set<ErasureState> next;

  static {
    REQUESTED.next = EnumSet.of(LOCKED, FAILED_RETRYING);
    LOCKED.next = EnumSet.of(SCHEDULED, PURGING_APP_DATA, CANCELLED, FAILED_RETRYING);
    SCHEDULED.next = EnumSet.of(PURGING_APP_DATA, CANCELLED, FAILED_RETRYING);
    PURGING_APP_DATA.next = EnumSet.of(APP_DATA_PURGED, FAILED_RETRYING);
    APP_DATA_PURGED.next = EnumSet.of(DELETING_IDENTITIES, FAILED_RETRYING);
    DELETING_IDENTITIES.next = EnumSet.of(COMPLETED, COMPLETED_WITH_ERRORS, FAILED_RETRYING);
    COMPLETED.next = EnumSet.noneOf(ErasureState.class);
    COMPLETED_WITH_ERRORS.next = EnumSet.noneOf(ErasureState.class);
    CANCELLED.next = EnumSet.noneOf(ErasureState.class);
    // A retried step resumes where it failed, so a retry may lead back to any working state.
    FAILED_RETRYING.next =
        EnumSet.of(LOCKED, SCHEDULED, PURGING_APP_DATA, APP_DATA_PURGED, DELETING_IDENTITIES);
  }

  public boolean canMoveTo(ErasureState target) {
    return next.contains(target);
  }

  public boolean isTerminal() {
    return next.isEmpty();
  }
}
