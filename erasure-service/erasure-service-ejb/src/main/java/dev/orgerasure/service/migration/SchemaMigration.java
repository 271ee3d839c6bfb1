package dev.orgerasure.service.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the app database to the latest migration of the db module when the application is
 * deployed.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own transactions
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  private static final String LOCATION = "classpath:db/migration";

  // Unshareable: Flyway opens several connections and commits on each itself.
  @Resource(lookup = "jdbc/erasure", shareable = false)
  private DataSource dataSource;

  private volatile String schemaVersion;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            // Liberty's class loaders list no directories: Flyway finds db/migration (and its
            // always-probed db/callback) through the empty marker files flyway.location in the db
            // jar.
            .locations(LOCATION)
            // Liberty's timer store may create its tables in the same schema before the first
            // migration.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    if (current == null || current.getVersion() == null) {
      throw new IllegalStateException(
          "No migration found at " + LOCATION + ": the app database has no schema");
    }
    schemaVersion = current.getVersion().getVersion();
    LOG.info(
        () ->
            "App database at schema version "
                + schemaVersion
                + ", "
                + result.migrationsExecuted
                + " migration(s) applied now");
  }

  @Lock(LockType.READ)
  public boolean isComplete() {
    return schemaVersion != null;
  }

  @Lock(LockType.READ)
  public String schemaVersion() {
    return schemaVersion;
  }
}
