package dev.orgerasure.db.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.DetachAction;
import java.util.List;
import java.util.Map;
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

  @Test
  void onlyTheOnboardingTableIsResetUnderDetach() {
    for (InventoryTable table : tables) {
      assertEquals(
          table.name().equals("onboarding") ? DetachAction.RESET : DetachAction.DELETE,
          table.underDetach(),
          table.name());
    }
  }

  @Test
  void theOnboardingResetSendsThePersonThroughOnboardingAgain() {
    assertEquals(
        "org_id = NULL, state = 'PENDING', completed_at = NULL",
        DataInventory.appTable("onboarding").orElseThrow().resetAssignments());
  }

  @Test
  void aTableDeletedUnderDetachHasNoReset() {
    InventoryTable courses = DataInventory.appTable("courses").orElseThrow();
    assertEquals(List.of(), courses.resets());
    assertThrows(IllegalStateException.class, courses::resetAssignments);
  }

  /** Else the rows would stay the organisation's, and the purge would find them again. */
  @Test
  void aResetThatKeepsTheOrganisationIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new InventoryTable(
                "notes",
                "Notes",
                true,
                "id",
                null,
                List.of(),
                DetachAction.RESET,
                List.of(ColumnReset.toNull("completed_at"))));
  }

  /** Else a person who keeps their account would lose their own row with the organisation. */
  @Test
  void aPerPersonTableThatIsNotResetIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new InventoryTable(
                "preferences",
                "Preferences",
                true,
                "id",
                "user_id",
                List.of(),
                DetachAction.DELETE,
                List.of()));
  }

  @Test
  void onlyTheOnboardingTableHoldsPeoplesOwnRows() {
    for (InventoryTable table : tables) {
      assertEquals(
          table.name().equals("onboarding") ? "user_id" : null, table.personColumn(), table.name());
    }
  }

  @Test
  void resetsAreMadeOfPlainNamesAndLiterals() {
    assertThrows(IllegalArgumentException.class, () -> ColumnReset.toNull("state; DROP"));
    assertThrows(IllegalArgumentException.class, () -> ColumnReset.toText("state", "it's"));
    assertThrows(IllegalArgumentException.class, () -> new ColumnReset("state", "now()"));
  }

  @Test
  void rowsAreKeyedByTheirIdExceptOrganisationsAndOnboarding() {
    Map<String, String> keys = Map.of("organizations", "org_id", "onboarding", "user_id");
    for (InventoryTable table : tables) {
      assertEquals(keys.getOrDefault(table.name(), "id"), table.keyColumn(), table.name());
    }
  }
}
