package dev.orgerasure.demo.learning.migration;

import dev.orgerasure.db.migration.MigrationLocations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the platform's schema (its data source's default) to its latest migration when the
 * application is deployed. The erasure service checks its inventory against these tables; it
 * re-reads the catalogue until they are there.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own transactions
public class LearningSchemaMigration {

  private static final Logger LOG = Logger.getLogger(LearningSchemaMigration.class.getName());

  // Unshareable: Flyway opens several connections and commits on each itself.
  @Resource(lookup = "jdbc/learning", shareable = false)
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result =
        Flyway.configure(LearningSchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            // Found through the empty marker file flyway.location: Liberty lists no directories.
            .locations(MigrationLocations.LEARNING_PLATFORM)
            .load()
            .migrate();
    LOG.info(
        () ->
            "Learning platform schema at version "
                + result.targetSchemaVersion
                + ", "
                + result.migrationsExecuted
                + " migration(s) applied now");
  }
}
