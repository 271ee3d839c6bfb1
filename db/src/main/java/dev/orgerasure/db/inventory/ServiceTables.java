package dev.orgerasure.db.inventory;

/**
 * The erasure service's own bookkeeping tables (purge state and progress), in the service's own
 * schema (the data source's current schema, so named without one). They hold no organisation's
 * application data, so no inventory lists them; they stay as the record of what was erased.
 */
public final class ServiceTables {

  /**
   * The members whose accounts an erasure deletes ({@code request_id}, {@code user_id}): a
   * per-person table's rows of these people are deleted.
   */
  public static final String ERASED_MEMBER = "purge_erased_member";

  private ServiceTables() {}
}
