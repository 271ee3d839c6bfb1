package dev.orgerasure.service.purge;

import dev.orgerasure.db.migration.MigrationLocations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The service's own schema in an embedded PostgreSQL, migrated as the service migrates it at
 * deploy, and a data source whose connections name it first, as the service's data source does.
 */
final class ServiceDatabase {

  private ServiceDatabase() {}

  /**
   * @param alsoOnThePath schemas after the service's on the connections' search path, for the
   *     tests' own statements; the service names the application's schema in each of its own
   */
  static DataSource migrated(EmbeddedPostgres postgres, String... alsoOnThePath) {
    Flyway.configure()
        .dataSource(postgres.getPostgresDatabase())
        .locations(MigrationLocations.ERASURE_SERVICE)
        .schemas(MigrationLocations.ERASURE_SERVICE_SCHEMA)
        .createSchemas(true)
        .load()
        .migrate();
    String searchPath =
        MigrationLocations.ERASURE_SERVICE_SCHEMA
            + Arrays.stream(alsoOnThePath)
                .map(schema -> "," + schema)
                .collect(Collectors.joining());
    return postgres.getDatabase("postgres", "postgres", Map.of("currentSchema", searchPath));
  }

  /** The demo learning platform's tables in {@code public}, as the platform migrates them. */
  static void withLearningPlatform(EmbeddedPostgres postgres) {
    Flyway.configure()
        .dataSource(postgres.getPostgresDatabase())
        .locations(MigrationLocations.LEARNING_PLATFORM)
        .load()
        .migrate();
  }
}
