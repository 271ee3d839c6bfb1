package dev.orgerasure.service.inventory;

import dev.orgerasure.db.inventory.InventoryTable;

/** How many rows of one inventory table belong to an organisation. */
public record TableCount(String table, String category, boolean personalData, long rows) {

  public static TableCount of(InventoryTable table, long rows) {
    return new TableCount(table.name(), table.category(), table.personalData(), rows);
  }
}
