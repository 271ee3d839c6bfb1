package dev.orgerasure.db.inventory;

import dev.orgerasure.db.inventory.SchemaCatalog.Column;
import dev.orgerasure.db.inventory.SchemaCatalog.ForeignKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the application stores for a tenant, as its inventory file declares it and as its database
 * confirms it (docs/inventory.md): the one source of truth for the purge order, what each member
 * policy does to each table, and the counts shown to people.
 */
public final class DataInventory {

  /** The tenant column's types a tenant id (Keycloak's, a text) is turned into, by type name. */
  private static final Map<String, Function<String, Object>> TENANT_TYPES =
      Map.of(
          "text",
          id -> id,
          "character varying",
          id -> id,
          "character",
          id -> id,
          "uuid",
          UUID::fromString,
          "bigint",
          Long::valueOf,
          "integer",
          Integer::valueOf);

  private final DeclaredInventory declared;
  private final String schema;
  private final Function<String, Object> tenantValue;
  private final List<InventoryTable> tablesInPurgeOrder;
  private final Map<String, InventoryTable> tablesByName;

  private DataInventory(
      DeclaredInventory declared,
      String schema,
      Function<String, Object> tenantValue,
      List<InventoryTable> tablesInPurgeOrder) {
    this.declared = declared;
    this.schema = schema;
    this.tenantValue = tenantValue;
    this.tablesInPurgeOrder = List.copyOf(tablesInPurgeOrder);
    this.tablesByName =
        tablesInPurgeOrder.stream()
            .collect(Collectors.toUnmodifiableMap(InventoryTable::name, Function.identity()));
  }

  /**
   * The declared inventory, checked against the database and ordered by its foreign keys: every
   * table before the tables it references.
   *
   * @throws InventoryMismatchException naming every problem {@link #problems} finds
   */
  public static DataInventory of(DeclaredInventory declared, SchemaCatalog catalog) {
    List<String> problems = problems(declared, catalog);
    if (!problems.isEmpty()) {
      throw new InventoryMismatchException(problems);
    }
    List<InventoryTable> ordered = inPurgeOrder(declared, catalog);
    String tenantType = tenantTypes(declared, catalog).iterator().next();
    return new DataInventory(declared, catalog.schema(), TENANT_TYPES.get(tenantType), ordered);
  }

  /**
   * The declared tables with their parents from the database, children first: a table comes once
   * every table referencing it has come; ties keep the file's order, so the order is the same on
   * every start. Tables caught in a cycle of foreign keys are left out.
   */
  private static List<InventoryTable> inPurgeOrder(
      DeclaredInventory declared, SchemaCatalog catalog) {
    Map<String, List<String>> parents = new HashMap<>();
    for (InventoryTable table : declared.tables()) {
      parents.put(
          table.name(),
          catalog.foreignKeys().stream()
              .filter(key -> key.table().equals(table.name()))
              .map(ForeignKey::referencedTable)
              .filter(parent -> !parent.equals(table.name()))
              .distinct()
              .toList());
    }
    List<InventoryTable> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    boolean progress = true;
    // The tenants' own table (its key is the tenant column) goes last of all that may go, so that
    // its row, gone, says the tenant's data is gone; the others keep the file's order.
    List<InventoryTable> candidates = new ArrayList<>(declared.tables());
    candidates.sort(
        Comparator.comparing(
            (InventoryTable table) -> table.isOnePerTenant(declared.tenantColumn())));
    while (progress) {
      progress = false;
      for (InventoryTable table : candidates) {
        boolean referencedByAnUnplacedTable =
            declared.tables().stream()
                .anyMatch(
                    other ->
                        !placed.contains(other.name())
                            && parents.get(other.name()).contains(table.name()));
        if (!placed.contains(table.name()) && !referencedByAnUnplacedTable) {
          ordered.add(table.withParents(parents.get(table.name())));
          placed.add(table.name());
          progress = true;
          break;
        }
      }
    }
    return ordered;
  }

  /**
   * Everything that keeps the declared inventory from being purged safely on this database: a table
   * or column it names that is missing or of the wrong kind, and any table outside the inventory
   * with a foreign key to one inside it (whose rows would block the purge, or outlive it). Empty
   * when the inventory matches.
   */
  public static List<String> problems(DeclaredInventory declared, SchemaCatalog catalog) {
    List<String> problems = new ArrayList<>();
    Set<String> inventoried =
        declared.tables().stream().map(InventoryTable::name).collect(Collectors.toSet());
    String tenant = declared.tenantColumn();
    for (InventoryTable table : declared.tables()) {
      String name = table.name();
      if (!catalog.hasTable(name)) {
        problems.add("table " + name + " does not exist");
        continue;
      }
      if (table.isReachedThroughParent()) {
        InventoryTable.TenantVia via = table.tenantVia();
        InventoryTable parent = declared.table(via.parent());
        boolean joined =
            catalog.foreignKeys().stream()
                .anyMatch(
                    key ->
                        key.table().equals(name)
                            && key.columns().equals(via.columns())
                            && key.referencedTable().equals(parent.name())
                            && key.referencedColumns().equals(parent.keyColumns()));
        if (!joined) {
          problems.add(
              name
                  + ": no foreign key of its columns "
                  + via.columns()
                  + " references the key "
                  + parent.keyColumns()
                  + " of "
                  + parent.name()
                  + ", the path to its tenant");
        }
      } else if (table.isOutsideTenants()) {
        if (catalog.column(name, tenant).isPresent()) {
          problems.add(
              name
                  + " is declared KEEP, outside any tenant, but has the tenant column "
                  + tenant
                  + ": declare it RESET, with its reset, so that the tenant's rows leave it");
        }
      } else if (catalog.column(name, tenant).isEmpty()) {
        problems.add(name + " has no tenant column " + tenant);
      }
      if (!catalog.primaryKey(name).equals(table.keyColumns())) {
        problems.add(
            name
                + ": the key "
                + table.keyColumns()
                + " is not its primary key in the key's order (the primary key is "
                + (catalog.primaryKey(name).isEmpty() ? "missing" : catalog.primaryKey(name))
                + ")");
      }
      if (table.isPerPerson()) {
        Optional<Column> person = catalog.column(name, table.personColumn());
        if (person.isEmpty() || !person.get().holdsText()) {
          problems.add(
              name + ": the person column " + table.personColumn() + " is missing or not text");
        }
      }
      for (ColumnReset reset : table.resets()) {
        Optional<Column> column = catalog.column(name, reset.column());
        if (column.isEmpty()) {
          problems.add(name + ": the reset column " + reset.column() + " does not exist");
        } else if (reset.setsNull() && !column.get().nullable()) {
          problems.add(name + ": the reset sets " + reset.column() + " to null, which it forbids");
        }
      }
      for (ForeignKey key : catalog.foreignKeys()) {
        if (key.table().equals(name) && key.referencedTable().equals(name)) {
          problems.add(
              name
                  + " references itself ("
                  + key.name()
                  + "): batches cannot order such rows yet, so the table is not purged");
        }
      }
    }
    Set<String> tenantTypes = tenantTypes(declared, catalog);
    if (tenantTypes.size() > 1) {
      problems.add("the tenant column " + tenant + " has different types: " + tenantTypes);
    } else if (tenantTypes.size() == 1
        && !TENANT_TYPES.containsKey(tenantTypes.iterator().next())) {
      problems.add(
          "the tenant column "
              + tenant
              + " is of type "
              + tenantTypes.iterator().next()
              + "; it holds text, a UUID or an integer");
    }
    List<InventoryTable> ordered = problems.isEmpty() ? inPurgeOrder(declared, catalog) : List.of();
    if (problems.isEmpty() && ordered.size() < declared.tables().size()) {
      Set<String> cycle = new LinkedHashSet<>(inventoried);
      ordered.forEach(table -> cycle.remove(table.name()));
      problems.add("the foreign keys among " + cycle + " form a cycle: no table can go first");
    }
    KeycloakIds keycloakIds = declared.keycloakIds();
    if (keycloakIds != null && catalog.hasTable(keycloakIds.table())) {
      Optional<Column> column = catalog.column(keycloakIds.table(), keycloakIds.column());
      if (column.isEmpty() || !column.get().holdsText()) {
        problems.add(
            keycloakIds.table()
                + ": the Keycloak id column "
                + keycloakIds.column()
                + " is missing or not text");
      } else if (!catalog.isUnique(keycloakIds.table(), keycloakIds.column())) {
        // Else one Keycloak organisation could name two of the application's tenants.
        problems.add(
            keycloakIds.table()
                + ": the Keycloak id column "
                + keycloakIds.column()
                + " has no unique constraint or unique index of its own");
      }
    }
    for (InventoryFiles stored : declared.files()) {
      if (catalog.hasTable(stored.table())
          && catalog.column(stored.table(), stored.pathColumn()).isEmpty()) {
        problems.add(
            stored.table() + ": the file path column " + stored.pathColumn() + " does not exist");
      }
      if (stored.sizeColumn() != null
          && catalog.hasTable(stored.table())
          && catalog.column(stored.table(), stored.sizeColumn()).isEmpty()) {
        problems.add(
            stored.table() + ": the file size column " + stored.sizeColumn() + " does not exist");
      }
    }
    for (ForeignKey key : catalog.foreignKeys()) {
      if (inventoried.contains(key.referencedTable()) && !inventoried.contains(key.table())) {
        problems.add(
            key.table()
                + " references "
                + key.referencedTable()
                + " ("
                + key.name()
                + ") but is not in the inventory: its rows would "
                + (key.deleteCascades() ? "be deleted without being counted" : "block the purge"));
      }
    }
    return problems;
  }

  /**
   * The tenant id as the tenant column holds it, to bind to statements: the text Keycloak gives, or
   * that text read as a UUID or an integer.
   *
   * @throws IllegalArgumentException when the id is not of the column's type
   */
  public Object tenantValue(String tenantId) {
    return tenantValue.apply(tenantId);
  }

  /** The types of the tenant column in the tables that have it. */
  private static Set<String> tenantTypes(DeclaredInventory declared, SchemaCatalog catalog) {
    Set<String> types = new TreeSet<>();
    for (InventoryTable table : declared.tables()) {
      if (!table.isReachedThroughParent() && !table.isOutsideTenants()) {
        catalog
            .column(table.name(), declared.tenantColumn())
            .ifPresent(column -> types.add(column.type()));
      }
    }
    return types;
  }

  /** The schema holding the tables, whose catalogue the inventory was checked against. */
  public String schema() {
    return schema;
  }

  /** The table's name in SQL, with its schema: the service's connection may default to another. */
  public String sqlName(InventoryTable table) {
    return schema + "." + table.name();
  }

  /**
   * The SQL condition on {@code table}'s own columns that selects the tenant's rows, the tenant's
   * id being the parameter {@code parameter} (e.g. {@code ?1}): its tenant column, or for a table
   * reached through its parents, its columns' membership among the tenant's parent keys.
   */
  public String tenantCondition(InventoryTable table, String parameter) {
    requireTenantRows(table);
    if (!table.isReachedThroughParent()) {
      return tenantColumn() + " = " + parameter;
    }
    InventoryTable parent = declared.table(table.tenantVia().parent());
    return "("
        + SqlNames.list("", table.tenantVia().columns())
        + ") IN (SELECT "
        + SqlNames.list("", parent.keyColumns())
        + " FROM "
        + sqlName(parent)
        + " WHERE "
        + tenantCondition(parent, parameter)
        + ")";
  }

  /**
   * {@code table} as {@code t0}, joined through its parents up to a table with the tenant column:
   * the {@code FROM} list and the expression naming each row's tenant, for counts of many tenants.
   */
  public TenantJoin tenantJoin(InventoryTable table) {
    requireTenantRows(table);
    StringBuilder from = new StringBuilder(sqlName(table)).append(" t0");
    InventoryTable current = table;
    int depth = 0;
    while (current.isReachedThroughParent()) {
      InventoryTable parent = declared.table(current.tenantVia().parent());
      from.append(" JOIN ")
          .append(sqlName(parent))
          .append(" t")
          .append(depth + 1)
          .append(" ON ")
          .append(joinCondition(current, "t" + depth, parent, "t" + (depth + 1)));
      current = parent;
      depth++;
    }
    return new TenantJoin(from.toString(), "t" + depth + "." + tenantColumn());
  }

  private static void requireTenantRows(InventoryTable table) {
    if (table.isOutsideTenants()) {
      throw new IllegalArgumentException(table.name() + " holds no tenant's rows");
    }
  }

  /** {@code child}'s foreign-key columns equal to {@code parent}'s key, column for column. */
  private static String joinCondition(
      InventoryTable child, String childAlias, InventoryTable parent, String parentAlias) {
    List<String> columns = child.tenantVia().columns();
    List<String> keys = parent.keyColumns();
    List<String> equalities = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      equalities.add(childAlias + "." + columns.get(i) + " = " + parentAlias + "." + keys.get(i));
    }
    return String.join(" AND ", equalities);
  }

  /**
   * {@code table}'s rows of one tenant as {@code t0}, walked to from the tenant's rows of its
   * topmost parent down through the foreign keys: a {@code FROM ... WHERE} over which {@code
   * t0.row_ctid} is each row's address ({@code ctid}), for a statement on exactly those rows
   * whatever its key. Each step down is a {@code LATERAL} subquery PostgreSQL cannot flatten
   * ({@code OFFSET 0}), so it looks the children of each parent row up by their foreign-key columns
   * and stops at the statement's {@code LIMIT}, instead of hashing the whole table: a batch reads
   * its own tenant's rows only (the foreign-key columns want an index, as they do for any delete of
   * a parent).
   *
   * @param parameter the placeholder of the tenant's id, e.g. {@code ?1}
   */
  public String tenantWalk(InventoryTable table, String parameter) {
    List<InventoryTable> chain = new ArrayList<>();
    for (InventoryTable current = table;
        current != null;
        current =
            current.isReachedThroughParent()
                ? declared.table(current.tenantVia().parent())
                : null) {
      chain.add(current);
    }
    int top = chain.size() - 1;
    StringBuilder walk = new StringBuilder(sqlName(chain.get(top))).append(" t").append(top);
    for (int level = top - 1; level >= 0; level--) {
      InventoryTable child = chain.get(level);
      InventoryTable parent = chain.get(level + 1);
      walk.append(" CROSS JOIN LATERAL (SELECT c.ctid AS row_ctid, ")
          .append(SqlNames.list("c.", child.keyColumns()))
          .append(" FROM ")
          .append(sqlName(child))
          .append(" c WHERE ")
          .append(joinCondition(child, "c", parent, "t" + (level + 1)))
          .append(" OFFSET 0) t")
          .append(level);
    }
    return walk.append(" WHERE t")
        .append(top)
        .append('.')
        .append(tenantColumn())
        .append(" = ")
        .append(parameter)
        .toString();
  }

  /** A {@code FROM} list and the expression, over it, of each row's tenant. */
  public record TenantJoin(String from, String tenant) {}

  /** Whether the tenant column holds the application's own ids, mapped from Keycloak's. */
  public boolean mapsKeycloakIds() {
    return declared.keycloakIds() != null;
  }

  /**
   * The statement that reads the application's tenant keys of the Keycloak ids bound to {@code
   * placeholders} (e.g. {@code ?1, ?2}), as text: each row a Keycloak id and its tenant's key; none
   * when the tenant column holds Keycloak's ids itself.
   */
  public Optional<String> tenantKeysQuery(String placeholders) {
    KeycloakIds keycloakIds = declared.keycloakIds();
    if (keycloakIds == null) {
      return Optional.empty();
    }
    return Optional.of(
        "SELECT "
            + keycloakIds.column()
            + ", CAST("
            + tenantColumn()
            + " AS text) FROM "
            + schema
            + "."
            + keycloakIds.table()
            + " WHERE "
            + keycloakIds.column()
            + " IN ("
            + placeholders
            + ")");
  }

  public String application() {
    return declared.application();
  }

  /** The column, in every table, that holds the tenant's id. */
  public String tenantColumn() {
    return declared.tenantColumn();
  }

  /** The application tables, every table before those it references. */
  public List<InventoryTable> tablesInPurgeOrder() {
    return tablesInPurgeOrder;
  }

  public Optional<InventoryTable> table(String name) {
    return Optional.ofNullable(tablesByName.get(name));
  }

  /** The tenant's files in the file store named by the rows of {@code table}, if its rows do. */
  public Optional<InventoryFiles> filesOf(String table) {
    return declared.filesOf(table);
  }

  /** What the file declares, without the database's order. */
  public DeclaredInventory declared() {
    return declared;
  }

  public List<InventoryFiles> files() {
    return declared.files();
  }
}
