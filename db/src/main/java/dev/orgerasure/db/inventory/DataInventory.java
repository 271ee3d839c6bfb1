package dev.orgerasure.db.inventory;

import dev.orgerasure.contract.DetachAction;
import java.util.List;
import java.util.Optional;

/**
 * What the application stores for an organisation: the one source of truth for purge order, what
 * each member policy does to each table, the counts shown to people and the tests' per-table
 * checks.
 */
public final class DataInventory {

  /**
   * Every application table carries this column, so one indexed predicate selects an organisation's
   * rows.
   */
  public static final String ORG_ID_COLUMN = "org_id";

  /**
   * The erasure service's table of the members whose accounts an erasure deletes ({@code
   * request_id}, {@code user_id}): a per-person table's rows of these people are deleted.
   */
  public static final String ERASED_MEMBER_TABLE = "purge_erased_member";

  /** The key column of every table but the organisations and onboarding tables. */
  private static final String ID_COLUMN = "id";

  private static final String ORGANIZATIONS = "organizations";
  private static final String MEMBERSHIPS = "memberships";
  private static final String ONBOARDING = "onboarding";
  private static final String COURSES = "courses";
  private static final String MODULES = "modules";
  private static final String LESSONS = "lessons";
  private static final String ENROLLMENTS = "enrollments";
  private static final String PROGRESS = "progress";
  private static final String ASSETS = "assets";

  private static final List<InventoryTable> APP_TABLES_IN_PURGE_ORDER =
      List.of(
          deletedUnderDetach(
              PROGRESS, "Progress", true, List.of(ENROLLMENTS, LESSONS, ORGANIZATIONS)),
          deletedUnderDetach(ASSETS, "Assets", true, List.of(COURSES, LESSONS, ORGANIZATIONS)),
          deletedUnderDetach(
              ENROLLMENTS, "Enrollments", true, List.of(COURSES, MEMBERSHIPS, ORGANIZATIONS)),
          deletedUnderDetach(LESSONS, "Lessons", false, List.of(MODULES, ORGANIZATIONS)),
          deletedUnderDetach(MODULES, "Modules", false, List.of(COURSES, ORGANIZATIONS)),
          deletedUnderDetach(COURSES, "Courses", false, List.of(ORGANIZATIONS)),
          deletedUnderDetach(MEMBERSHIPS, "Memberships", true, List.of(ORGANIZATIONS)),
          // One row per person, the person's own: kept and reset for everyone who keeps their
          // account, which sends them through onboarding again.
          new InventoryTable(
              ONBOARDING,
              "Onboarding",
              true,
              "user_id",
              "user_id",
              List.of(ORGANIZATIONS),
              DetachAction.RESET,
              List.of(
                  ColumnReset.toNull(ORG_ID_COLUMN),
                  ColumnReset.toText("state", "PENDING"),
                  ColumnReset.toNull("completed_at"))),
          // One row per organisation.
          new InventoryTable(
              ORGANIZATIONS,
              "Organisation",
              true,
              ORG_ID_COLUMN,
              null,
              List.of(),
              DetachAction.DELETE,
              List.of()));

  private static final InventoryFiles ASSET_FILES =
      new InventoryFiles("Asset files", true, ASSETS, "file_path");

  /**
   * The erasure service's own bookkeeping tables (purge state and progress). They hold no
   * organisation's application data, so they are not purged; they stay as the record of what was
   * erased.
   */
  private static final List<String> SERVICE_TABLES =
      List.of("purge", "purge_progress", "purge_failed_file", ERASED_MEMBER_TABLE);

  private DataInventory() {}

  private static InventoryTable deletedUnderDetach(
      String name, String category, boolean personalData, List<String> parents) {
    return new InventoryTable(
        name, category, personalData, ID_COLUMN, null, parents, DetachAction.DELETE, List.of());
  }

  /** The application tables, every child before its parents. */
  public static List<InventoryTable> appTablesInPurgeOrder() {
    return APP_TABLES_IN_PURGE_ORDER;
  }

  public static Optional<InventoryTable> appTable(String name) {
    return APP_TABLES_IN_PURGE_ORDER.stream()
        .filter(table -> table.name().equals(name))
        .findFirst();
  }

  /** The tables of the erasure service itself, outside the inventory. */
  public static List<String> serviceTables() {
    return SERVICE_TABLES;
  }

  /**
   * The organisation's files in the file store, named by the rows of {@link
   * InventoryFiles#table()}.
   */
  public static InventoryFiles assetFiles() {
    return ASSET_FILES;
  }
}
