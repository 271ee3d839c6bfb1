package dev.orgerasure.e2e.demo;

/** A Keycloak user of the realm {@code learning}; the username is the e-mail address. */
public record Member(
    String id, String username, String password, String firstName, String lastName) {

  public String email() {
    return username;
  }
}
