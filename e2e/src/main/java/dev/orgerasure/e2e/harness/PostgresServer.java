package dev.orgerasure.e2e.harness;

import dev.orgerasure.db.migration.MigrationLocations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * The PostgreSQL that holds Keycloak's database and the learning platform's databases, one per
 * erasure-service (one service per realm).
 */
public interface PostgresServer extends AutoCloseable {

  String KEYCLOAK_DB = "keycloak";
  String LEARNING_DB = "learning";
  String LEARNING_GROUPS_DB = "learning_groups";

  /** Not created with the others: the CRM's own set-up creates it, as an existing database. */
  String CRM_DB = "crm";

  /** The app database of the Keycloak cluster's realm, created with the cluster. */
  String CLUSTER_APP_DB = "cluster_app";

  /** The database of the extra service of {@link ServiceSite#READINESS}, created by its test. */
  String READINESS_DB = "learning_readiness";

  List<String> DATABASES = List.of(KEYCLOAK_DB, LEARNING_DB, LEARNING_GROUPS_DB);

  String jdbcUrl(String database);

  String user();

  String password();

  /**
   * A connection whose unqualified names find the service's tables first, then the application's
   * (and Keycloak's, in its database).
   */
  default Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user());
    properties.setProperty("password", password());
    properties.setProperty("currentSchema", MigrationLocations.ERASURE_SERVICE_SCHEMA + ",public");
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  @Override
  void close();

  /**
   * Creates each database unless it exists; CREATE DATABASE cannot run in a transaction or take IF
   * NOT EXISTS.
   */
  static void createDatabasesIfMissing(Connection admin, List<String> databases)
      throws SQLException {
    for (String database : databases) {
      try (var exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, database);
        if (exists.executeQuery().next()) {
          continue;
        }
      }
      try (var create = admin.createStatement()) {
        create.execute("CREATE DATABASE \"" + database + "\"");
      }
    }
  }
}
