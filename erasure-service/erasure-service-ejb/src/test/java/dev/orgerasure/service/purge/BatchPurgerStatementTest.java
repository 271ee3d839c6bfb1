package dev.orgerasure.service.purge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.db.inventory.SchemaCatalog;
import dev.orgerasure.db.inventory.SchemaCatalog.Column;
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
  private static final DataInventory DEMO = demoInventory();

  @Test
  void aTablesFirstBatchFindsItsKeysAmongTheOrganisationsFirstRowsInKeyOrder() {
    RecordingSession session = new RecordingSession("user-1", "user-9");
    purge(session, "onboarding", MemberPolicy.ERASE, null);

    assertEquals(
        List.of(
            new Statement(
                "SELECT keys[1], keys[array_length(keys, 1)] FROM (SELECT array_agg(user_id"
                    + " ORDER BY user_id) AS keys FROM (SELECT user_id FROM public.onboarding"
                    + " WHERE org_id >= ?1 AND org_id <= ?2 ORDER BY org_id, user_id LIMIT ?3)"
                    + " batch) window_keys",
                List.of(ORG, ORG, 50))),
        session.queries);
  }

  @Test
  void aLaterBatchFindsItsKeysAmongTheRowsAfterTheLastKeyOfTheBatchBefore() {
    RecordingSession session = new RecordingSession("user-5", "user-9");
    purge(session, "onboarding", MemberPolicy.ERASE, "user-4");

    assertEquals(
        List.of(
            new Statement(
                "SELECT keys[1], keys[array_length(keys, 1)] FROM (SELECT array_agg(user_id"
                    + " ORDER BY user_id) AS keys FROM (SELECT user_id FROM public.onboarding"
                    + " WHERE (org_id, user_id) > (?1, ?2) AND org_id <= ?3"
                    + " ORDER BY org_id, user_id LIMIT ?4) batch) window_keys",
                List.of(ORG, "user-4", ORG, 50))),
        session.queries);
  }

  @Test
  void aBatchDeletesTheOrganisationsRowsFromItsFirstKeyToItsLast() {
    assertEquals(
        new Statement(
            "DELETE FROM public.progress WHERE org_id = ?1 AND id >= ?2 AND id <= ?3",
            List.of(ORG, 41L, 90L)),
        statementOf("progress", MemberPolicy.ERASE, 40L, 41L, 90L));
  }

  @Test
  void aPerPersonTablesBatchDeletesTheErasedMembersRowsAndResetsEveryOtherUnderEitherPolicy() {
    for (MemberPolicy policy : MemberPolicy.values()) {
      RecordingSession session = new RecordingSession("user-1", "user-9");
      BatchResult batch = purge(session, "onboarding", policy, null);

      assertEquals(
          List.of(
              new Statement(
                  "DELETE FROM public.onboarding WHERE org_id = ?1 AND user_id >= ?2 AND user_id <= ?3"
                      + " AND user_id IN (SELECT user_id FROM purge_erased_member"
                      + " WHERE request_id = ?4)",
                  List.of(ORG, "user-1", "user-9", REQUEST)),
              new Statement(
                  "UPDATE public.onboarding SET org_id = NULL, state = 'PENDING', completed_at = NULL"
                      + " WHERE org_id = ?1 AND user_id >= ?2 AND user_id <= ?3",
                  List.of(ORG, "user-1", "user-9"))),
          session.updates,
          policy.name());
      assertEquals(2 * RecordingSession.ROWS, batch.rows(), "rows deleted and rows reset");
    }
  }

  @Test
  void aBatchThatFindsNoRowChangesNothingAndReportsNoLastKey() {
    RecordingSession session = new RecordingSession(null, null);
    BatchResult batch = purge(session, "progress", MemberPolicy.ERASE, 40L);

    assertEquals(List.of(), session.updates);
    assertEquals(0, batch.rows());
    assertNull(batch.lastKey());
  }

  @Test
  void aBatchReportsItsLastKeySoThatTheNextStartsAfterIt() {
    RecordingSession session = new RecordingSession(41L, 90L);
    assertEquals(90L, purge(session, "progress", MemberPolicy.ERASE, 40L).lastKey());
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
  void theOrganisationsOwnRowIsDeletedByItsIdWithoutLookingForAKey() {
    RecordingSession session = new RecordingSession(1L, 9L);
    purge(session, "organizations", MemberPolicy.ERASE, null);

    assertEquals(List.of(), session.queries);
    assertEquals(
        List.of(new Statement("DELETE FROM public.organizations WHERE org_id = ?1", List.of(ORG))),
        session.updates);
  }

  private static Statement statementOf(
      String tableName, MemberPolicy policy, Object after, Object firstKey, Object lastKey) {
    RecordingSession session = new RecordingSession(firstKey, lastKey);
    purge(session, tableName, policy, after);
    assertEquals(1, session.updates.size());
    return session.updates.get(0);
  }

  private static BatchResult purge(
      RecordingSession session, String tableName, MemberPolicy policy, Object after) {
    InventoryTable table = DEMO.table(tableName).orElseThrow();
    return new BatchPurger(session, path -> Optional.empty(), DEMO)
        .purgeBatch(table, new PurgeTarget(REQUEST, ORG, policy), 50, after);
  }

  /**
   * The demo's inventory, checked against a catalogue written to match it (every column it names,
   * no foreign keys): statements are built without a database.
   */
  private static DataInventory demoInventory() {
    DeclaredInventory demo = DeclaredInventory.learningPlatform();
    Column text = new Column("character varying", true, null);
    Map<String, Map<String, Column>> columns = new LinkedHashMap<>();
    Map<String, List<String>> keys = new HashMap<>();
    for (InventoryTable table : demo.tables()) {
      Map<String, Column> named = new LinkedHashMap<>();
      named.put(demo.tenantColumn(), text);
      named.put(table.keyColumn(), text);
      if (table.isPerPerson()) {
        named.put(table.personColumn(), text);
      }
      table.resets().forEach(reset -> named.put(reset.column(), text));
      demo.filesOf(table.name())
          .ifPresent(
              files -> {
                named.put(files.pathColumn(), text);
                named.put(files.sizeColumn(), text);
              });
      columns.put(table.name(), named);
      keys.put(table.name(), List.of(table.keyColumn()));
    }
    return DataInventory.of(demo, new SchemaCatalog("public", columns, keys, List.of()));
  }

  private record Statement(String sql, List<Object> parameters) {}

  /**
   * Records each statement; answers the query for a batch's keys with {@code firstKey} and {@code
   * lastKey} (both null, as {@code min} and {@code max} over no rows, for an empty batch), and that
   * each update touched {@link #ROWS} rows.
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
      return List.<Object[]>of(new Object[] {firstKey, lastKey});
    }
  }
}
