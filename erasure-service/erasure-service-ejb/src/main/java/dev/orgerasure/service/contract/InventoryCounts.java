package dev.orgerasure.service.contract;

import dev.orgerasure.contract.DetachAction;
import dev.orgerasure.contract.TableCount;
import dev.orgerasure.db.inventory.InventoryTable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Counts of inventory tables in the contract's one per-table shape (docs/contract.md). */
public final class InventoryCounts {

  private final Map<String, InventoryTable> tables;

  public InventoryCounts(List<InventoryTable> tables) {
    this.tables =
        tables.stream().collect(Collectors.toMap(InventoryTable::name, Function.identity()));
  }

  public static TableCount of(InventoryTable table, long rows) {
    return new TableCount(
        table.name(), table.category(), table.personalData(), table.underDetach(), rows);
  }

  /**
   * The count of an inventory table known by name. A purge recorded before its table left the
   * inventory still reports it, under its own name and as personal data, the safe side.
   */
  public TableCount of(String table, long rows) {
    InventoryTable known = tables.get(table);
    if (known == null) {
      return new TableCount(table, table, true, DetachAction.DELETE, rows);
    }
    return of(known, rows);
  }
}
