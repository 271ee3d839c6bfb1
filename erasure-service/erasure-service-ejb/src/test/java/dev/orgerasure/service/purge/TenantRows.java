package dev.orgerasure.service.purge;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A tenant's rows in an inventory's tables, as the batch tests compare them before and after a
 * purge: counts, checksums, and the purge itself run to its end.
 */
final class TenantRows {

  private TenantRows() {}

  /**
   * The tenant's rows per inventory table, found as the purge finds them; a table outside any
   * tenant holds none.
   */
  static Map<String, Long> counts(DataSource dataSource, DataInventory inventory, String tenant)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (InventoryTable table : tenantTables(inventory)) {
        counts.put(
            table.name(),
            number(
                connection,
                "SELECT count(*) FROM "
                    + inventory.sqlName(table)
                    + " WHERE "
                    + inventory.tenantCondition(table, "?"),
                inventory.tenantValue(tenant)));
      }
    }
    return counts;
  }

  /** Per inventory table holding tenants' rows, an MD5 over the text of all the tenant's rows. */
  static Map<String, String> checksums(
      DataSource dataSource, DataInventory inventory, String tenant) throws SQLException {
    Map<String, String> sums = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (InventoryTable table : tenantTables(inventory)) {
        DataInventory.TenantJoin join = inventory.tenantJoin(table);
        try (PreparedStatement sum =
            connection.prepareStatement(
                "SELECT md5(coalesce(string_agg(t0::text, '|' ORDER BY t0::text), '')) FROM "
                    + join.from()
                    + " WHERE "
                    + join.tenant()
                    + " = ?")) {
          sum.setObject(1, inventory.tenantValue(tenant));
          try (ResultSet result = sum.executeQuery()) {
            result.next();
            sums.put(table.name(), result.getString(1));
          }
        }
      }
    }
    return sums;
  }

  private static List<InventoryTable> tenantTables(DataInventory inventory) {
    return inventory.tablesInPurgeOrder().stream()
        .filter(table -> !table.isOutsideTenants())
        .toList();
  }

  /**
   * The purge of a stored hand-over run to its end in batches of {@code batchSize}, one transaction
   * per step as in the service; answers the rows each table's batches counted.
   */
  static Map<String, Long> purgeAll(
      DataSource dataSource,
      DataInventory inventory,
      String requestId,
      String tenant,
      MemberPolicy policy,
      int batchSize)
      throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    inventory.tablesInPurgeOrder().forEach(table -> rows.put(table.name(), 0L));
    PurgeRun run = new PurgeRun(batchSize, batchSize, Duration.ofSeconds(1));
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      BatchPurger purger =
          new BatchPurger(new JdbcSession(connection), path -> Optional.empty(), inventory);
      boolean done = false;
      while (!done) {
        done =
            PurgeStep.run(
                inventory,
                purger,
                run,
                new PurgeTarget(requestId, tenant, policy),
                (batch, size, took) -> rows.merge(batch.table(), batch.rows(), Long::sum));
        connection.commit();
      }
    }
    return rows;
  }

  static long number(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      JdbcSession.bind(statement, parameters);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  static void update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      JdbcSession.bind(statement, parameters);
      statement.executeUpdate();
    }
  }

  /** What one table's batches did: the rows they took, and the rows each read from the table. */
  record BatchReads(long rows, List<Long> readPerBatch) {
    long most() {
      return readPerBatch.stream().mapToLong(Long::longValue).max().orElseThrow();
    }
  }

  /**
   * One table's batches of a tenant, run to its end in one transaction, with the rows each batch
   * read from the table, by sequential and index scans, as PostgreSQL counts them.
   */
  static BatchReads readsPerBatch(
      DataSource dataSource,
      DataInventory inventory,
      String tableName,
      String tenant,
      int batchSize)
      throws SQLException {
    return readsPerBatch(
        dataSource,
        inventory,
        tableName,
        new PurgeTarget("no-purge", tenant, MemberPolicy.ERASE),
        batchSize);
  }

  /** The same, for the purge {@code target} (whose stored hand-over names the erased members). */
  static BatchReads readsPerBatch(
      DataSource dataSource,
      DataInventory inventory,
      String tableName,
      PurgeTarget target,
      int batchSize)
      throws SQLException {
    InventoryTable table = inventory.table(tableName).orElseThrow();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      BatchPurger purger =
          new BatchPurger(new JdbcSession(connection), path -> Optional.empty(), inventory);
      PurgeRun run = new PurgeRun(batchSize, batchSize, Duration.ofHours(1));
      long taken = 0;
      List<Long> readPerBatch = new ArrayList<>();
      while (!run.hasEmptied(tableName)) {
        long readBefore = rowsRead(connection, tableName);
        BatchResult batch = purger.purgeBatch(table, target, batchSize, run.lastKeyOf(tableName));
        readPerBatch.add(rowsRead(connection, tableName) - readBefore);
        run.record(tableName, batchSize, batch.rows(), Duration.ofMillis(1));
        run.tookUpTo(tableName, batch.lastKey());
        taken += batch.rows();
      }
      connection.commit();
      return new BatchReads(taken, readPerBatch);
    }
  }

  private static long rowsRead(Connection connection, String table) throws SQLException {
    return number(
        connection,
        "SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)"
            + " FROM pg_stat_xact_user_tables WHERE relname = ?",
        table);
  }
}
