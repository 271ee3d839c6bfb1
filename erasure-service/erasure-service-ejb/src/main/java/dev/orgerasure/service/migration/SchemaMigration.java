package dev.orgerasure.service.migration;

import dev.orgerasure.db.migration.MigrationLocations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the service's own schema to the latest of its migrations when the application is deployed
 * (docs/operating.md, "The service's database"). It creates that schema when the database user may;
 * it never touches the application's schema.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own transactions
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  // Unshareable: Flyway opens several connections and commits on each itself.
  @Resource(lookup = "jdbc/erasure", shareable = false)
  private DataSource dataSource;

  @Inject
  @ConfigProperty(name = "erasure.db.schema")
  String schema;

  private volatile String schemaVersion;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            // Liberty's class loaders list no directories: Flyway finds the migrations (and its
            // always-probed db/callback) through the empty marker files flyway.location in the db
            // jar.
            .locations(MigrationLocations.ERASURE_SERVICE)
            .schemas(schema)
            .createSchemas(true)
            // Liberty's timer store may create its tables in the same schema before the first
            // migration.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    if (current == null || current.getVersion() == null) {
      throw new IllegalStateException(
          "No migration found at "
              + MigrationLocations.ERASURE_SERVICE
              + ": the service's schema has no tables");
    }
    schemaVersion = current.getVersion().getVersion();
    LOG.info(
        () ->
            "Service schema "
                + schema
                + " at version "
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
