package dev.orgerasure.service.inventory;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InvalidInventoryException;
import dev.orgerasure.db.inventory.SchemaCatalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The inventory file read and checked against one schema: the checked inventory, or the problems
 * that keep it from being used (a file that cannot be read is one problem).
 */
record InventoryCheck(Optional<DataInventory> inventory, List<String> problems) {

  /** {@code file} blank: the demo learning platform's inventory. */
  static InventoryCheck of(String file, Connection connection, String schema) throws SQLException {
    DeclaredInventory declared;
    try {
      declared =
          file.isBlank()
              ? DeclaredInventory.learningPlatform()
              : DeclaredInventory.read(Path.of(file));
    } catch (InvalidInventoryException e) {
      return new InventoryCheck(Optional.empty(), List.of(e.getMessage()));
    }
    SchemaCatalog catalog = SchemaCatalog.read(connection, schema);
    List<String> problems = DataInventory.problems(declared, catalog);
    return problems.isEmpty()
        ? new InventoryCheck(Optional.of(DataInventory.of(declared, catalog)), List.of())
        : new InventoryCheck(Optional.empty(), problems);
  }
}
