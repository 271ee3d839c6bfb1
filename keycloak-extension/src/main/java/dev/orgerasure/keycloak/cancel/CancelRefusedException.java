package dev.orgerasure.keycloak.cancel;

/** A cancel that cannot be done now, with the reason for the person who asked; nothing changed. */
public class CancelRefusedException extends RuntimeException {

  public CancelRefusedException(String reason) {
    super(reason);
  }
}
