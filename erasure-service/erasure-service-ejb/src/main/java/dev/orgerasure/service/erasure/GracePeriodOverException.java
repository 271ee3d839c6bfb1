package dev.orgerasure.service.erasure;

import dev.orgerasure.contract.PurgeState;
import jakarta.ejb.ApplicationException;

/** A cancel came when the purge could already start: after the grace period. */
@ApplicationException(rollback = true)
public class GracePeriodOverException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GracePeriodOverException(String requestId, PurgeState state) {
    super(
        "The grace period of erasure "
            + requestId
            + " is over; its purge has started or is about to ("
            + state
            + ").");
  }
}
