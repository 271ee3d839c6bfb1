package dev.orgerasure.demo.learning.api;

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
 * A valid token of the realm that was not issued for the platform (its {@code aud} lacks the
 * platform's audience, e.g. the erasure service's tokens) is refused with 403.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PlatformAudienceFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "learning.jwt.audience")
  String audience;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
      Set<String> audiences = token.getAudience();
      if (audiences == null || !audiences.contains(audience)) {
        request.abortWith(
            LearningApiErrors.response(
                Response.Status.FORBIDDEN,
                "wrong-audience",
                "The token was not issued for the learning platform."));
      }
    }
  }
}
