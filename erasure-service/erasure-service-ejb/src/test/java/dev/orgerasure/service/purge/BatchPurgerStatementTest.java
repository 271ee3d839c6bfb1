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
  void underDetachATableTheInventoryResetsIsUpdatedInBatchesByItsKey() {
    assertEquals(
        new Statement(
            "UPDATE onboarding SET org_id = NULL, state = 'PENDING', completed_at = NULL"
                + " WHERE user_id IN (SELECT user_id FROM onboarding WHERE org_id = ?1"
                + " ORDER BY user_id LIMIT ?2)",
            List.of(ORG, 50)),
        statementOf("onboarding", MemberPolicy.DETACH));
  }

  @Test
  void underEraseTheSameTableIsDeletedInBatchesByItsKey() {
    assertEquals(
        new Statement(
            "DELETE FROM onboarding WHERE user_id IN (SELECT user_id FROM onboarding"
                + " WHERE org_id = ?1 ORDER BY user_id LIMIT ?2)",
            List.of(ORG, 50)),
        statementOf("onboarding", MemberPolicy.ERASE));
  }

  @Test
  void underDetachATableTheInventoryDeletesIsDeletedAsUnderErase() {
    for (String table : List.of("memberships", "organizations")) {
      assertEquals(
          statementOf(table, MemberPolicy.ERASE), statementOf(table, MemberPolicy.DETACH), table);
    }
    assertEquals(
        new Statement(
            "DELETE FROM memberships WHERE id IN (SELECT id FROM memberships"
                + " WHERE org_id = ?1 ORDER BY id LIMIT ?2)",
            List.of(ORG, 50)),
        statementOf("memberships", MemberPolicy.DETACH));
  }

  private static Statement statementOf(String tableName, MemberPolicy policy) {
    InventoryTable table = DataInventory.appTable(tableName).orElseThrow();
    RecordingSession session = new RecordingSession();
    BatchResult batch =
        new BatchPurger(session, path -> Optional.empty()).purgeBatch(table, ORG, policy, 50);
    assertEquals(RecordingSession.ROWS, batch.rows());
    assertEquals(1, session.updates.size());
    return session.updates.get(0);
  }

  private record Statement(String sql, List<Object> parameters) {}

  /** Records each update and answers that it touched {@link #ROWS} rows. */
  private static final class RecordingSession implements SqlSession {
    static final int ROWS = 3;

    final List<Statement> updates = new ArrayList<>();

    @Override
    public int update(String sql, Object... parameters) {
      updates.add(new Statement(sql, List.of(parameters)));
      return ROWS;
    }

    @Override
    public List<Object[]> query(String sql, Object... parameters) {
      throw new AssertionError("no query expected: " + sql);
    }
  }
}
