package dev.orgerasure.service.inventory;

import dev.orgerasure.db.inventory.InventoryTable;

public interface InventoryRowCounter {

  long countRows(InventoryTable table, String orgId);
}
