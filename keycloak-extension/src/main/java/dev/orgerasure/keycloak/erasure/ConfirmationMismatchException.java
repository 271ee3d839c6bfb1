package dev.orgerasure.keycloak.erasure;

public class ConfirmationMismatchException extends RuntimeException {

  public ConfirmationMismatchException() {
    super("The confirmation does not match the organisation's name exactly");
  }
}
