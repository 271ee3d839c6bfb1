package dev.orgerasure.service.purge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.db.inventory.SchemaCatalog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application shaped unlike the demo, in a schema of its own: organisations keyed by a uuid
 * column (holding Keycloak's ids, which arrive as text), deals keyed by UUIDs, and two tables that
 * reach their tenant only through their parents (deal notes through deals; reactions through notes,
 * with {@code ON DELETE CASCADE}). The batches, the purge order and the counts come from its
 * inventory file alone.
 */
class JoinedTablesPurgeTest {

  private static final String SCHEMA = "crm";
  private static final String INVENTORY =
      """
      {"format": "org-erasure-inventory/1", "application": "CRM", "tenantColumn": "org_id",
       "tables": [
        {"table": "organisations", "category": "Organisation", "personalData": true,
         "key": "org_id", "underDetach": "DELETE"},
        {"table": "deals", "category": "Deals", "personalData": true, "key": "id",
         "underDetach": "DELETE"},
        {"table": "deal_notes", "category": "Deal notes", "personalData": true, "key": "id",
         "tenantVia": {"column": "deal_id", "parent": "deals"}, "underDetach": "DELETE"},
        {"table": "note_reactions", "category": "Reactions", "personalData": false, "key": "id",
         "tenantVia": {"column": "note_id", "parent": "deal_notes"}, "underDetach": "DELETE"}
       ]}""";

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;
  private static DataInventory inventory;

  @BeforeAll
  static void crmSchema() throws IOException, SQLException {
    postgres = EmbeddedPostgres.start();
    dataSource = postgres.getPostgresDatabase();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String ddl :
          List.of(
              "CREATE SCHEMA crm",
              "CREATE TABLE crm.organisations (org_id uuid PRIMARY KEY, name text NOT NULL)",
              "CREATE TABLE crm.deals (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),"
                  + " org_id uuid NOT NULL REFERENCES crm.organisations (org_id), title text)",
              "CREATE INDEX deals_org_id_idx ON crm.deals (org_id, id)",
              "CREATE TABLE crm.deal_notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                  + " deal_id uuid NOT NULL REFERENCES crm.deals (id), body text)",
              "CREATE INDEX deal_notes_deal_id_idx ON crm.deal_notes (deal_id)",
              "CREATE TABLE crm.note_reactions (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                  + " note_id bigint NOT NULL REFERENCES crm.deal_notes (id) ON DELETE CASCADE,"
                  + " emoji text)",
              "CREATE INDEX note_reactions_note_id_idx ON crm.note_reactions (note_id)")) {
        statement.execute(ddl);
      }
      inventory =
          DataInventory.of(
              DeclaredInventory.read(
                  new ByteArrayInputStream(INVENTORY.getBytes(StandardCharsets.UTF_8)), "crm.json"),
              SchemaCatalog.read(connection, SCHEMA));
    }
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void tablesReachedThroughTheirParentsComeBeforeThemInThePurgeOrder() {
    assertEquals(
        List.of("note_reactions", "deal_notes", "deals", "organisations"),
        inventory.tablesInPurgeOrder().stream().map(InventoryTable::name).toList());
  }

  @Test
  void aTenantsRowsInEveryTableAreCountedThroughTheirParents() throws SQLException {
    String acme = newOrganisation(3, 4, 2);
    assertEquals(
        Map.of("organisations", 1L, "deals", 3L, "deal_notes", 12L, "note_reactions", 24L),
        counts(acme));
    for (InventoryTable table : inventory.tablesInPurgeOrder()) {
      DataInventory.TenantJoin join = inventory.tenantJoin(table);
      assertEquals(
          counts(acme).get(table.name()),
          count("SELECT count(*) FROM " + join.from() + " WHERE " + join.tenant() + " = ?", acme),
          table.name());
    }
  }

  @Test
  void underEitherPolicyThePurgeTakesTheTenantsRowsInBatchesAndLeavesAnotherByteIdentical()
      throws SQLException {
    for (MemberPolicy policy : MemberPolicy.values()) {
      String target = newOrganisation(3, 4, 2);
      String other = newOrganisation(2, 3, 1);
      Map<String, Long> before = counts(target);
      Map<String, String> otherBefore = checksums(other);

      Map<String, Long> deleted = purgeAll(target, policy);

      assertEquals(before, deleted, policy + ": every row counted once, by its own table");
      assertTrue(
          counts(target).values().stream().allMatch(count -> count == 0),
          policy + ": nothing of the tenant is left");
      assertEquals(otherBefore, checksums(other), policy + ": the other tenant is byte-identical");
      assertNotEquals(0L, counts(other).get("note_reactions"));
    }
  }

  /**
   * A batch of a table reached through its parent reads the tenant's own rows only: a plan over the
   * whole table would read the other tenant's too, three times as many.
   */
  @Test
  void eachJoinedBatchReadsOnlyItsOwnTenantsRows() throws SQLException {
    String target = bulkOrganisation(20, 500);
    String other = bulkOrganisation(40, 500);
    Map<String, String> otherBefore = checksums(other);
    try (Connection connection = dataSource.getConnection()) {
      TenantRows.update(connection, "ANALYZE crm.deals");
      TenantRows.update(connection, "ANALYZE crm.deal_notes");
    }

    TenantRows.BatchReads batches =
        TenantRows.readsPerBatch(dataSource, inventory, "deal_notes", target, 500);

    assertEquals(10_000, batches.rows());
    assertTrue(
        batches.most() <= 2 * 10_000,
        "rows of deal_notes read per batch, of 10,000 the tenant's and 30,000 in all: "
            + batches.readPerBatch());
    assertEquals(0L, counts(target).get("deal_notes"));
    assertEquals(otherBefore, checksums(other));
  }

  /** An organisation with its deals and their notes, inserted in one go. */
  private static String bulkOrganisation(int deals, int notesPerDeal) throws SQLException {
    String organisation = UUID.randomUUID().toString();
    try (Connection connection = dataSource.getConnection()) {
      TenantRows.update(
          connection,
          "INSERT INTO crm.organisations VALUES (CAST(? AS uuid), 'Org')",
          organisation);
      TenantRows.update(
          connection,
          "INSERT INTO crm.deals (org_id, title)"
              + " SELECT CAST(? AS uuid), 'Deal' FROM generate_series(1, ?)",
          organisation,
          deals);
      TenantRows.update(
          connection,
          "INSERT INTO crm.deal_notes (deal_id, body) SELECT d.id, 'Note'"
              + " FROM crm.deals d CROSS JOIN generate_series(1, ?) WHERE d.org_id = CAST(? AS uuid)",
          notesPerDeal,
          organisation);
    }
    return organisation;
  }

  /** An organisation with its deals, each with notes, each with reactions. */
  private static String newOrganisation(int deals, int notesPerDeal, int reactionsPerNote)
      throws SQLException {
    // Keycloak's id, a text, which the application keeps in a uuid column.
    String organisation = UUID.randomUUID().toString();
    try (Connection connection = dataSource.getConnection()) {
      TenantRows.update(
          connection,
          "INSERT INTO crm.organisations VALUES (CAST(? AS uuid), 'Org')",
          organisation);
      for (int deal = 0; deal < deals; deal++) {
        UUID dealId = UUID.randomUUID();
        TenantRows.update(
            connection,
            "INSERT INTO crm.deals (id, org_id, title) VALUES (?, CAST(? AS uuid), 'Deal')",
            dealId,
            organisation);
        for (int note = 0; note < notesPerDeal; note++) {
          long noteId;
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO crm.deal_notes (deal_id, body) VALUES (?, 'Note') RETURNING id")) {
            insert.setObject(1, dealId);
            try (ResultSet id = insert.executeQuery()) {
              id.next();
              noteId = id.getLong(1);
            }
          }
          for (int reaction = 0; reaction < reactionsPerNote; reaction++) {
            TenantRows.update(
                connection,
                "INSERT INTO crm.note_reactions (note_id, emoji) VALUES (?, '+1')",
                noteId);
          }
        }
      }
    }
    return organisation;
  }

  private static Map<String, Long> purgeAll(String organisation, MemberPolicy policy)
      throws SQLException {
    return TenantRows.purgeAll(
        dataSource, inventory, "request-" + organisation, organisation, policy, 5);
  }

  private static Map<String, Long> counts(String organisation) throws SQLException {
    return TenantRows.counts(dataSource, inventory, organisation);
  }

  private static Map<String, String> checksums(String organisation) throws SQLException {
    return TenantRows.checksums(dataSource, inventory, organisation);
  }

  private static long count(String sql, String organisation) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return TenantRows.number(connection, sql, inventory.tenantValue(organisation));
    }
  }
}
