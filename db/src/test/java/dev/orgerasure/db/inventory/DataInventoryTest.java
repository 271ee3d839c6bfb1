package dev.orgerasure.db.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataInventoryTest {

  private final List<InventoryTable> tables = DataInventory.appTablesInPurgeOrder();

  @Test
  void everyChildIsPurgedBeforeItsParents() {
    for (int position = 0; position < tables.size(); position++) {
      InventoryTable table = tables.get(position);
      for (InventoryTable earlier : tables.subList(0, position)) {
        assertFalse(
            table.isChildOf(earlier.name()),
            table.name() + " is purged after its parent " + earlier.name());
      }
    }
  }

  @Test
  void everyParentIsAnInventoryTable() {
    Set<String> names = tables.stream().map(InventoryTable::name).collect(Collectors.toSet());
    for (InventoryTable table : tables) {
      assertTrue(
          names.containsAll(table.parents()),
          table.name() + " names a parent outside the inventory");
    }
  }

  @Test
  void tableNamesAreUnique() {
    assertEquals(tables.size(), tables.stream().map(InventoryTable::name).distinct().count());
  }

  @Test
  void assetFilesAreNamedByAnInventoryTable() {
    assertTrue(DataInventory.appTable(DataInventory.assetFiles().table()).isPresent());
  }
}
