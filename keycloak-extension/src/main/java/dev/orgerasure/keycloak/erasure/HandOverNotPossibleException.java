package dev.orgerasure.keycloak.erasure;

/**
 * The realm's erasures can never be handed over to the service (docs/contract.md, "The realm
 * rule"), so an erasure is refused before anyone is locked out: a lockout that can never finish is
 * worse than none. A service that is only down is no reason: the hand-over is retried.
 */
public class HandOverNotPossibleException extends RuntimeException {

  public HandOverNotPossibleException(String reason) {
    super(
        "This realm's erasures cannot be handed over to the erasure-service: "
            + reason
            + "; nothing was changed");
  }
}
