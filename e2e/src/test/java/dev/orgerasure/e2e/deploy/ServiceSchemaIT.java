package dev.orgerasure.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.db.migration.MigrationLocations;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The erasure service keeps to its own schema in the application's database: after the whole system
 * has started and erasures have run, the application's schema holds the platform's tables and
 * nothing else, and the service's tables and Liberty's timer tables are in the service's.
 */
@WholeSystemTest
class ServiceSchemaIT {

  private final SystemUnderTest sut;

  ServiceSchemaIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void theApplicationsSchemaHoldsOnlyTheApplicationsTables() throws Exception {
    Set<String> expected =
        DeclaredInventory.learningPlatform().tables().stream()
            .map(InventoryTable::name)
            .collect(Collectors.toCollection(TreeSet::new));
    expected.add("flyway_schema_history"); // the platform's own migrations

    assertEquals(expected, tablesIn("public"));
  }

  @Test
  void theServicesTablesAndItsTimerStoreAreInItsOwnSchema() throws Exception {
    Set<String> tables = tablesIn(MigrationLocations.ERASURE_SERVICE_SCHEMA);

    assertTrue(
        tables.containsAll(
            List.of(
                "flyway_schema_history",
                "purge",
                "purge_progress",
                "purge_failed_file",
                "purge_erased_member")),
        tables.toString());
    assertTrue(
        tables.stream().anyMatch(table -> table.startsWith("wlp")),
        "Liberty's persistent timer tables: " + tables);
  }

  private Set<String> tablesIn(String schema) throws Exception {
    try (Connection db = sut.system().learningDatabase();
        PreparedStatement statement =
            db.prepareStatement(
                "SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = ?")) {
      statement.setString(1, schema);
      Set<String> tables = new TreeSet<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      return tables;
    }
  }
}
