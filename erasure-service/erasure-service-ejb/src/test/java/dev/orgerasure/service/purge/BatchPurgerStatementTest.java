package dev.orgerasure.service.purge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which statement one batch runs, by the table's place in the inventory and the member policy. */
class BatchPurgerStatementTest {

  private static final String ORG = "org-1";

  @Test
  void aBatchEndsAtTheKeyOfItsLastRowInTheOrganisationsKeyOrder() {
    RecordingSession session = new RecordingSession(Optional.of("user-9"));
    purge(session, "onboarding", MemberPolicy.ERASE);

    assertEquals(
        List.of(
            new Statement(
                "SELECT user_id FROM onboarding WHERE org_id = ?1 ORDER BY user_id OFFSET ?2 LIMIT 1",
                List.of(ORG, 49))),
        session.queries);
  }

  @Test
  void underDetachATableTheInventoryResetsIsUpdatedInBatchesByItsKey() {
    assertEquals(
        new Statement(
            "UPDATE onboarding SET org_id = NULL, state = 'PENDING', completed_at = NULL"
                + " WHERE org_id = ?1 AND user_id <= ?2",
            List.of(ORG, "user-9")),
        statementOf("onboarding", MemberPolicy.DETACH));
  }

  @Test
  void underEraseTheSameTableIsDeletedInBatchesByItsKey() {
    assertEquals(
        new Statement(
            "DELETE FROM onboarding WHERE org_id = ?1 AND user_id <= ?2", List.of(ORG, "user-9")),
        statementOf("onboarding", MemberPolicy.ERASE));
  }

  @Test
  void whenFewerRowsThanABatchAreLeftTheBatchIsAllOfThem() {
    RecordingSession session = new RecordingSession(Optional.empty());
    purge(session, "progress", MemberPolicy.ERASE);

    assertEquals(
        List.of(new Statement("DELETE FROM progress WHERE org_id = ?1", List.of(ORG))),
        session.updates);
  }

  @Test
  void underDetachATableTheInventoryDeletesIsDeletedAsUnderErase() {
    for (String table : List.of("memberships", "organizations")) {
      assertEquals(
          statementOf(table, MemberPolicy.ERASE), statementOf(table, MemberPolicy.DETACH), table);
    }
    assertEquals(
        new Statement(
            "DELETE FROM memberships WHERE org_id = ?1 AND id <= ?2", List.of(ORG, "user-9")),
        statementOf("memberships", MemberPolicy.DETACH));
  }

  private static Statement statementOf(String tableName, MemberPolicy policy) {
    RecordingSession session = new RecordingSession(Optional.of("user-9"));
    purge(session, tableName, policy);
    assertEquals(1, session.updates.size());
    return session.updates.get(0);
  }

  private static void purge(RecordingSession session, String tableName, MemberPolicy policy) {
    InventoryTable table = DataInventory.appTable(tableName).orElseThrow();
    BatchResult batch =
        new BatchPurger(session, path -> Optional.empty()).purgeBatch(table, ORG, policy, 50);
    assertEquals(RecordingSession.ROWS, batch.rows());
  }

  private record Statement(String sql, List<Object> parameters) {}

  /**
   * Records each statement; answers {@code lastKey} to the query for a batch's last key, and that
   * each update touched {@link #ROWS} rows.
   */
  private static final class RecordingSession implements SqlSession {
    static final int ROWS = 3;

    final Optional<Object> lastKey;
    final List<Statement> queries = new ArrayList<>();
    final List<Statement> updates = new ArrayList<>();

    RecordingSession(Optional<Object> lastKey) {
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
      return lastKey.map(key -> List.<Object[]>of(new Object[] {key})).orElse(List.of());
    }
  }
}
