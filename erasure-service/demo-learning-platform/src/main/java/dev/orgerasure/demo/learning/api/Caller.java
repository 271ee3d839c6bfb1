package dev.orgerasure.demo.learning.api;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who calls the platform's API: the {@code sub} of the Keycloak token. */
final class Caller {

  private Caller() {}

  /**
   * @throws NotAuthorizedException without a token that names its subject
   */
  static String of(SecurityContext security) {
    if (security.getUserPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
      return token.getSubject();
    }
    throw new NotAuthorizedException("Bearer");
  }
}
