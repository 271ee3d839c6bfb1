package dev.orgerasure.service.inventory;

import dev.orgerasure.db.inventory.InventoryTable;
import java.util.List;
import java.util.Map;

public interface InventoryRowCounter {

  long countRows(InventoryTable table, String orgId);

  /** Rows per organisation, in one statement; organisations without rows are left out. */
  Map<String, Long> countRowsByOrganization(InventoryTable table, List<String> orgIds);
}
