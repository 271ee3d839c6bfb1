package dev.orgerasure.db.migration;

/**
 * Where this module's Flyway migrations are, one set per schema owner (docs/operating.md, "The
 * database"). Each location holds an empty {@code flyway.location} marker, so that Flyway finds it
 * through class loaders that list no directories (Liberty's).
 */
public final class MigrationLocations {

  /** The erasure service's own tables, migrated by the service into its own schema. */
  public static final String ERASURE_SERVICE = "classpath:db/erasure";

  /** The schema the service's tables live in unless its data source names another. */
  public static final String ERASURE_SERVICE_SCHEMA = "erasure";

  /** The demo learning platform's tables, migrated by the demo application into its schema. */
  public static final String LEARNING_PLATFORM = "classpath:db/learning-platform";

  private MigrationLocations() {}
}
