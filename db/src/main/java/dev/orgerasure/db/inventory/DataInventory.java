package dev.orgerasure.db.inventory;

import java.util.List;
import java.util.Optional;

/**
 * What the application stores for an organisation: the one source of truth for purge order,
 * the counts shown to people and the tests' per-table checks.
 */
public final class DataInventory {

    /** Every application table carries this column, so one indexed predicate selects an organisation's rows. */
    public static final String ORG_ID_COLUMN = "org_id";

    private static final String ORGANIZATIONS = "organizations";
    private static final String MEMBERSHIPS = "memberships";
    private static final String COURSES = "courses";
    private static final String MODULES = "modules";
    private static final String LESSONS = "lessons";
    private static final String ENROLLMENTS = "enrollments";
    private static final String PROGRESS = "progress";
    private static final String ASSETS = "assets";

    private static final List<InventoryTable> APP_TABLES_IN_PURGE_ORDER = List.of(
            new InventoryTable(PROGRESS, "Progress", true, List.of(ENROLLMENTS, LESSONS, ORGANIZATIONS)),
            new InventoryTable(ASSETS, "Assets", true, List.of(COURSES, LESSONS, ORGANIZATIONS)),
            new InventoryTable(ENROLLMENTS, "Enrollments", true, List.of(COURSES, MEMBERSHIPS, ORGANIZATIONS)),
            new InventoryTable(LESSONS, "Lessons", false, List.of(MODULES, ORGANIZATIONS)),
            new InventoryTable(MODULES, "Modules", false, List.of(COURSES, ORGANIZATIONS)),
            new InventoryTable(COURSES, "Courses", false, List.of(ORGANIZATIONS)),
            new InventoryTable(MEMBERSHIPS, "Memberships", true, List.of(ORGANIZATIONS)),
            new InventoryTable(ORGANIZATIONS, "Organisation", true, List.of()));

    private static final InventoryFiles ASSET_FILES =
            new InventoryFiles("Asset files", true, ASSETS, "file_path", "size_bytes");

    private DataInventory() {
    }

    /** The application tables, every child before its parents. */
    public static List<InventoryTable> appTablesInPurgeOrder() {
        return APP_TABLES_IN_PURGE_ORDER;
    }

    public static Optional<InventoryTable> appTable(String name) {
        return APP_TABLES_IN_PURGE_ORDER.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** The organisation's files in the file store, named by the rows of {@link InventoryFiles#table()}. */
    public static InventoryFiles assetFiles() {
        return ASSET_FILES;
    }
}
