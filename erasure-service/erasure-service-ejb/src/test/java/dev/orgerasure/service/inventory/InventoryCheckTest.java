package dev.orgerasure.service.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.db.migration.MigrationLocations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the service makes of its inventory setting at deploy, on the demo's migrated schema. */
class InventoryCheckTest {

  private static EmbeddedPostgres postgres;

  @TempDir Path directory;

  @BeforeAll
  static void migrate() throws IOException {
    postgres = EmbeddedPostgres.start();
    Flyway.configure()
        .dataSource(postgres.getPostgresDatabase())
        .locations(MigrationLocations.LEARNING_PLATFORM)
        .load()
        .migrate();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void noFileSetIsTheDemosInventoryChecked() throws SQLException {
    InventoryCheck check = check("");
    assertEquals(List.of(), check.problems());
    assertEquals(9, check.inventory().orElseThrow().tablesInPurgeOrder().size());
  }

  @Test
  void aFileThatCannotBeReadIsOneProblemAndNoInventory() throws SQLException {
    InventoryCheck check = check(directory.resolve("absent.json").toString());
    assertTrue(check.inventory().isEmpty());
    assertEquals(1, check.problems().size(), check.problems().toString());
    assertTrue(check.problems().get(0).contains("absent.json"), check.problems().get(0));
  }

  /**
   * The demo's schema has an onboarding table the file leaves out, which references organisations.
   */
  @Test
  void aFileThatLeavesOutAReferencingTableIsRefusedNamingIt() throws IOException, SQLException {
    Path file = directory.resolve("inventory.json");
    Files.writeString(
        file,
        """
        {"format": "org-erasure-inventory/1", "application": "Partial", "tenantColumn": "org_id",
         "tables": [{"table": "organizations", "category": "Organisation", "personalData": true,
                     "key": "org_id", "underDetach": "DELETE"}]}""");
    InventoryCheck check = check(file.toString());
    assertTrue(check.inventory().isEmpty());
    assertTrue(
        check.problems().stream().anyMatch(problem -> problem.startsWith("onboarding references")),
        check.problems().toString());
  }

  private static InventoryCheck check(String file) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      return InventoryCheck.of(file, connection, "public");
    }
  }
}
