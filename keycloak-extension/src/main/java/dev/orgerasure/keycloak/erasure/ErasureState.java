package dev.orgerasure.keycloak.erasure;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one state machine of an organisation erasure (docs/contract.md). Every change of a request's
 * state goes through {@link #canMoveTo(ErasureState)}, and every question about what a state allows
 * is answered here, so that no caller keeps its own list of states.
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
  /** The service cancelled its purge; members and the tenant are being restored. */
  CANCELLING,
  CANCELLED,
  /** In Keycloak: the hand-over to the service is failing and is retried with back-off. */
  FAILED_RETRYING;

  /** How a state reads to a person: what the page colours and words are chosen by. */
  public enum Phase {
    WORKING,
    RETRYING,
    COMPLETED,
    COMPLETED_WITH_ERRORS,
    CANCELLED
  }

  private Set<ErasureState> next;

  static {
    REQUESTED.next = EnumSet.of(LOCKED, FAILED_RETRYING);
    LOCKED.next = EnumSet.of(SCHEDULED, PURGING_APP_DATA, FAILED_RETRYING, CANCELLING);
    SCHEDULED.next = EnumSet.of(PURGING_APP_DATA, CANCELLING, FAILED_RETRYING);
    PURGING_APP_DATA.next = EnumSet.of(APP_DATA_PURGED, FAILED_RETRYING);
    APP_DATA_PURGED.next = EnumSet.of(DELETING_IDENTITIES, FAILED_RETRYING);
    DELETING_IDENTITIES.next = EnumSet.of(COMPLETED, COMPLETED_WITH_ERRORS, FAILED_RETRYING);
    COMPLETED.next = EnumSet.noneOf(ErasureState.class);
    COMPLETED_WITH_ERRORS.next = EnumSet.noneOf(ErasureState.class);
    CANCELLING.next = EnumSet.of(CANCELLED);
    CANCELLED.next = EnumSet.noneOf(ErasureState.class);
    // A retried step resumes where it failed, so a retry may lead back to any working state.
    FAILED_RETRYING.next =
        EnumSet.of(
            LOCKED, SCHEDULED, PURGING_APP_DATA, APP_DATA_PURGED, DELETING_IDENTITIES, CANCELLING);
  }

  public boolean canMoveTo(ErasureState target) {
    return next.contains(target);
  }

  public boolean isFinal() {
    return next.isEmpty();
  }

  /** Recorded, and its members are not all locked out yet. */
  public boolean awaitsLockout() {
    return this == REQUESTED;
  }

  /** Members are locked out and the service has not accepted the erasure yet. */
  public boolean awaitsHandOver() {
    return this == LOCKED || this == FAILED_RETRYING;
  }

  /** The service holds the erasure and Keycloak waits for its report that the app data is gone. */
  public boolean awaitsReport() {
    return this == SCHEDULED || this == PURGING_APP_DATA;
  }

  /**
   * Nothing has been deleted, and a cancel may stop the erasure: in its grace period at the
   * service, or not handed over yet.
   */
  public boolean isCancellable() {
    return this == SCHEDULED || awaitsHandOver();
  }

  /** The service holds the erasure and its grace period runs; the purge has not started. */
  public boolean isInGracePeriod() {
    return this == SCHEDULED;
  }

  /** Cancelled at the service; what the lockout changed is being put back. */
  public boolean awaitsRestore() {
    return this == CANCELLING;
  }

  /** The app data is gone: identities may be deleted and the erasure finished. */
  public boolean isFinishable() {
    return this == APP_DATA_PURGED || this == DELETING_IDENTITIES;
  }

  public Phase phase() {
    return switch (this) {
      case COMPLETED -> Phase.COMPLETED;
      case COMPLETED_WITH_ERRORS -> Phase.COMPLETED_WITH_ERRORS;
      case CANCELLED -> Phase.CANCELLED;
      case FAILED_RETRYING -> Phase.RETRYING;
      default -> Phase.WORKING;
    };
  }

  /** The states that answer {@code question}, for queries over stored erasures. */
  public static Set<ErasureState> where(Predicate<ErasureState> question) {
    Set<ErasureState> states = EnumSet.noneOf(ErasureState.class);
    Arrays.stream(values()).filter(question).forEach(states::add);
    return states;
  }
}
