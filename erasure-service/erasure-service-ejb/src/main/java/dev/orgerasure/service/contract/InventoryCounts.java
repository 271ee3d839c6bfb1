package dev.orgerasure.service.contract;

import dev.orgerasure.contract.TableCount;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;

/** Counts of inventory tables in the contract's one per-table shape (docs/contract.md). */
public final class InventoryCounts {

  private InventoryCounts() {}

  public static TableCount of(InventoryTable table, long rows) {
    return new TableCount(
        table.name(), table.category(), table.personalData(), table.underDetach(), rows);
  }

  /** The count of an inventory table known by name; a name outside the inventory is a bug. */
  public static TableCount of(String table, long rows) {
    return of(
        DataInventory.appTable(table)
            .orElseThrow(() -> new IllegalArgumentException("not an inventory table: " + table)),
        rows);
  }
}
