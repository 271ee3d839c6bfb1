package dev.orgerasure.service.health;

import dev.orgerasure.service.secrets.DefaultSecretsCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down while a server secret is left at the default everybody can read in server.xml, each named;
 * up, with a warning each, when ERASURE_ALLOW_DEFAULT_SECRETS=true accepts them.
 */
@Readiness
@ApplicationScoped
public class DefaultSecretsReadinessCheck implements HealthCheck {

  @Inject private DefaultSecretsCheck secrets;

  @Override
  public HealthCheckResponse call() {
    List<String> refusals = secrets.refusals();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("default-secrets").status(refusals.isEmpty());
    for (int i = 0; i < refusals.size(); i++) {
      response.withData("problem-" + (i + 1), refusals.get(i));
    }
    List<String> accepted = secrets.accepted();
    for (int i = 0; i < accepted.size(); i++) {
      response.withData("warning-" + (i + 1), accepted.get(i));
    }
    return response.build();
  }
}
