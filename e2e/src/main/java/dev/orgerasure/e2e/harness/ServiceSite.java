package dev.orgerasure.e2e.harness;

/**
 * One erasure-service deployment of the system: the realm it serves (one service per realm), its
 * database and the suffix of its directories and log.
 */
public enum ServiceSite {
  /** Realm {@code learning}, whose tenants are Keycloak Organizations. */
  LEARNING("learning", PostgresServer.LEARNING_DB, "", true),
  /** Realm {@code learning-groups}, whose tenants are groups under {@code /tenants}. */
  LEARNING_GROUPS("learning-groups", PostgresServer.LEARNING_GROUPS_DB, "-groups", true),
  /**
   * Realm {@code crm}: the service alone, deployed into an existing Liberty server as ear/README.md
   * says and started on demand against an existing CRM database (docs/examples/crm), the way a user
   * deploys it beside their own application.
   */
  CRM("crm", PostgresServer.CRM_DB, "-crm", false),
  /**
   * Realm {@code cluster} of the two-node Keycloak cluster ({@link KeycloakCluster}), its service
   * started with the cluster and calling it through the cluster's balancer.
   */
  KEYCLOAK_CLUSTER("cluster", PostgresServer.CLUSTER_APP_DB, "-cluster", true),
  /**
   * A further service of realm {@code learning} with the demo platform, on a database of its own,
   * for tests of the service's own start and readiness; no erasure is handed over to it.
   */
  READINESS("learning", PostgresServer.READINESS_DB, "-readiness", true);

  private final String realm;
  private final String database;
  private final String suffix;
  private final boolean withLearningPlatform;

  ServiceSite(String realm, String database, String suffix, boolean withLearningPlatform) {
    this.realm = realm;
    this.database = database;
    this.suffix = suffix;
    this.withLearningPlatform = withLearningPlatform;
  }

  /**
   * Whether the service runs from the ear module's server directory with the demo learning platform
   * laid over it; else it is deployed alone into a server of the application's own.
   */
  boolean withLearningPlatform() {
    return withLearningPlatform;
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
