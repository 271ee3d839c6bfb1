package dev.orgerasure.service.health;

import dev.orgerasure.service.migration.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the service's schema is migrated. Readiness may stay down after that for what the
 * service depends on (Keycloak's realm, the application's tables), so a start waits for this one.
 */
@Startup
@ApplicationScoped
public class SchemaStartupCheck implements HealthCheck {

  @Inject private SchemaMigration schemaMigration;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("schema-migration")
        .status(schemaMigration.isComplete())
        .withData("schemaVersion", String.valueOf(schemaMigration.schemaVersion()))
        .build();
  }
}
