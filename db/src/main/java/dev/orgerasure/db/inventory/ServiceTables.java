package dev.orgerasure.db.inventory;

import java.util.List;

/**
 * The erasure service's own bookkeeping tables (purge state and progress). They hold no
 * organisation's application data, so no inventory lists them; they stay as the record of what was
 * erased.
 */
public final class ServiceTables {

  /**
   * The members whose accounts an erasure deletes ({@code request_id}, {@code user_id}): a
   * per-person table's rows of these people are deleted.
   */
  public static final String ERASED_MEMBER = "purge_erased_member";

  private static final List<String> ALL =
      List.of("purge", "purge_progress", "purge_failed_file", ERASED_MEMBER);

  private ServiceTables() {}

  public static List<String> all() {
    return ALL;
  }
}
