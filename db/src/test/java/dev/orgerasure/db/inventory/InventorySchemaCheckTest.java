package dev.orgerasure.db.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.db.migration.MigrationLocations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inventory checked against a real PostgreSQL: the demo's file against the demo's migrations,
 * and small inventories against schemas made to hold each problem the check must name.
 */
class InventorySchemaCheckTest {

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;

  @BeforeAll
  static void migrate() throws IOException {
    postgres = EmbeddedPostgres.start();
    dataSource = postgres.getPostgresDatabase();
    Flyway.configure()
        .dataSource(dataSource)
        .locations(MigrationLocations.LEARNING_PLATFORM)
        .load()
        .migrate();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void theDemosInventoryMatchesTheDemosSchema() throws SQLException {
    assertEquals(
        List.of(), DataInventory.problems(DeclaredInventory.learningPlatform(), catalog("public")));
  }

  @Test
  void theDemosPurgeOrderComesFromItsForeignKeysChildrenFirst() throws SQLException {
    DataInventory inventory = demo();
    assertEquals(9, inventory.tablesInPurgeOrder().size());
    List<InventoryTable> tables = inventory.tablesInPurgeOrder();
    for (int position = 0; position < tables.size(); position++) {
      for (InventoryTable later : tables.subList(position + 1, tables.size())) {
        assertFalse(
            later.isChildOf(tables.get(position).name()),
            later.name() + " is purged after " + tables.get(position).name() + ", its parent");
      }
    }
    assertEquals(
        List.of("enrollments", "lessons", "organizations"),
        inventory.table("progress").orElseThrow().parents().stream().sorted().toList());
  }

  @Test
  void everyDemoTableHasAnIndexLeadingWithTheTenantColumn() throws SQLException {
    for (InventoryTable table : demo().tablesInPurgeOrder()) {
      Set<String> indexes =
          strings(
              """
              SELECT index_class.relname FROM pg_index i
              JOIN pg_class table_class ON table_class.oid = i.indrelid
              JOIN pg_class index_class ON index_class.oid = i.indexrelid
              JOIN pg_attribute a ON a.attrelid = table_class.oid AND a.attnum = i.indkey[0]
              WHERE table_class.relname = ? AND a.attname = ?""",
              table.name(),
              "org_id");
      assertFalse(indexes.isEmpty(), table.name() + " has no index leading with org_id");
    }
  }

  /** A column reset to a value defaults to that value, so a reset row reads like a new one. */
  @Test
  void everyDemoResetToAValueIsItsColumnsDefault() throws SQLException {
    for (InventoryTable table : demo().tablesInPurgeOrder()) {
      for (ColumnReset reset : table.resets()) {
        if (!reset.setsNull()) {
          String defaultValue =
              catalog("public").column(table.name(), reset.column()).orElseThrow().defaultValue();
          assertTrue(
              defaultValue.startsWith(reset.value() + "::"),
              table.name() + "." + reset.column() + " defaults to " + defaultValue);
        }
      }
    }
  }

  @Test
  void everyDemoResetIsValidSqlOnTheSchema() throws SQLException {
    for (InventoryTable table : demo().tablesInPurgeOrder()) {
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

  @Test
  void aMissingTableIsNamed() throws SQLException {
    assertProblem(
        "missing_table",
        "CREATE TABLE tenants (id text PRIMARY KEY)",
        table("tenants", "id") + ", " + table("notes", "id"),
        "table notes does not exist");
  }

  @Test
  void aTableWithoutTheTenantColumnIsNamed() throws SQLException {
    assertProblem(
        "no_tenant_column",
        "CREATE TABLE notes (id bigint PRIMARY KEY)",
        table("notes", "id"),
        "notes has no tenant column tenant_id");
  }

  @Test
  void aKeyThatIsNotThePrimaryKeyIsNamed() throws SQLException {
    assertProblem(
        "wrong_key",
        "CREATE TABLE notes (id bigint PRIMARY KEY, number bigint, tenant_id text)",
        table("notes", "number"),
        "notes: the key [number] is not its primary key in the key's order (the primary key is"
            + " [id])");
  }

  @Test
  void aKeyOfSeveralColumnsInAnotherOrderThanThePrimaryKeysIsNamed() throws SQLException {
    assertProblem(
        "key_order",
        "CREATE TABLE notes (tenant_id text, number bigint, PRIMARY KEY (tenant_id, number))",
        table("notes", "id").replace("\"id\"", "[\"number\", \"tenant_id\"]"),
        "notes: the key [number, tenant_id] is not its primary key in the key's order (the"
            + " primary key is [tenant_id, number])");
  }

  @Test
  void aPersonColumnThatHoldsNoTextIsNamed() throws SQLException {
    assertProblem(
        "person_not_text",
        "CREATE TABLE prefs (user_id bigint PRIMARY KEY, tenant_id text)",
        """
        {"table": "prefs", "category": "P", "personalData": true, "key": "user_id",
         "person": "user_id", "underDetach": "RESET", "reset": {"tenant_id": null}}""",
        "prefs: the person column user_id is missing or not text");
  }

  private static final String PEOPLE =
      """
      {"table": "people", "category": "People", "personalData": true, "key": "id",
       "person": "user_id", "underDetach": "KEEP"}""";

  /** A table of people's own rows outside any tenant, linked to tenants by a membership table. */
  @Test
  void aKeptTableWithoutTheTenantColumnReferencedByAnInventoriedTableMatches() throws SQLException {
    execute(
        "people_kept",
        "CREATE TABLE people (id uuid PRIMARY KEY, user_id text NOT NULL UNIQUE);"
            + " CREATE TABLE memberships (tenant_id text, person_id uuid REFERENCES people (id),"
            + " PRIMARY KEY (tenant_id, person_id))");
    DataInventory inventory =
        DataInventory.of(
            read(
                "["
                    + PEOPLE
                    + ", "
                    + table("memberships", "id").replace("\"id\"", "[\"tenant_id\", \"person_id\"]")
                    + "]",
                ""),
            catalog("people_kept"));
    assertEquals(
        List.of("memberships", "people"),
        inventory.tablesInPurgeOrder().stream().map(InventoryTable::name).toList());
  }

  /** Its rows would be the tenant's, and a kept table never takes them out of it. */
  @Test
  void aKeptTableWithTheTenantColumnIsNamed() throws SQLException {
    assertProblem(
        "people_with_tenant",
        "CREATE TABLE tenants (tenant_id text PRIMARY KEY);"
            + " CREATE TABLE people (id uuid PRIMARY KEY, user_id text NOT NULL, tenant_id text)",
        table("tenants", "tenant_id") + ", " + PEOPLE,
        "people is declared KEEP, outside any tenant, but has the tenant column tenant_id: declare"
            + " it RESET, with its reset, so that the tenant's rows leave it");
  }

  @Test
  void aKeptTablesPersonColumnThatHoldsNoTextIsNamed() throws SQLException {
    assertProblem(
        "people_person_not_text",
        "CREATE TABLE tenants (tenant_id text PRIMARY KEY);"
            + " CREATE TABLE people (id uuid PRIMARY KEY, user_id bigint NOT NULL)",
        table("tenants", "tenant_id") + ", " + PEOPLE,
        "people: the person column user_id is missing or not text");
  }

  @Test
  void aResetToNullOfAColumnThatForbidsItIsNamed() throws SQLException {
    assertProblem(
        "reset_not_null",
        "CREATE TABLE prefs (user_id text PRIMARY KEY, tenant_id text NOT NULL)",
        """
        {"table": "prefs", "category": "P", "personalData": true, "key": "user_id",
         "person": "user_id", "underDetach": "RESET", "reset": {"tenant_id": null}}""",
        "prefs: the reset sets tenant_id to null, which it forbids");
  }

  @Test
  void aMissingFilePathColumnIsNamed() throws SQLException {
    DeclaredInventory declared =
        read(
            "[" + table("files", "id") + "]",
            ", \"files\": [{\"category\": \"F\", \"personalData\": true, \"table\": \"files\","
                + " \"pathColumn\": \"path\"}]");
    execute("no_path", "CREATE TABLE files (id bigint PRIMARY KEY, tenant_id text)");
    assertTrue(
        DataInventory.problems(declared, catalog("no_path"))
            .contains("files: the file path column path does not exist"));
  }

  @Test
  void aPathToTheTenantWithoutItsForeignKeyIsNamed() throws SQLException {
    assertProblem(
        "no_tenant_path",
        """
        CREATE TABLE deals (id bigint PRIMARY KEY, tenant_id text);
        CREATE TABLE notes (id bigint PRIMARY KEY, deal_id bigint)""",
        table("deals", "id")
            + ", "
            + table("notes", "id")
                .replace(
                    "\"underDetach\"",
                    "\"tenantVia\": {\"column\": \"deal_id\", \"parent\": \"deals\"},"
                        + " \"underDetach\""),
        "notes: no foreign key of its columns [deal_id] references the key [id] of deals, the path"
            + " to its tenant");
  }

  @Test
  void aTenantColumnOfDifferentTypesIsNamed() throws SQLException {
    assertProblem(
        "mixed_tenant_types",
        """
        CREATE TABLE deals (id bigint PRIMARY KEY, tenant_id uuid);
        CREATE TABLE notes (id bigint PRIMARY KEY, tenant_id text)""",
        table("deals", "id") + ", " + table("notes", "id"),
        "the tenant column tenant_id has different types: [text, uuid]");
  }

  @Test
  void aTenantColumnOfATypeNoTenantIdFitsIsNamed() throws SQLException {
    assertProblem(
        "date_tenant",
        "CREATE TABLE deals (id bigint PRIMARY KEY, tenant_id date)",
        table("deals", "id"),
        "the tenant column tenant_id is of type date; it holds text, a UUID or an integer");
  }

  @Test
  void aTenantIdIsBoundAsTheTenantColumnHoldsIt() throws SQLException {
    execute("uuid_tenant", "CREATE TABLE deals (id bigint PRIMARY KEY, tenant_id uuid)");
    DataInventory inventory =
        DataInventory.of(read("[" + table("deals", "id") + "]", ""), catalog("uuid_tenant"));
    String id = "7f1c0f2e-5b4a-4c3d-9e8f-0a1b2c3d4e5f";
    assertEquals(UUID.fromString(id), inventory.tenantValue(id));
    assertThrows(IllegalArgumentException.class, () -> inventory.tenantValue("not-a-uuid"));
    assertEquals(id, demo().tenantValue(id));
  }

  /** Its rows would block the purge, or be deleted by a cascade without being counted. */
  @Test
  void aTableOutsideTheInventoryReferencingOneInsideItIsNamed() throws SQLException {
    assertProblem(
        "outside_reference",
        """
        CREATE TABLE notes (id bigint PRIMARY KEY, tenant_id text);
        CREATE TABLE comments (id bigint PRIMARY KEY, note_id bigint REFERENCES notes (id))""",
        table("notes", "id"),
        "comments references notes (comments_note_id_fkey) but is not in the inventory: its rows"
            + " would block the purge");
  }

  @Test
  void aCycleOfForeignKeysIsNamed() throws SQLException {
    assertProblem(
        "cycle",
        """
        CREATE TABLE a (id bigint PRIMARY KEY, tenant_id text, b_id bigint);
        CREATE TABLE b (id bigint PRIMARY KEY, tenant_id text, a_id bigint REFERENCES a (id));
        ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id)""",
        table("a", "id") + ", " + table("b", "id"),
        "the foreign keys among [a, b] form a cycle: no table can go first");
  }

  @Test
  void anInventoryThatDoesNotMatchIsRefusedWithEveryProblem() throws SQLException {
    execute("two_problems", "CREATE TABLE notes (id bigint, tenant_id text)");
    DeclaredInventory declared =
        read("[" + table("notes", "id") + ", " + table("tags", "id") + "]", "");
    InventoryMismatchException refused =
        assertThrows(
            InventoryMismatchException.class,
            () -> DataInventory.of(declared, catalog("two_problems")));
    assertEquals(2, refused.problems().size(), refused.getMessage());
  }

  private static final String KEYCLOAK_IDS =
      ", \"keycloakIds\": {\"table\": \"tenants\", \"column\": \"keycloak_id\"}";

  @Test
  void aUniqueTextColumnOfKeycloakIdsMatches() throws SQLException {
    execute(
        "keycloak_ids_unique",
        "CREATE TABLE tenants (tenant_id bigint PRIMARY KEY, keycloak_id text UNIQUE)");
    assertEquals(
        List.of(),
        DataInventory.problems(
            read("[" + table("tenants", "tenant_id") + "]", KEYCLOAK_IDS),
            catalog("keycloak_ids_unique")));
  }

  /** Else one Keycloak organisation could name, and erase, two of the application's tenants. */
  @Test
  void aKeycloakIdColumnWithoutAUniqueConstraintIsNamed() throws SQLException {
    execute(
        "keycloak_ids_not_unique",
        "CREATE TABLE tenants (tenant_id bigint PRIMARY KEY, keycloak_id text);"
            + " CREATE INDEX tenants_keycloak_id_idx ON tenants (keycloak_id);"
            + " CREATE UNIQUE INDEX tenants_partly_unique ON tenants (keycloak_id)"
            + " WHERE tenant_id > 0");
    assertEquals(
        List.of(
            "tenants: the Keycloak id column keycloak_id has no unique constraint or unique index"
                + " of its own"),
        DataInventory.problems(
            read("[" + table("tenants", "tenant_id") + "]", KEYCLOAK_IDS),
            catalog("keycloak_ids_not_unique")));
  }

  @Test
  void aKeycloakIdColumnThatIsMissingOrHoldsNoTextIsNamed() throws SQLException {
    execute(
        "keycloak_ids_not_text",
        "CREATE TABLE tenants (tenant_id bigint PRIMARY KEY, keycloak_id uuid UNIQUE)");
    assertEquals(
        List.of("tenants: the Keycloak id column keycloak_id is missing or not text"),
        DataInventory.problems(
            read("[" + table("tenants", "tenant_id") + "]", KEYCLOAK_IDS),
            catalog("keycloak_ids_not_text")));
  }

  private static DataInventory demo() throws SQLException {
    return DataInventory.of(DeclaredInventory.learningPlatform(), catalog("public"));
  }

  private static void assertProblem(String schema, String ddl, String tables, String problem)
      throws SQLException {
    execute(schema, ddl);
    List<String> problems = DataInventory.problems(read("[" + tables + "]", ""), catalog(schema));
    assertTrue(problems.contains(problem), problems.toString());
  }

  private static String table(String name, String key) {
    return """
        {"table": "%s", "category": "T", "personalData": false, "key": "%s",
         "underDetach": "DELETE"}"""
        .formatted(name, key);
  }

  private static DeclaredInventory read(String tables, String more) {
    String json =
        """
        {"format": "org-erasure-inventory/1", "application": "Test", "tenantColumn": "tenant_id",
         "tables": %s%s}"""
            .formatted(tables, more);
    return DeclaredInventory.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  private static void execute(String schema, String ddl) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
      statement.execute("SET search_path TO " + schema);
      for (String part : ddl.split(";")) {
        statement.execute(part);
      }
      statement.execute("SET search_path TO public");
    }
  }

  private static SchemaCatalog catalog(String schema) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return SchemaCatalog.read(connection, schema);
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
