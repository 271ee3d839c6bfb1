package dev.orgerasure.service.api;

import dev.orgerasure.contract.ServiceApi;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A valid Keycloak token of the realm that was not issued for this service (its {@code aud} lacks
 * the service's audience) is refused with 403, like a token without the role. Liberty accepts any
 * audience of the realm's tokens, so that this check answers 403 rather than 401.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AudienceFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "erasure.jwt.audience", defaultValue = ServiceApi.AUDIENCE)
  String audience;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
      Set<String> audiences = token.getAudience();
      if (audiences == null || !audiences.contains(audience)) {
        request.abortWith(
            ApiErrors.response(
                Response.Status.FORBIDDEN,
                "wrong-audience",
                "The token was not issued for this service."));
      }
    }
  }
}
