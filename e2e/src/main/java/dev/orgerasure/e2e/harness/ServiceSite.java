package dev.orgerasure.e2e.harness;

/**
 * One erasure-service deployment of the system: the realm it serves (one service per realm), its
 * database and the suffix of its directories and log.
 */
public enum ServiceSite {
  /** Realm {@code learning}, whose tenants are Keycloak Organizations. */
  LEARNING("learning", PostgresServer.LEARNING_DB, ""),
  /** Realm {@code learning-groups}, whose tenants are groups under {@code /tenants}. */
  LEARNING_GROUPS("learning-groups", PostgresServer.LEARNING_GROUPS_DB, "-groups");

  private final String realm;
  private final String database;
  private final String suffix;

  ServiceSite(String realm, String database, String suffix) {
    this.realm = realm;
    this.database = database;
    this.suffix = suffix;
  }

  public String realm() {
    return realm;
  }

  public String database() {
    return database;
  }

  String suffix() {
    return suffix;
  }
}
