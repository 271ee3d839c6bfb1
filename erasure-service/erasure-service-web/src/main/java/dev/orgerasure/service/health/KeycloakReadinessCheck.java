package dev.orgerasure.service.health;

import dev.orgerasure.service.keycloak.KeycloakReadiness;
import dev.orgerasure.service.keycloak.KeycloakStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Keycloak accepts the service's client secret and the realm's keys can be read; else
 * each problem is in the answer (never the secret). Keycloak is asked at most every few seconds.
 */
@Readiness
@ApplicationScoped
public class KeycloakReadinessCheck implements HealthCheck {

  @Inject private KeycloakReadiness keycloak;

  @Override
  public HealthCheckResponse call() {
    KeycloakStatus status = keycloak.status();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("keycloak")
            .status(status.up())
            .withData("client", status.client().message())
            .withData("keys", status.keys().message())
            .withData("checkedAt", status.checkedAt().toString());
    List<String> problems = status.problems();
    for (int i = 0; i < problems.size(); i++) {
      response.withData("problem-" + (i + 1), problems.get(i));
    }
    return response.build();
  }
}
