package dev.orgerasure.db.inventory;

import java.util.List;
import java.util.Objects;

/**
 * One application table that holds an organisation's data.
 *
 * @param name the SQL table name
 * @param category the label shown to people, e.g. "Courses"
 * @param personalData whether its rows identify or describe a person
 * @param parents the tables its foreign keys point to; they are purged after it
 */
public record InventoryTable(
    String name, String category, boolean personalData, List<String> parents) {

  public InventoryTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    parents = List.copyOf(parents);
    if (parents.contains(name)) {
      throw new IllegalArgumentException(name + " cannot be its own parent");
    }
  }

  public boolean isChildOf(String table) {
    return parents.contains(table);
  }
}
