package dev.orgerasure.keycloak.cancel;

/**
 * A cancel that cannot be done now, with the reason for the person who asked; nothing changed. A
 * passing refusal (the service could not be asked, another node is working on the erasure) may
 * succeed when tried again shortly; the others never will.
 */
public class CancelRefusedException extends RuntimeException {

  private final boolean passing;

  public CancelRefusedException(String reason) {
    this(reason, false);
  }

  private CancelRefusedException(String reason, boolean passing) {
    super(reason);
    this.passing = passing;
  }

  /** A refusal that may not hold when the cancel is tried again shortly. */
  static CancelRefusedException forNow(String reason) {
    return new CancelRefusedException(reason, true);
  }

  public boolean isPassing() {
    return passing;
  }
}
