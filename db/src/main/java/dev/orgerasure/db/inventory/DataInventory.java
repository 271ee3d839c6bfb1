package dev.orgerasure.db.inventory;

import java.util.List;
import java.util.Optional;

/**
 * What the application stores for an organisation: the one source of truth for purge order, the
 * counts shown to people and the tests' per-table checks.
 */
public final class DataInventory {

  /**
   * Every application table carries this column, so one indexed predicate selects an organisation's
   * rows.
   */
  public static final String ORG_ID_COLUMN = "org_id";

  private static final String ORGANIZATIONS = "organizations";
  private static final String MEMBERSHIPS = "memberships";
  private static final String COURSES = "courses";
  private static final String MODULES = "modules";
  private static final String LESSONS = "lessons";
  private static final String ENROLLMENTS = "enrollments";
  private static final String PROGRESS = "progress";
  private static final String ASSETS = "assets";

  private static final List<InventoryTable> APP_TABLES_IN_PURGE_ORDER =
      List.of(
          new InventoryTable(
              PROGRESS, "Progress", true, List.of(ENROLLMENTS, LESSONS, ORGANIZATIONS)),
          new InventoryTable(ASSETS, "Assets", true, List.of(COURSES, LESSONS, ORGANIZATIONS)),
          new InventoryTable(
              ENROLLMENTS, "Enrollments", true, List.of(COURSES, MEMBERSHIPS, ORGANIZATIONS)),
          new InventoryTable(LESSONS, "Lessons", false, List.of(MODULES, ORGANIZATIONS)),
          new InventoryTable(MODULES, "Modules", false, List.of(COURSES, ORGANIZATIONS)),
          new InventoryTable(COURSES, "Courses", false, List.of(ORGANIZATIONS)),
          new InventoryTable(MEMBERSHIPS, "Memberships", true, List.of(ORGANIZATIONS)),
          new InventoryTable(ORGANIZATIONS, "Organisation", true, List.of()));

  private static final InventoryFiles ASSET_FILES =
      new InventoryFiles("Asset files", true, ASSETS, "file_path");

  /**
   * The erasure service's own bookkeeping tables (purge state and progress). They hold no
   * organisation's application data, so they are not purged; they stay as the record of what was
   * erased.
   */
  private static final List<String> SERVICE_TABLES =
      List.of("purge", "purge_progress", "purge_failed_file");

  private DataInventory() {}

  /** The application tables, every child before its parents. */
  public static List<InventoryTable> appTablesInPurgeOrder() {
    return APP_TABLES_IN_PURGE_ORDER;
  }

  public static Optional<InventoryTable> appTable(String name) {
    return APP_TABLES_IN_PURGE_ORDER.stream()
        .filter(table -> table.name().equals(name))
        .findFirst();
  }

  /**
   * The column that identifies a row of the table: {@code org_id} for the organisations table (one
   * row per organisation), {@code id} for every other.
   */
  public static String keyColumn(InventoryTable table) {
    return table.name().equals(ORGANIZATIONS) ? ORG_ID_COLUMN : "id";
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
