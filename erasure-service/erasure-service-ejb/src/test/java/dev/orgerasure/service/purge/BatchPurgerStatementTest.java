package dev.orgerasure.service.purge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.db.inventory.SchemaCatalog;
import dev.orgerasure.db.inventory.SchemaCatalog.Column;
import dev.orgerasure.db.inventory.SchemaCatalog.ForeignKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which statement one batch runs, by the table's place in the inventory and the member policy. */
class BatchPurgerStatementTest {

  private static final String ORG = "org-1";
  private static final String REQUEST = "request-1";
  private static final Column TEXT = new Column("character varying", true, null);
  private static final DataInventory DEMO = demoInventory();
  private static final String ONBOARDING_BOUNDS =
      "SELECT user_id FROM (SELECT user_id, row_number() OVER (ORDER BY user_id) AS place,"
          + " count(*) OVER () AS size FROM (%s) batch) numbered"
          + " WHERE place = 1 OR place = size ORDER BY place";

  @Test
  void aTablesFirstBatchFindsItsKeysAmongTheOrganisationsFirstRowsInKeyOrder() {
    RecordingSession session = new RecordingSession("user-1", "user-9");
    purge(session, "onboarding", MemberPolicy.ERASE, null);

    assertEquals(
        List.of(
            new Statement(
                ONBOARDING_BOUNDS.formatted(
                    "SELECT user_id FROM public.onboarding"
                        + " WHERE org_id >= ?1 AND org_id <= ?2 ORDER BY org_id, user_id LIMIT ?3"),
                List.of(ORG, ORG, 50))),
        session.queries);
  }

  @Test
  void aLaterBatchFindsItsKeysAmongTheRowsAfterTheLastKeyOfTheBatchBefore() {
    RecordingSession session = new RecordingSession("user-5", "user-9");
    purge(session, "onboarding", MemberPolicy.ERASE, new Object[] {"user-4"});

    assertEquals(
        List.of(
            new Statement(
                ONBOARDING_BOUNDS.formatted(
                    "SELECT user_id FROM public.onboarding"
                        + " WHERE (org_id, user_id) > (?1, ?2) AND org_id <= ?3"
                        + " ORDER BY org_id, user_id LIMIT ?4"),
                List.of(ORG, "user-4", ORG, 50))),
        session.queries);
  }

  @Test
  void aBatchDeletesTheOrganisationsRowsFromItsFirstKeyToItsLast() {
    assertEquals(
        new Statement(
            "DELETE FROM public.progress WHERE org_id = ?1 AND (id) >= (?2) AND (id) <= (?3)",
            List.of(ORG, 41L, 90L)),
        statementOf("progress", MemberPolicy.ERASE, new Object[] {40L}, 41L, 90L));
  }

  @Test
  void aPerPersonTablesBatchDeletesTheErasedMembersRowsAndResetsEveryOtherUnderEitherPolicy() {
    for (MemberPolicy policy : MemberPolicy.values()) {
      RecordingSession session = new RecordingSession("user-1", "user-9");
      BatchResult batch = purge(session, "onboarding", policy, null);

      assertEquals(
          List.of(
              new Statement(
                  "DELETE FROM public.onboarding WHERE org_id = ?1 AND (user_id) >= (?2)"
                      + " AND (user_id) <= (?3) AND user_id IN (SELECT user_id FROM purge_erased_member"
                      + " WHERE request_id = ?4)",
                  List.of(ORG, "user-1", "user-9", REQUEST)),
              new Statement(
                  "UPDATE public.onboarding SET org_id = NULL, state = 'PENDING', completed_at = NULL"
                      + " WHERE org_id = ?1 AND (user_id) >= (?2) AND (user_id) <= (?3)",
                  List.of(ORG, "user-1", "user-9"))),
          session.updates,
          policy.name());
      assertEquals(2 * RecordingSession.ROWS, batch.rows(), "rows deleted and rows reset");
    }
  }

  @Test
  void aBatchThatFindsNoRowChangesNothingAndReportsNoLastKey() {
    RecordingSession session = new RecordingSession(null, null);
    BatchResult batch = purge(session, "progress", MemberPolicy.ERASE, new Object[] {40L});

    assertEquals(List.of(), session.updates);
    assertEquals(0, batch.rows());
    assertNull(batch.lastKey());
  }

  @Test
  void aBatchReportsItsLastKeySoThatTheNextStartsAfterIt() {
    RecordingSession session = new RecordingSession(41L, 90L);
    assertArrayEquals(
        new Object[] {90L},
        purge(session, "progress", MemberPolicy.ERASE, new Object[] {40L}).lastKey());
  }

  @Test
  void underDetachATableTheInventoryDeletesIsDeletedAsUnderErase() {
    for (String table : List.of("memberships", "organizations")) {
      assertEquals(
          statementOf(table, MemberPolicy.ERASE, null, 1L, 9L),
          statementOf(table, MemberPolicy.DETACH, null, 1L, 9L),
          table);
    }
  }

  @Test
  void aTableReachedThroughItsParentsIsDeletedByKeysFoundWalkingDownFromTheTenantsRows() {
    DataInventory crm =
        crm(
            """
                {"table": "deals", "category": "Deals", "personalData": true, "key": "id",
                "underDetach": "DELETE"},
                {"table": "notes", "category": "Notes", "personalData": true, "key": "id",
                "tenantVia": {"column": "deal_id", "parent": "deals"},
                "underDetach": "DELETE"}""",
            new SchemaCatalog(
                "crm",
                Map.of(
                    "deals", Map.of("id", TEXT, "org_id", TEXT),
                    "notes", Map.of("id", TEXT, "deal_id", TEXT)),
                Map.of("deals", List.of("id"), "notes", List.of("id")),
                List.of(
                    new ForeignKey(
                        "notes_deal_id_fkey",
                        "notes",
                        List.of("deal_id"),
                        "deals",
                        List.of("id"),
                        false)),
                Map.of()));
    for (MemberPolicy policy : MemberPolicy.values()) {
      RecordingSession session = new RecordingSession(null, null);
      BatchResult batch =
          new BatchPurger(session, path -> Optional.empty(), crm)
              .purgeBatch(
                  crm.table("notes").orElseThrow(),
                  new PurgeTarget(REQUEST, ORG, policy),
                  50,
                  null);

      assertEquals(List.of(), session.queries, policy.name());
      assertEquals(
          List.of(
              new Statement(
                  "DELETE FROM crm.notes WHERE ctid = ANY (ARRAY(SELECT t0.row_ctid FROM crm.deals"
                      + " t1 CROSS JOIN LATERAL (SELECT c.ctid AS row_ctid, c.id FROM crm.notes c"
                      + " WHERE c.deal_id = t1.id OFFSET 0) t0"
                      + " WHERE t1.org_id = ?1 LIMIT ?2))",
                  List.of(ORG, 50))),
          session.updates,
          policy.name());
      assertNull(batch.lastKey(), "deleted rows are not found again: no cursor");
    }
  }

  @Test
  void aTableOfPeoplesOwnRowsOutsideAnyTenantDeletesTheErasedMembersRowsOnlyUnderEitherPolicy() {
    DataInventory crm =
        crm(
            """
                {"table": "organisations", "category": "Organisation", "personalData": true,
                "key": "org_id", "underDetach": "DELETE"},
                {"table": "people", "category": "People", "personalData": true, "key": "id",
                "person": "user_id", "underDetach": "KEEP"}""",
            new SchemaCatalog(
                "crm",
                Map.of(
                    "organisations", Map.of("org_id", TEXT),
                    "people", Map.of("id", TEXT, "user_id", TEXT)),
                Map.of("organisations", List.of("org_id"), "people", List.of("id")),
                List.of(),
                Map.of()));
    for (MemberPolicy policy : MemberPolicy.values()) {
      RecordingSession session = new RecordingSession(null, null);
      BatchResult batch =
          new BatchPurger(session, path -> Optional.empty(), crm)
              .purgeBatch(
                  crm.table("people").orElseThrow(),
                  new PurgeTarget(REQUEST, ORG, policy),
                  50,
                  null);

      assertEquals(List.of(), session.queries, policy.name());
      assertEquals(
          List.of(
              new Statement(
                  "DELETE FROM crm.people WHERE (id) IN (SELECT id FROM crm.people"
                      + " WHERE user_id = ANY (ARRAY(SELECT CAST(user_id AS text) FROM"
                      + " purge_erased_member WHERE request_id = ?1)) ORDER BY user_id, id"
                      + " LIMIT ?2)",
                  List.of(REQUEST, 50))),
          session.updates,
          policy.name());
      assertEquals(RecordingSession.ROWS, batch.rows(), "rows deleted, counted once");
      assertNull(batch.lastKey(), "deleted rows are not found again: no cursor");
    }
  }

  @Test
  void aKeyOfSeveralColumnsOrdersTheBatchWithoutTheTenantColumnAndBoundsItAsARow() {
    RecordingSession session =
        new RecordingSession(new Object[] {"p-1", 1}, new Object[] {"p-7", 3});
    BatchResult batch =
        purge(MEMBERSHIPS, session, "memberships", MemberPolicy.ERASE, new Object[] {"p-0", 9});

    assertEquals(
        List.of(
            new Statement(
                "SELECT person_id, seat FROM (SELECT person_id, seat, row_number() OVER (ORDER BY"
                    + " person_id, seat) AS place, count(*) OVER () AS size FROM (SELECT"
                    + " person_id, seat FROM crm.memberships WHERE (org_id, person_id, seat) >"
                    + " (?1, ?2, ?3) AND org_id <= ?4 ORDER BY org_id, person_id, seat LIMIT ?5)"
                    + " batch) numbered WHERE place = 1 OR place = size ORDER BY place",
                List.of(ORG, "p-0", 9, ORG, 50))),
        session.queries);
    assertEquals(
        List.of(
            new Statement(
                "DELETE FROM crm.memberships WHERE org_id = ?1 AND (person_id, seat) >= (?2, ?3)"
                    + " AND (person_id, seat) <= (?4, ?5)",
                List.of(ORG, "p-1", 1, "p-7", 3))),
        session.updates);
    assertArrayEquals(new Object[] {"p-7", 3}, batch.lastKey());
  }

  @Test
  void theOrganisationsOwnRowIsDeletedByItsIdWithoutLookingForAKey() {
    RecordingSession session = new RecordingSession(1L, 9L);
    purge(session, "organizations", MemberPolicy.ERASE, null);

    assertEquals(List.of(), session.queries);
    assertEquals(
        List.of(new Statement("DELETE FROM public.organizations WHERE org_id = ?1", List.of(ORG))),
        session.updates);
  }

  /** A membership table keyed by the organisation, the person and a seat number. */
  private static final DataInventory MEMBERSHIPS =
      crm(
          """
              {"table": "memberships", "category": "Memberships", "personalData": true,
              "key": ["org_id", "person_id", "seat"], "underDetach": "DELETE"}""",
          new SchemaCatalog(
              "crm",
              Map.of("memberships", Map.of("org_id", TEXT, "person_id", TEXT, "seat", TEXT)),
              Map.of("memberships", List.of("org_id", "person_id", "seat")),
              List.of(),
              Map.of()));

  /** The CRM-shaped inventory of these tables (JSON, the file's list) on that catalogue. */
  private static DataInventory crm(String tables, SchemaCatalog catalog) {
    String file =
        """
        {"format": "org-erasure-inventory/1", "application": "CRM", "tenantColumn": "org_id",
         "tables": [%s]}"""
            .formatted(tables);
    return DataInventory.of(
        DeclaredInventory.read(
            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "crm.json"),
        catalog);
  }

  private static Statement statementOf(
      String tableName, MemberPolicy policy, Object[] after, Object firstKey, Object lastKey) {
    RecordingSession session = new RecordingSession(firstKey, lastKey);
    purge(session, tableName, policy, after);
    assertEquals(1, session.updates.size());
    return session.updates.get(0);
  }

  private static BatchResult purge(
      RecordingSession session, String tableName, MemberPolicy policy, Object[] after) {
    return purge(DEMO, session, tableName, policy, after);
  }

  private static BatchResult purge(
      DataInventory inventory,
      RecordingSession session,
      String tableName,
      MemberPolicy policy,
      Object[] after) {
    InventoryTable table = inventory.table(tableName).orElseThrow();
    return new BatchPurger(session, path -> Optional.empty(), inventory)
        .purgeBatch(table, new PurgeTarget(REQUEST, ORG, policy), 50, after);
  }

  /**
   * The demo's inventory, checked against a catalogue written to match it (every column it names,
   * no foreign keys): statements are built without a database.
   */
  private static DataInventory demoInventory() {
    DeclaredInventory demo = DeclaredInventory.learningPlatform();
    Map<String, Map<String, Column>> columns = new LinkedHashMap<>();
    Map<String, List<String>> keys = new HashMap<>();
    for (InventoryTable table : demo.tables()) {
      Map<String, Column> named = new LinkedHashMap<>();
      named.put(demo.tenantColumn(), TEXT);
      table.keyColumns().forEach(key -> named.put(key, TEXT));
      if (table.isPerPerson()) {
        named.put(table.personColumn(), TEXT);
      }
      table.resets().forEach(reset -> named.put(reset.column(), TEXT));
      demo.filesOf(table.name())
          .ifPresent(
              files -> {
                named.put(files.pathColumn(), TEXT);
                named.put(files.sizeColumn(), TEXT);
              });
      columns.put(table.name(), named);
      keys.put(table.name(), table.keyColumns());
    }
    return DataInventory.of(demo, new SchemaCatalog("public", columns, keys, List.of(), Map.of()));
  }

  private record Statement(String sql, List<Object> parameters) {}

  /**
   * Records each statement; answers the query for a batch's first and last key with {@code
   * firstKey} and {@code lastKey} (no row for an empty batch, both null), and that each update
   * touched {@link #ROWS} rows. A key of several columns is given as an {@code Object[]}.
   */
  private static final class RecordingSession implements SqlSession {
    static final int ROWS = 3;

    final Object firstKey;
    final Object lastKey;
    final List<Statement> queries = new ArrayList<>();
    final List<Statement> updates = new ArrayList<>();

    RecordingSession(Object firstKey, Object lastKey) {
      this.firstKey = firstKey;
      this.lastKey = lastKey;
    }

    @Override
    public int update(String sql, Object... parameters) {
      updates.add(new Statement(sql, List.of(parameters)));
      return ROWS;
    }

    @Override
    public List<Object[]> query(String sql, Object... parameters) {
      queries.add(new Statement(sql, List.of(parameters)));
      if (firstKey == null) {
        return List.of();
      }
      return List.of(key(firstKey), key(lastKey));
    }

    private static Object[] key(Object key) {
      return key instanceof Object[] columns ? columns : new Object[] {key};
    }
  }
}
