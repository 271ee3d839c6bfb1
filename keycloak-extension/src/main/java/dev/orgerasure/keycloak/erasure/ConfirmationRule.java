package dev.orgerasure.keycloak.erasure;

/**
 * The confirmation a person types before an erasure starts: the organisation's exact name. No
 * trimming and no case folding, so that "acme " or "ACME" never erase "Acme".
 */
public final class ConfirmationRule {

  private ConfirmationRule() {}

  public static boolean isConfirmed(String organisationName, String typed) {
    return typed != null && organisationName.equals(typed);
  }
}
