package dev.orgerasure.service.erasure;

import dev.orgerasure.contract.PurgeState;
import jakarta.ejb.ApplicationException;

/** A cancel came when the purge could already start: after the grace period, or after a cancel. */
@ApplicationException(rollback = true)
public class GracePeriodOverException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GracePeriodOverException(String requestId, PurgeState state) {
    super(
        state == PurgeState.CANCELLED
            ? "Erasure " + requestId + " is already cancelled."
            : "The grace period of erasure "
                + requestId
                + " is over; its purge has started or is about to ("
                + state
                + ").");
  }
}
