package dev.orgerasure.db.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.db.migration.MigrationLocations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The proposal read from the demo's migrated schema, and from a schema it cannot settle alone. */
class InventoryProposalTest {

  private static EmbeddedPostgres postgres;

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
  void theProposalForTheDemoListsItsTablesWithTheirKeysAndPassesTheCheck() throws SQLException {
    SchemaCatalog catalog = catalog("public");
    InventoryProposal proposal = InventoryProposal.propose(catalog, "org_id", "Demo");
    assertEquals(
        DeclaredInventory.learningPlatform().tables().stream()
            .map(table -> table.name() + ":" + table.keyColumns())
            .sorted()
            .toList(),
        proposal.inventory().tables().stream()
            .map(table -> table.name() + ":" + table.keyColumns())
            .sorted()
            .toList());
    assertEquals(List.of(), DataInventory.problems(proposal.inventory(), catalog));
  }

  @Test
  void theProposalPointsAtThePersonColumnsAndTheFilePathsItCannotDecide() throws SQLException {
    List<String> undecided =
        InventoryProposal.propose(catalog("public"), "org_id", "Demo").undecided();
    assertTrue(
        undecided.stream()
            .anyMatch(line -> line.startsWith("onboarding: column user_id may name a person")),
        undecided.toString());
    assertTrue(
        undecided.stream()
            .anyMatch(line -> line.startsWith("assets: column file_path may name a file")),
        undecided.toString());
  }

  @Test
  void theProposalReadsBackAsAnInventoryFile() throws SQLException {
    InventoryProposal proposal =
        InventoryProposal.propose(catalog("public"), "org_id", "Demo \"1\"");
    DeclaredInventory read =
        DeclaredInventory.read(
            new ByteArrayInputStream(proposal.toJson().getBytes(StandardCharsets.UTF_8)),
            "proposal");
    assertEquals(proposal.inventory(), read);
  }

  @Test
  void tablesThatReachTheTenantThroughTheirParentsAreProposedWithTheirPathsAndKeys()
      throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA joined");
      statement.execute("CREATE TABLE joined.deals (id bigint PRIMARY KEY, org_id text)");
      statement.execute(
          "CREATE TABLE joined.deal_notes (id bigint PRIMARY KEY,"
              + " deal_id bigint REFERENCES joined.deals (id))");
      statement.execute(
          "CREATE TABLE joined.note_likes (id bigint PRIMARY KEY,"
              + " note_id bigint REFERENCES joined.deal_notes (id))");
      statement.execute(
          "CREATE TABLE joined.deal_lines (deal_id bigint REFERENCES joined.deals (id),"
              + " line_no integer, PRIMARY KEY (deal_id, line_no))");
      statement.execute(
          "CREATE TABLE joined.line_notes (id bigint PRIMARY KEY, deal_id bigint, line_no integer,"
              + " FOREIGN KEY (deal_id, line_no) REFERENCES joined.deal_lines (deal_id, line_no))");
      statement.execute("CREATE TABLE joined.tags (tag text, org_id text)");
    }
    SchemaCatalog catalog = catalog("joined");
    InventoryProposal proposal = InventoryProposal.propose(catalog, "org_id", "CRM");
    assertEquals(
        List.of(
            "deals[id]",
            "deal_lines[deal_id, line_no]:[deal_id]->deals",
            "deal_notes[id]:[deal_id]->deals",
            "line_notes[id]:[deal_id, line_no]->deal_lines",
            "note_likes[id]:[note_id]->deal_notes"),
        proposal.inventory().tables().stream()
            .map(
                table ->
                    table.name()
                        + table.keyColumns()
                        + (table.isReachedThroughParent()
                            ? ":" + table.tenantVia().columns() + "->" + table.tenantVia().parent()
                            : ""))
            .toList());
    assertEquals(List.of(), DataInventory.problems(proposal.inventory(), catalog));
    DeclaredInventory read =
        DeclaredInventory.read(
            new ByteArrayInputStream(proposal.toJson().getBytes(StandardCharsets.UTF_8)),
            "proposal");
    assertEquals(proposal.inventory(), read);
    assertTrue(
        proposal.undecided().stream()
            .anyMatch(line -> line.startsWith("tags: left out, it has no primary key")),
        proposal.undecided().toString());
  }

  @Test
  void aTableReachingNoTenantWithAColumnNamingAUserIsPointedAtAsPeoplesOwnRows()
      throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA people_rows");
      statement.execute(
          "CREATE TABLE people_rows.people (id uuid PRIMARY KEY, user_id text UNIQUE)");
      statement.execute(
          "CREATE TABLE people_rows.memberships (org_id text,"
              + " person_id uuid REFERENCES people_rows.people (id),"
              + " PRIMARY KEY (org_id, person_id))");
    }
    InventoryProposal proposal = InventoryProposal.propose(catalog("people_rows"), "org_id", "CRM");
    assertEquals(
        List.of("memberships"),
        proposal.inventory().tables().stream().map(InventoryTable::name).toList());
    assertTrue(
        proposal.undecided().stream()
            .anyMatch(
                line ->
                    line.startsWith(
                        "people: left out, it reaches no tenant, but column user_id may name a"
                            + " Keycloak user")),
        proposal.undecided().toString());
  }

  private static SchemaCatalog catalog(String schema) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      return SchemaCatalog.read(connection, schema);
    }
  }
}
