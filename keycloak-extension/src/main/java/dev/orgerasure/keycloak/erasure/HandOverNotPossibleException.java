package dev.orgerasure.keycloak.erasure;

/**
 * The realm cannot hand erasures over to the service (docs/contract.md, "The realm rule"), so an
 * erasure is refused before anyone is locked out: a lockout that can never finish is worse than
 * none. A service that is only down is no reason: the hand-over is retried.
 */
public class HandOverNotPossibleException extends RuntimeException {

  public HandOverNotPossibleException(String dispatcherClient) {
    super(
        "This realm has no client "
            + dispatcherClient
            + ", so its erasures cannot be handed over to the erasure-service; nothing was changed");
  }
}
