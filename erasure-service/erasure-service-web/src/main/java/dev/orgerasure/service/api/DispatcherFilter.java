package dev.orgerasure.service.api;

import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.service.keycloak.KeycloakSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Collection;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The erasure API answers Keycloak's dispatcher only: the token must have been issued to the
 * dispatcher client ({@code azp}) and carry the client role {@code request-erasure} of the
 * service's client ({@code resource_access.<client>.roles}). Realm roles and the {@code groups}
 * claim count for nothing here: any realm admin can create a realm role of that name, and
 * Keycloak's {@code microprofile-jwt} scope maps realm roles into {@code groups}. Runs after {@link
 * AudienceFilter}.
 */
@Provider
@DispatcherOnly
@Priority(Priorities.AUTHORIZATION + 1)
public class DispatcherFilter implements ContainerRequestFilter {

  @Inject private KeycloakSettings keycloak;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
      request.abortWith(ApiErrors.response(Response.Status.FORBIDDEN, "wrong-client", "No token."));
      return;
    }
    if (!keycloak.dispatcherClient().equals(text(token.getClaim("azp")))) {
      request.abortWith(
          ApiErrors.response(
              Response.Status.FORBIDDEN,
              "wrong-client",
              "The token was not issued to Keycloak's erasure dispatcher."));
      return;
    }
    if (!hasServiceClientRole(token.getClaim("resource_access"))) {
      request.abortWith(
          ApiErrors.response(
              Response.Status.FORBIDDEN,
              "missing-role",
              "The token lacks the client role "
                  + ServiceApi.REQUEST_ERASURE_ROLE
                  + " of "
                  + keycloak.clientId()
                  + "."));
    }
  }

  private boolean hasServiceClientRole(Object resourceAccess) {
    Object client = member(resourceAccess, keycloak.clientId());
    Object roles = member(client, "roles");
    if (roles instanceof JsonArray array) {
      return array.stream().anyMatch(role -> ServiceApi.REQUEST_ERASURE_ROLE.equals(text(role)));
    }
    if (roles instanceof Collection<?> collection) {
      return collection.stream()
          .anyMatch(role -> ServiceApi.REQUEST_ERASURE_ROLE.equals(text(role)));
    }
    return false;
  }

  // Liberty hands JSON claims over as JSON-P values; plain maps and strings are accepted as well.
  private static Object member(Object object, String name) {
    if (object instanceof JsonObject json) {
      return json.get(name);
    }
    if (object instanceof Map<?, ?> map) {
      return map.get(name);
    }
    return null;
  }

  private static String text(Object value) {
    if (value instanceof JsonString json) {
      return json.getString();
    }
    return value instanceof String string ? string : null;
  }
}
