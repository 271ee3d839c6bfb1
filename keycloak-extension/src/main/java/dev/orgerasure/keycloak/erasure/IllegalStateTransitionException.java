package dev.orgerasure.keycloak.erasure;

public class IllegalStateTransitionException extends IllegalStateException {

  public IllegalStateTransitionException(ErasureState from, ErasureState to) {
    super("An erasure cannot move from " + from + " to " + to);
  }
}
