package dev.orgerasure.service.purge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.db.inventory.SchemaCatalog;
import dev.orgerasure.db.migration.MigrationLocations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CRM example of docs/examples/crm, erased through the same batches as the demo with only its
 * inventory file: text organisation ids, people linked through memberships, tables deleted by
 * cascade from the organisation, sales data without a foreign key owned by people who keep it when
 * they keep their account, events reached through their integration, and onboarding started again.
 */
class CrmExamplePurgeTest {

  private static final Path EXAMPLE = Path.of("../../docs/examples/crm");
  private static final String SCHEMA = "crm";

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;
  private static DataInventory inventory;

  @BeforeAll
  static void crmBesideTheService() throws IOException, SQLException {
    postgres = EmbeddedPostgres.start();
    // The service's own tables (purges and their erased members), where the service keeps them.
    dataSource = ServiceDatabase.migrated(postgres);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + SCHEMA);
      statement.execute("SET search_path TO " + SCHEMA);
      statement.execute(Files.readString(EXAMPLE.resolve("schema.sql")));
      statement.execute("SET search_path TO " + MigrationLocations.ERASURE_SERVICE_SCHEMA);
      inventory =
          DataInventory.of(
              DeclaredInventory.read(EXAMPLE.resolve("inventory.json")),
              SchemaCatalog.read(connection, SCHEMA));
    }
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  /**
   * A batch of a table keyed by text tenant ids and uuid keys reads its own rows only, however many
   * of them: a plan over the whole table, or over all of the tenant's rows, would read more.
   */
  @Test
  void eachBatchOfATextKeyedTableReadsItsOwnRowsOnly() throws SQLException {
    TenantRows.BatchReads batches =
        purgedBesideAnotherTenant(
            "contacts",
            "INSERT INTO crm.contacts (org_id, owner_id, name)"
                + " SELECT ?, 'owner-' || g, 'Contact' FROM generate_series(1, 10000) g");

    // A batch reads its rows to find its keys and again to reset them; until PostgreSQL prunes
    // them, it also passes over old versions of rows earlier batches reset (about 1,500 in all,
    // measured).
    assertTrue(batches.most() <= 4 * 500, "rows read per batch of 500: " + batches.readPerBatch());
  }

  /**
   * A batch of a table keyed by two columns, led by the tenant's (memberships: organisation and
   * person), reads its own rows only: it is ordered and bounded by the person's uuid alone.
   */
  @Test
  void eachBatchOfATableKeyedByTheTenantAndAPersonReadsItsOwnRowsOnly() throws SQLException {
    TenantRows.BatchReads batches =
        purgedBesideAnotherTenant(
            "memberships",
            "INSERT INTO crm.organisations (org_id, name) VALUES (?, 'Org')",
            "WITH added AS (INSERT INTO crm.people (user_id, full_name)"
                + " SELECT ? || '-user-' || g, 'Person' FROM generate_series(1, 10000) g"
                + " RETURNING id)"
                + " INSERT INTO crm.memberships (org_id, person_id) SELECT ?, id FROM added");

    // Its rows read to find the batch's bounds and again to delete them (1,000 a batch, measured).
    assertTrue(batches.most() <= 3 * 500, "rows read per batch of 500: " + batches.readPerBatch());
  }

  /**
   * A batch of a table keyed by two columns that reaches its tenant through its parent (integration
   * events: integration and sequence number) reads its own rows only.
   */
  @Test
  void eachBatchOfATableKeyedBySeveralColumnsReachedThroughItsParentReadsItsOwnRowsOnly()
      throws SQLException {
    TenantRows.BatchReads batches =
        purgedBesideAnotherTenant(
            "integration_events",
            "INSERT INTO crm.organisations (org_id, name) VALUES (?, 'Org')",
            "WITH added AS (INSERT INTO crm.integrations (org_id, provider, api_token)"
                + " SELECT ?, 'mail', 'token-' || g FROM generate_series(1, 10) g RETURNING id)"
                + " INSERT INTO crm.integration_events (integration_id, payload)"
                + " SELECT id, '{}' FROM added CROSS JOIN generate_series(1, 1000)");

    // Walked to from the integrations through the key's index (500 a batch, measured), then deleted
    // by their addresses, which PostgreSQL does not count as reads; a scan of the table would
    // count its 20,000 rows.
    assertTrue(batches.most() <= 2 * 500, "rows read per batch of 500: " + batches.readPerBatch());
  }

  /**
   * A batch of the people table, which holds no tenant column, reads its own rows of the members
   * the erasure deletes only: of 10,000 people, the 1,000 erased go and the others are not read.
   */
  @Test
  void eachBatchOfThePeopleTableReadsTheErasedMembersRowsOnly() throws SQLException {
    String batchTag = UUID.randomUUID().toString();
    List<String> erased = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      TenantRows.update(
          connection,
          "INSERT INTO crm.people (user_id, full_name)"
              + " SELECT ? || '-' || g, 'Person' FROM generate_series(1, 10000) g",
          batchTag);
      TenantRows.update(connection, "ANALYZE crm.people");
    }
    for (int person = 1; person <= 10_000; person += 10) {
      erased.add(batchTag + "-" + person);
    }
    String requestId = HandOvers.stored(dataSource, "crm-people", MemberPolicy.ERASE, erased);
    String keptBefore = peopleOfTagNotIn(batchTag, erased);

    TenantRows.BatchReads batches =
        TenantRows.readsPerBatch(
            dataSource,
            inventory,
            "people",
            new PurgeTarget(requestId, "crm-people", MemberPolicy.ERASE),
            100);

    assertEquals(1_000, batches.rows());
    assertEquals(0, peopleRows(erased).size(), "the erased members' rows are gone");
    assertEquals(keptBefore, peopleOfTagNotIn(batchTag, erased), "every other row untouched");
    // Found through the person column's index in its order, a batch stops at its last row, then
    // reads each again by its key to delete it (203 a batch, measured); sorting the erased
    // members' rows by key would read all that remain of the 1,000, and a scan of the table its
    // 10,000.
    assertTrue(batches.most() <= 3 * 100, "rows read per batch of 100: " + batches.readPerBatch());
  }

  /** An MD5 over the people rows of a tag whose user is not among {@code excluded}. */
  private static String peopleOfTagNotIn(String tag, List<String> excluded) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement sum =
            connection.prepareStatement(
                "SELECT md5(string_agg(p::text, '|' ORDER BY p::text)) FROM crm.people p"
                    + " WHERE user_id LIKE ? || '-%' AND NOT user_id = ANY (?)")) {
      sum.setString(1, tag);
      sum.setArray(2, connection.createArrayOf("text", excluded.toArray()));
      try (ResultSet result = sum.executeQuery()) {
        result.next();
        return result.getString(1);
      }
    }
  }

  /**
   * Two tenants with 10,000 rows each in {@code table}, written by {@code inserts} (each {@code ?}
   * is the tenant's id); the second purged from it in batches of 500, the first untouched. Answers
   * what the batches read, for the caller to bound: a plan over the table, or over all of the
   * tenant's rows, would read 10,000 or more.
   */
  private static TenantRows.BatchReads purgedBesideAnotherTenant(String table, String... inserts)
      throws SQLException {
    // Ids chosen so that the other tenant sorts first (see BatchPurgerTest).
    String other = "00000000-crm-other-" + UUID.randomUUID();
    String target = "ffffffff-crm-target-" + UUID.randomUUID();
    try (Connection connection = dataSource.getConnection()) {
      for (String tenant : List.of(other, target)) {
        for (String insert : inserts) {
          Object[] ids = new Object[(int) insert.chars().filter(c -> c == '?').count()];
          Arrays.fill(ids, tenant);
          TenantRows.update(connection, insert, ids);
        }
      }
      TenantRows.update(connection, "ANALYZE crm." + table);
    }
    Map<String, String> otherBefore = TenantRows.checksums(dataSource, inventory, other);

    TenantRows.BatchReads batches =
        TenantRows.readsPerBatch(dataSource, inventory, table, target, 500);

    assertEquals(10_000, batches.rows());
    assertEquals(0L, TenantRows.counts(dataSource, inventory, target).get(table));
    assertEquals(otherBefore, TenantRows.checksums(dataSource, inventory, other));
    return batches;
  }

  @Test
  void theInventoryMatchesTheSchemaAndPurgesChildrenBeforeTheOrganisation() {
    List<String> order = inventory.tablesInPurgeOrder().stream().map(InventoryTable::name).toList();
    assertEquals("organisations", order.get(order.size() - 1));
    assertTrue(
        order.indexOf("integration_events") < order.indexOf("integrations"), order.toString());
    assertTrue(order.indexOf("activities") < order.indexOf("deals"), order.toString());
    assertTrue(order.indexOf("memberships") < order.indexOf("people"), order.toString());
  }

  @Test
  void underEraseTheErasedMembersSalesDataGoesAndAKeptMemberKeepsTheirsWithoutTheOrganisation()
      throws SQLException {
    Tenants tenants = newTenants();

    Map<String, Long> counted = purgeAll(tenants, MemberPolicy.ERASE);

    assertEquals(1L, counted.remove("people"), "the erased member's person row counted once");
    assertEquals(tenants.countedBefore(), counted, "every row of the tenant counted once");
    assertTrue(remaining(tenants.erased()).values().stream().allMatch(rows -> rows == 0));
    assertEquals(List.of(), ownedRows(tenants.leaver()), "the erased member's own rows are gone");
    assertEquals(
        List.of("activities:", "activities:", "contacts:", "contacts:", "deals:", "onboarding:0"),
        ownedRows(tenants.stayer()),
        "the kept member's own rows stay, without the organisation, onboarding started again");
    assertEquals(tenants.otherBefore(), checksums(tenants.other()), "the other tenant unchanged");
  }

  @Test
  void underEraseTheErasedMembersPersonRowGoesAndEveryOtherPersonRowStaysIdentical()
      throws SQLException {
    Tenants tenants = newTenants();

    purgeAll(tenants, MemberPolicy.ERASE);

    assertEquals(List.of(), peopleRows(List.of(tenants.leaver())), "the leaver's name is gone");
    assertEquals(
        peopleRows(tenants.keptPeople()),
        tenants.keptPeopleBefore(),
        "the kept member of both tenants, and the other tenant's member, keep their rows as they"
            + " were");
  }

  @Test
  void underDetachTheOrganisationsOwnTablesGoAndEveryonesSalesDataStaysWithoutIt()
      throws SQLException {
    Tenants tenants = newTenants();

    Map<String, Long> counted = purgeAll(tenants, MemberPolicy.DETACH);

    assertEquals(1L, counted.remove("people"));
    assertEquals(tenants.countedBefore(), counted);
    assertTrue(remaining(tenants.erased()).values().stream().allMatch(rows -> rows == 0));
    // Keycloak names the members it erases under Detach too (those its identity provider
    // manages); here it erases the leaver, so only the stayer's rows are kept.
    assertEquals(List.of(), ownedRows(tenants.leaver()));
    assertEquals(6, ownedRows(tenants.stayer()).size());
    assertEquals(tenants.otherBefore(), checksums(tenants.other()));
  }

  @Test
  void underDetachErasingNobodyEveryPersonRowStaysIdentical() throws SQLException {
    Tenants tenants = newTenants();
    List<String> everyone = List.of(tenants.leaver(), tenants.stayer(), tenants.otherMember());
    List<String> before = peopleRows(everyone);
    String requestId =
        HandOvers.stored(dataSource, tenants.erased(), MemberPolicy.DETACH, List.of());

    Map<String, Long> counted =
        TenantRows.purgeAll(
            dataSource, inventory, requestId, tenants.erased(), MemberPolicy.DETACH, 2);

    assertEquals(0L, counted.get("people"));
    assertEquals(before, peopleRows(everyone));
  }

  @Test
  void theCrmsOwnIdOfATenantIsFoundByItsKeycloakOrganisationAndNoOtherId() throws SQLException {
    String keycloakOrganisation = UUID.randomUUID().toString();
    String crmId = "acme-" + keycloakOrganisation.substring(0, 8);
    try (Connection connection = dataSource.getConnection()) {
      TenantRows.update(
          connection,
          "INSERT INTO crm.organisations (org_id, keycloak_org_id, name) VALUES (?, ?, 'Acme')",
          crmId,
          keycloakOrganisation);
    }

    Map<String, String> keys =
        tenantKeys(keycloakOrganisation, UUID.randomUUID().toString(), crmId);

    assertEquals(Map.of(keycloakOrganisation, crmId), keys, "an unmapped id names no tenant");
  }

  /** A member who signed in to the CRM once, before their organisation had a tenant there. */
  @Test
  void anOrganisationTheCrmHoldsNoTenantForLosesOnlyItsErasedMembersPersonRows()
      throws SQLException {
    Tenants tenants = newTenants();
    Map<String, Long> otherBefore = remaining(tenants.other());
    String loner = UUID.randomUUID().toString();
    try (Connection connection = dataSource.getConnection()) {
      TenantRows.update(
          connection, "INSERT INTO crm.people (user_id, full_name) VALUES (?, 'Loner')", loner);
    }
    String requestId =
        HandOvers.stored(
            dataSource, UUID.randomUUID().toString(), MemberPolicy.ERASE, List.of(loner));

    Map<String, Long> counted =
        TenantRows.purgeAll(dataSource, inventory, requestId, null, MemberPolicy.ERASE, 2);

    assertEquals(1L, counted.remove("people"), "the erased member's person row");
    assertTrue(counted.values().stream().allMatch(rows -> rows == 0), counted.toString());
    assertEquals(List.of(), peopleRows(List.of(loner)));
    assertEquals(tenants.countedBefore(), remaining(tenants.erased()), "no tenant's row touched");
    assertEquals(otherBefore, remaining(tenants.other()));
  }

  /** What the inventory's tenant key lookup finds for these Keycloak ids in the CRM. */
  private static Map<String, String> tenantKeys(String... keycloakIds) throws SQLException {
    Map<String, String> keys = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement lookup =
            connection.prepareStatement(
                inventory
                    .tenantKeysQuery(
                        String.join(", ", Collections.nCopies(keycloakIds.length, "?")))
                    .orElseThrow())) {
      for (int i = 0; i < keycloakIds.length; i++) {
        lookup.setString(i + 1, keycloakIds[i]);
      }
      try (ResultSet rows = lookup.executeQuery()) {
        while (rows.next()) {
          keys.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return keys;
  }

  /** Two tenants; in the erased one, a member whose account goes and one who stays. */
  private record Tenants(
      String erased,
      String other,
      String leaver,
      String stayer,
      String otherMember,
      Map<String, Long> countedBefore,
      Map<String, String> otherBefore,
      List<String> keptPeopleBefore) {

    /** The people Keycloak keeps: the member of both tenants and the other tenant's member. */
    List<String> keptPeople() {
      return List.of(stayer, otherMember);
    }
  }

  private static Tenants newTenants() throws SQLException {
    // Keycloak's ids, as the service receives them.
    String erased = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    String leaver = UUID.randomUUID().toString();
    String stayer = UUID.randomUUID().toString();
    String otherMember = UUID.randomUUID().toString();
    try (Connection connection = dataSource.getConnection()) {
      organisation(connection, erased, List.of(leaver, stayer));
      organisation(connection, other, List.of(otherMember, stayer));
    }
    return new Tenants(
        erased,
        other,
        leaver,
        stayer,
        otherMember,
        remaining(erased),
        checksums(other),
        peopleRows(List.of(stayer, otherMember)));
  }

  /**
   * An organisation with its settings, an integration and its events, and each member's data: a
   * deal with its attachment among them.
   */
  private static void organisation(Connection connection, String org, List<String> members)
      throws SQLException {
    TenantRows.update(
        connection, "INSERT INTO crm.organisations (org_id, name) VALUES (?, 'Org')", org);
    TenantRows.update(
        connection,
        "INSERT INTO crm.org_settings (org_id, name, value) VALUES (?, 'tz', 'UTC')",
        org);
    TenantRows.update(
        connection,
        "INSERT INTO crm.org_settings (org_id, name, value) VALUES (?, 'lang', 'en')",
        org);
    long integration =
        TenantRows.number(
            connection,
            "INSERT INTO crm.integrations (org_id, provider, api_token) VALUES (?, 'mail', 'secret')"
                + " RETURNING id",
            org);
    for (int event = 0; event < 3; event++) {
      TenantRows.update(
          connection,
          "INSERT INTO crm.integration_events (integration_id, payload) VALUES (?, '{}')",
          integration);
    }
    for (String member : members) {
      TenantRows.update(
          connection,
          "INSERT INTO crm.people (user_id, full_name) VALUES (?, 'Person') ON CONFLICT DO NOTHING",
          member);
      TenantRows.update(
          connection,
          "INSERT INTO crm.memberships (org_id, person_id)"
              + " SELECT ?, id FROM crm.people WHERE user_id = ?",
          org,
          member);
      for (int contact = 0; contact < 2; contact++) {
        TenantRows.update(
            connection,
            "INSERT INTO crm.contacts (org_id, owner_id, name) VALUES (?, ?, 'Contact')",
            org,
            member);
      }
      UUID deal = UUID.randomUUID();
      TenantRows.update(
          connection,
          "INSERT INTO crm.deals (id, org_id, owner_id, title) VALUES (?, ?, ?, 'Deal')",
          deal,
          org,
          member);
      TenantRows.update(
          connection,
          "INSERT INTO crm.attachments (org_id, deal_id, object_key, size_bytes)"
              + " VALUES (?, ?, ?, 100)",
          org,
          deal,
          org + "/" + deal + "/offer.pdf");
      for (int activity = 0; activity < 2; activity++) {
        TenantRows.update(
            connection,
            "INSERT INTO crm.activities (org_id, owner_id, deal_id, note) VALUES (?, ?, ?, 'Call')",
            org,
            member,
            deal);
      }
      TenantRows.update(
          connection,
          // One row per person: onboarded into the first organisation they joined.
          "INSERT INTO crm.onboarding_progress (user_id, org_id, step) VALUES (?, ?, 3)"
              + " ON CONFLICT (user_id) DO NOTHING",
          member,
          org);
    }
  }

  /** The people rows of these users, whole, as text, in the users' order. */
  private static List<String> peopleRows(List<String> userIds) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement rows =
            connection.prepareStatement(
                "SELECT p::text FROM unnest(?) WITH ORDINALITY AS u (user_id, place)"
                    + " JOIN crm.people p ON p.user_id = u.user_id ORDER BY u.place")) {
      rows.setArray(1, connection.createArrayOf("text", userIds.toArray()));
      List<String> found = new ArrayList<>();
      try (ResultSet result = rows.executeQuery()) {
        while (result.next()) {
          found.add(result.getString(1));
        }
      }
      return found;
    }
  }

  /** A person's own rows outside any organisation: table, and the onboarding step. */
  private static List<String> ownedRows(String userId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement rows =
            connection.prepareStatement(
                "SELECT 'activities:' FROM crm.activities WHERE owner_id = ? AND org_id IS NULL"
                    + " UNION ALL SELECT 'contacts:' FROM crm.contacts"
                    + " WHERE owner_id = ? AND org_id IS NULL"
                    + " UNION ALL SELECT 'deals:' FROM crm.deals WHERE owner_id = ? AND org_id IS NULL"
                    + " UNION ALL SELECT 'onboarding:' || step FROM crm.onboarding_progress"
                    + " WHERE user_id = ? AND org_id IS NULL ORDER BY 1")) {
      JdbcSession.bind(rows, userId, userId, userId, userId);
      List<String> found = new ArrayList<>();
      try (ResultSet result = rows.executeQuery()) {
        while (result.next()) {
          found.add(result.getString(1));
        }
      }
      return found;
    }
  }

  /**
   * The purge of the erased tenant, Keycloak erasing the leaver, run to its end in batches of 2.
   */
  private static Map<String, Long> purgeAll(Tenants tenants, MemberPolicy policy)
      throws SQLException {
    String requestId =
        HandOvers.stored(dataSource, tenants.erased(), policy, List.of(tenants.leaver()));
    return TenantRows.purgeAll(dataSource, inventory, requestId, tenants.erased(), policy, 2);
  }

  private static Map<String, Long> remaining(String org) throws SQLException {
    return TenantRows.counts(dataSource, inventory, org);
  }

  private static Map<String, String> checksums(String org) throws SQLException {
    return TenantRows.checksums(dataSource, inventory, org);
  }
}
