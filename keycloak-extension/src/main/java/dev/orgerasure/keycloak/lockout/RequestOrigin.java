package dev.orgerasure.keycloak.lockout;

import org.keycloak.common.ClientConnection;
import org.keycloak.http.HttpRequest;
import org.keycloak.http.HttpResponse;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;

/**
 * The HTTP request an erasure was started by, lent to the sessions that lock its members out on
 * other threads: Keycloak's back-channel logout builds its logout tokens and expires cookies from
 * the request's context. A lockout the scheduled task resumes after a crash has none.
 */
public record RequestOrigin(
    HttpRequest request, HttpResponse response, ClientConnection connection) {

  /** The request the session serves; only for a session that serves one. */
  public static RequestOrigin of(KeycloakSession session) {
    KeycloakContext context = session.getContext();
    return new RequestOrigin(
        context.getHttpRequest(), context.getHttpResponse(), context.getConnection());
  }

  void lendTo(KeycloakSession session) {
    KeycloakContext context = session.getContext();
    context.setHttpRequest(request);
    context.setHttpResponse(response);
    context.setConnection(connection);
  }
}
