package dev.orgerasure.db.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the migrations on a real PostgreSQL, so the inventory and the schema cannot drift apart. */
class SchemaMatchesInventoryTest {

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;

  @BeforeAll
  static void migrate() throws IOException {
    postgres = EmbeddedPostgres.start();
    dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).load().migrate();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void everyInventoryTableHasAnOrgIdColumn() throws SQLException {
    for (InventoryTable table : DataInventory.appTablesInPurgeOrder()) {
      assertEquals(
          Set.of(DataInventory.ORG_ID_COLUMN),
          strings(
              """
                    SELECT column_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name = ? AND column_name = ?""",
              table.name(),
              DataInventory.ORG_ID_COLUMN),
          table.name());
    }
  }

  @Test
  void everyInventoryTableHasAnIndexLeadingWithOrgId() throws SQLException {
    for (InventoryTable table : DataInventory.appTablesInPurgeOrder()) {
      Set<String> indexes =
          strings(
              """
                    SELECT index_class.relname FROM pg_index i
                    JOIN pg_class table_class ON table_class.oid = i.indrelid
                    JOIN pg_class index_class ON index_class.oid = i.indexrelid
                    JOIN pg_attribute a ON a.attrelid = table_class.oid AND a.attnum = i.indkey[0]
                    WHERE table_class.relname = ? AND a.attname = ?""",
              table.name(),
              DataInventory.ORG_ID_COLUMN);
      assertFalse(indexes.isEmpty(), table.name() + " has no index leading with org_id");
    }
  }

  @Test
  void everyApplicationTableIsInTheInventory() throws SQLException {
    Set<String> schemaTables =
        strings(
            """
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ?""",
            "flyway_schema_history");
    schemaTables.removeAll(DataInventory.serviceTables());
    Set<String> inventoryTables =
        DataInventory.appTablesInPurgeOrder().stream()
            .map(InventoryTable::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(inventoryTables, new TreeSet<>(schemaTables));
  }

  @Test
  void foreignKeysPointExactlyAtTheDeclaredParents() throws SQLException {
    for (InventoryTable table : DataInventory.appTablesInPurgeOrder()) {
      Set<String> referenced =
          strings(
              """
                    SELECT DISTINCT parent.relname FROM pg_constraint c
                    JOIN pg_class child ON child.oid = c.conrelid
                    JOIN pg_class parent ON parent.oid = c.confrelid
                    WHERE c.contype = 'f' AND child.relname = ?""",
              table.name());
      assertEquals(new TreeSet<>(table.parents()), new TreeSet<>(referenced), table.name());
    }
  }

  @Test
  void everyKeyColumnIsItsTablesPrimaryKey() throws SQLException {
    for (InventoryTable table : DataInventory.appTablesInPurgeOrder()) {
      assertEquals(
          Set.of(table.keyColumn()),
          strings(
              """
                    SELECT a.attname FROM pg_index i
                    JOIN pg_class table_class ON table_class.oid = i.indrelid
                    JOIN pg_attribute a ON a.attrelid = table_class.oid AND a.attnum = ANY (i.indkey)
                    WHERE table_class.relname = ? AND i.indisprimary""",
              table.name()),
          table.name());
    }
  }

  @Test
  void everyPersonColumnExistsAndHoldsText() throws SQLException {
    for (InventoryTable table : DataInventory.appTablesInPurgeOrder()) {
      if (table.isPerPerson()) {
        assertEquals(
            Set.of("character varying"),
            strings(
                """
                    SELECT data_type FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name = ? AND column_name = ?""",
                table.name(),
                table.personColumn()),
            table.name() + "." + table.personColumn());
      }
    }
  }

  /**
   * A column reset to NULL must allow it; one reset to a value must default to that value, so a
   * reset row reads like a new one.
   */
  @Test
  void everyResetColumnExistsAndIsNullableOrDefaultsToItsResetValue() throws SQLException {
    for (InventoryTable table : DataInventory.appTablesInPurgeOrder()) {
      for (ColumnReset reset : table.resets()) {
        String column = table.name() + "." + reset.column();
        String fact =
            """
                SELECT %s FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? AND column_name = ?""";
        if (reset.setsNull()) {
          assertEquals(
              Set.of("YES"),
              strings(fact.formatted("is_nullable"), table.name(), reset.column()),
              column + " is nullable");
        } else {
          Set<String> defaults =
              strings(fact.formatted("column_default"), table.name(), reset.column());
          assertTrue(
              defaults.size() == 1 && defaults.iterator().next().startsWith(reset.value() + "::"),
              column + " defaults to " + defaults + ", not " + reset.value());
        }
      }
    }
  }

  @Test
  void everyResetIsValidSqlOnTheSchema() throws SQLException {
    for (InventoryTable table : DataInventory.appTablesInPurgeOrder()) {
      if (!table.resets().isEmpty()) {
        try (Connection connection = dataSource.getConnection();
            Statement statement = connection.createStatement()) {
          // Plans the assignment (names and types) without touching a row.
          statement.executeUpdate(
              "UPDATE " + table.name() + " SET " + table.resetAssignments() + " WHERE false");
        }
      }
    }
  }

  private static Set<String> strings(String sql, String... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      Set<String> values = new HashSet<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
