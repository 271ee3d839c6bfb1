package dev.orgerasure.db.inventory;

import dev.orgerasure.contract.DetachAction;
import dev.orgerasure.db.inventory.SchemaCatalog.ForeignKey;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A first inventory for an application, read from its schema (docs/inventory.md, "Proposing an
 * inventory"): every table with the tenant column, keyed by its primary key, with the safe choices
 * (personal data, deleted under Detach), and the list of what it could not decide for a person to
 * settle before deploying.
 *
 * @param undecided what a person must look at, one line each
 */
public record InventoryProposal(DeclaredInventory inventory, List<String> undecided) {

  /** Columns whose names suggest a person's id or a file's path, for the notes. */
  private static final Set<String> PERSON_COLUMNS = Set.of("user_id", "person_id", "keycloak_id");

  public InventoryProposal {
    undecided = List.copyOf(undecided);
  }

  /**
   * Walks the schema from the tables holding {@code tenantColumn}.
   *
   * @throws InvalidInventoryException when no table has the tenant column
   */
  public static InventoryProposal propose(
      SchemaCatalog catalog, String tenantColumn, String application) {
    SqlNames.checked("tenant column", tenantColumn);
    List<InventoryTable> tables = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    Set<String> tenantTables = new LinkedHashSet<>();
    for (Map.Entry<String, Map<String, SchemaCatalog.Column>> table :
        catalog.columns().entrySet()) {
      if (table.getValue().containsKey(tenantColumn)) {
        tenantTables.add(table.getKey());
      }
    }
    if (tenantTables.isEmpty()) {
      throw new InvalidInventoryException("no table has the tenant column " + tenantColumn);
    }
    for (String name : tenantTables) {
      List<String> key = catalog.primaryKey(name);
      if (key.isEmpty()) {
        undecided.add(name + ": left out, it has no primary key to take batches in the order of");
        continue;
      }
      tables.add(proposed(name, key, null));
      undecided.add(name + ": personalData is true; set it to false if its rows describe no one");
      for (String column : catalog.columns().get(name).keySet()) {
        if (PERSON_COLUMNS.contains(column)) {
          undecided.add(
              name
                  + ": column "
                  + column
                  + " may name a person; if its rows are people's own, add \"person\": \""
                  + column
                  + "\" with underDetach RESET and the reset that sends them through onboarding");
        }
        if (column.contains("path") || column.contains("file")) {
          undecided.add(
              name
                  + ": column "
                  + column
                  + " may name a file; if so, list it under \"files\" so the file is deleted too");
        }
      }
    }
    if (tables.isEmpty()) {
      throw new InvalidInventoryException(
          "no table with the tenant column " + tenantColumn + " has a primary key");
    }
    Set<String> listed = new HashSet<>();
    tables.forEach(table -> listed.add(table.name()));
    Set<String> ambiguous = new LinkedHashSet<>();
    // Tables without the tenant column that reference a listed table reach their tenant through
    // it; each round may reach a further level of children.
    boolean reached = true;
    while (reached) {
      reached = false;
      for (String name : catalog.columns().keySet()) {
        if (listed.contains(name) || ambiguous.contains(name)) {
          continue;
        }
        List<ForeignKey> toListed =
            catalog.foreignKeys().stream()
                .filter(key -> key.table().equals(name) && listed.contains(key.referencedTable()))
                .toList();
        if (toListed.isEmpty()) {
          continue;
        }
        List<String> key = catalog.primaryKey(name);
        ForeignKey path = toListed.get(0);
        if (toListed.size() > 1
            || key.isEmpty()
            || !path.referencedColumns().equals(catalog.primaryKey(path.referencedTable()))) {
          ambiguous.add(name);
          undecided.add(
              name
                  + ": reaches the tenant through "
                  + toListed.stream().map(ForeignKey::referencedTable).toList()
                  + " without a primary key, a single path and a foreign key to its parent's"
                  + " primary key; add a "
                  + tenantColumn
                  + " column or a tenantVia by hand");
          continue;
        }
        tables.add(
            proposed(
                name, key, new InventoryTable.TenantVia(path.columns(), path.referencedTable())));
        listed.add(name);
        undecided.add(
            name
                + ": reaches the tenant through "
                + path.referencedTable()
                + " ("
                + String.join(", ", path.columns())
                + "); personalData is true");
        reached = true;
      }
    }
    // A table that reaches no tenant may still hold people's own rows (their names, say), which
    // outlive an erasure unless the inventory lists them for the members it deletes.
    for (Map.Entry<String, Map<String, SchemaCatalog.Column>> table :
        catalog.columns().entrySet()) {
      if (listed.contains(table.getKey()) || ambiguous.contains(table.getKey())) {
        continue;
      }
      table.getValue().entrySet().stream()
          .filter(
              column -> PERSON_COLUMNS.contains(column.getKey()) && column.getValue().holdsText())
          .forEach(
              column ->
                  undecided.add(
                      table.getKey()
                          + ": left out, it reaches no tenant, but column "
                          + column.getKey()
                          + " may name a Keycloak user; if its rows are people's own, list it with"
                          + " \"person\": \""
                          + column.getKey()
                          + "\" and underDetach KEEP, so that the rows of the members an erasure"
                          + " deletes go"));
    }
    return new InventoryProposal(
        new DeclaredInventory(application, tenantColumn, tables, List.of(), null), undecided);
  }

  /** The inventory in the file format, one table per line, for a person to edit. */
  public String toJson() {
    StringWriter out = new StringWriter();
    out.write("{\n  \"format\": " + string(DeclaredInventory.FORMAT) + ",\n");
    out.write("  \"application\": " + string(inventory.application()) + ",\n");
    out.write("  \"tenantColumn\": " + string(inventory.tenantColumn()) + ",\n");
    out.write("  \"tables\": [\n");
    List<InventoryTable> tables = inventory.tables();
    for (int i = 0; i < tables.size(); i++) {
      InventoryTable table = tables.get(i);
      out.write(
          "    { \"table\": "
              + string(table.name())
              + ", \"category\": "
              + string(table.category())
              + ", \"personalData\": "
              + table.personalData()
              + ", \"key\": "
              + names(table.keyColumns())
              + (table.isReachedThroughParent()
                  ? ", \"tenantVia\": {\"column\": "
                      + names(table.tenantVia().columns())
                      + ", \"parent\": "
                      + string(table.tenantVia().parent())
                      + "}"
                  : "")
              + ", \"underDetach\": "
              + string(table.underDetach().name())
              + " }"
              + (i + 1 < tables.size() ? "," : "")
              + "\n");
    }
    out.write("  ],\n  \"files\": []\n}\n");
    return out.toString();
  }

  /** One column as a JSON string, several as a list. */
  private static String names(List<String> columns) {
    return columns.size() == 1
        ? string(columns.get(0))
        : columns.stream()
            .map(InventoryProposal::string)
            .collect(Collectors.joining(", ", "[", "]"));
  }

  /** A JSON string, escaped by JSON-P. */
  private static String string(String text) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = Json.createGenerator(out)) {
      generator.writeStartArray().write(text).writeEnd();
    }
    String array = out.toString();
    return array.substring(1, array.length() - 1);
  }

  /** A table with the safe choices: personal data, deleted under Detach. */
  private static InventoryTable proposed(
      String name, List<String> key, InventoryTable.TenantVia via) {
    return new InventoryTable(
        name, category(name), true, key, null, via, List.of(), DetachAction.DELETE, List.of());
  }

  private static String category(String table) {
    String words = table.replace('_', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
