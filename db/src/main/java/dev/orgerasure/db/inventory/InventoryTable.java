package dev.orgerasure.db.inventory;

import dev.orgerasure.contract.DetachAction;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One application table that holds an organisation's data.
 *
 * @param name the SQL table name
 * @param category the label shown to people, e.g. "Courses"
 * @param personalData whether its rows identify or describe a person
 * @param keyColumns the columns of its primary key, in the key's order: they identify a row, and
 *     batches are taken in their order
 * @param personColumn for a table of people's own rows, the column naming the Keycloak user a row
 *     belongs to, else {@code null}. Under either policy such a table's rows of the members the
 *     erasure deletes are deleted, and every other row of the organisation is reset, so that people
 *     who keep their accounts keep their rows (docs/contract.md, "People's own rows"). A table of
 *     people's own rows without the tenant column ({@link DetachAction#KEEP}) has only its rows of
 *     the members the erasure deletes deleted, and every other row left as it is.
 * @param tenantVia for a table without the tenant column, the columns of a foreign key to the
 *     listed table whose rows give its rows their tenant; else {@code null}
 * @param parents the inventory's tables its foreign keys point to, read from the database; they are
 *     purged after it
 * @param underDetach what a Detach erasure does to the organisation's rows (an Erase deletes them),
 *     as people are shown it; a per-person table is {@link DetachAction#RESET}, or {@link
 *     DetachAction#KEEP} when it holds no tenant's rows
 * @param resets for a {@link DetachAction#RESET} table, the columns set back on each kept row;
 *     among them the tenant column to {@code NULL}, so that the row leaves the organisation and the
 *     purge does not find it again. Empty for any other table.
 */
public record InventoryTable(
    String name,
    String category,
    boolean personalData,
    List<String> keyColumns,
    String personColumn,
    TenantVia tenantVia,
    List<String> parents,
    DetachAction underDetach,
    List<ColumnReset> resets) {

  public InventoryTable {
    SqlNames.checked("table name", name);
    Objects.requireNonNull(category, "category");
    keyColumns = SqlNames.checkedList(name + ": key column", keyColumns);
    if (personColumn != null) {
      SqlNames.checked(name + ": person column", personColumn);
    }
    Objects.requireNonNull(underDetach, "underDetach");
    if (tenantVia != null && (underDetach != DetachAction.DELETE || personColumn != null)) {
      throw new IllegalArgumentException(
          name
              + ": a table reached through its parent is deleted under Detach, and holds no"
              + " person's own rows");
    }
    parents = List.copyOf(parents);
    resets = List.copyOf(resets);
    if (parents.contains(name)) {
      throw new IllegalArgumentException(name + " cannot be its own parent");
    }
    if (underDetach == DetachAction.RESET && resets.isEmpty()) {
      throw new IllegalArgumentException(name + ": a table reset under Detach names its resets");
    }
    if (underDetach == DetachAction.KEEP && !resets.isEmpty()) {
      throw new IllegalArgumentException(
          name
              + ": a KEEP table holds no tenant's rows to reset; its other rows are left as they are");
    }
    if (underDetach != DetachAction.RESET && !resets.isEmpty()) {
      throw new IllegalArgumentException(name + ": only a table reset under Detach has resets");
    }
    if (personColumn != null && underDetach == DetachAction.DELETE) {
      throw new IllegalArgumentException(name + ": a per-person table keeps kept people's rows");
    }
    if (underDetach == DetachAction.KEEP && personColumn == null) {
      throw new IllegalArgumentException(
          name
              + ": only a table of people's own rows is KEEP (it names its person column); a"
              + " tenant's table is DELETE or RESET");
    }
  }

  /** The same table, with the parents the database's foreign keys give it. */
  public InventoryTable withParents(List<String> parentsInTheDatabase) {
    return new InventoryTable(
        name,
        category,
        personalData,
        keyColumns,
        personColumn,
        tenantVia,
        parentsInTheDatabase,
        underDetach,
        resets);
  }

  public boolean isChildOf(String table) {
    return parents.contains(table);
  }

  /**
   * How a table without the tenant column reaches its tenant: its {@code columns} reference the key
   * of {@code parent} (column for column, in the key's order), whose rows have a tenant (directly,
   * or through a parent of their own).
   */
  public record TenantVia(List<String> columns, String parent) {

    public TenantVia {
      columns = SqlNames.checkedList("tenantVia: column", columns);
      SqlNames.checked("tenantVia: parent", parent);
    }
  }

  /**
   * The key columns a batch orders the tenant's rows by: the key without the tenant column, which
   * is the same on all of them. Empty when the key is the tenant column alone (one row per tenant).
   */
  public List<String> batchKey(String tenantColumn) {
    return keyColumns.stream().filter(column -> !column.equals(tenantColumn)).toList();
  }

  /** Whether the table holds one row per tenant: its key is the tenant column. */
  public boolean isOnePerTenant(String tenantColumn) {
    return keyColumns.equals(List.of(tenantColumn));
  }

  public boolean isReachedThroughParent() {
    return tenantVia != null;
  }

  public boolean isPerPerson() {
    return personColumn != null;
  }

  /**
   * Whether the table holds people's own rows outside any tenant (no tenant column, no parent):
   * only its rows of the members an erasure deletes are purged.
   */
  public boolean isOutsideTenants() {
    return underDetach == DetachAction.KEEP;
  }

  /** The {@code SET} list of a reset, e.g. {@code org_id = NULL, state = 'PENDING'}. */
  public String resetAssignments() {
    if (underDetach != DetachAction.RESET) {
      throw new IllegalStateException(name + " is deleted under Detach, not reset");
    }
    return resets.stream().map(ColumnReset::assignment).collect(Collectors.joining(", "));
  }
}
