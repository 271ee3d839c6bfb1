package dev.orgerasure.service.health;

import dev.orgerasure.service.migration.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the app database answers and its migrations have run. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/erasure")
  private DataSource dataSource;

  @Inject private SchemaMigration schemaMigration;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("database")
        .status(schemaMigration.isComplete() && databaseAnswers())
        .withData("schemaVersion", String.valueOf(schemaMigration.schemaVersion()))
        .build();
  }

  private boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }
}
