package dev.orgerasure.service.purge;

import dev.orgerasure.contract.DetachAction;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryFiles;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.db.inventory.ServiceTables;
import dev.orgerasure.service.erasure.FileFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Deletes one batch of an organisation's rows from one inventory table, in the caller's
 * transaction; batches are taken in key order, each after the last key of the one before; under
 * {@link MemberPolicy#DETACH}, a table the inventory resets has its batch reset instead (the rows
 * stay, without the organisation). A per-person table's batch, under either policy, deletes the
 * rows of the members the erasure deletes and resets everyone else's. For the asset table the files
 * named by the batch's rows are removed first; a file that cannot be removed is returned with its
 * error (the purge keeps it and retries it) and its row is deleted all the same, so the purge goes
 * on.
 *
 * <p>Table and column names, and the reset's assignments, come from the inventory only, never from
 * a caller.
 */
public class BatchPurger {

  private final SqlSession sql;
  private final FileRemover files;
  private final DataInventory inventory;

  public BatchPurger(SqlSession sql, FileRemover files, DataInventory inventory) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.files = Objects.requireNonNull(files, "files");
    this.inventory = Objects.requireNonNull(inventory, "inventory");
  }

  /**
   * One batch of {@code table}: the organisation's next {@code batchSize} rows in key order, those
   * after the key {@code after} (the last key this run took from the table), or from its first row
   * when {@code after} is null.
   */
  public BatchResult purgeBatch(
      InventoryTable table, PurgeTarget target, int batchSize, Object after) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize < 1");
    }
    Object orgId = inventory.tenantValue(target.orgId());
    String tenant = inventory.tenantColumn();
    if (table.isReachedThroughParent()) {
      return joinedBatch(table, orgId, batchSize);
    }
    if (table.keyColumn().equals(tenant)) {
      // One row per organisation: no batches.
      int rows =
          sql.update(
              "DELETE FROM " + inventory.sqlName(table) + " WHERE " + tenant + " = ?1", orgId);
      return new BatchResult(table.name(), rows, null, 0, List.of());
    }
    Window window = new Window(table, inventory.sqlName(table), tenant, orgId, after);
    if (table.isPerPerson()) {
      return personalBatch(window, target.requestId(), batchSize);
    }
    if (target.policy() == MemberPolicy.DETACH && table.underDetach() == DetachAction.RESET) {
      return updateBatch(
          "UPDATE " + window.sqlName() + " SET " + table.resetAssignments(), window, batchSize);
    }
    Optional<InventoryFiles> tableFiles = inventory.filesOf(table.name());
    if (tableFiles.isPresent()) {
      return purgeRowsWithFiles(window, tableFiles.get(), batchSize);
    }
    return updateBatch("DELETE FROM " + window.sqlName(), window, batchSize);
  }

  /**
   * The next {@code batchSize} of the tenant's rows of a table that reaches its tenant through its
   * parents, deleted (under either policy): found by walking down from the tenant's parent rows
   * through the foreign keys ({@link DataInventory#tenantWalk}), then deleted by key. Deleted rows
   * are not found again, so no cursor is kept.
   */
  private BatchResult joinedBatch(InventoryTable table, Object orgId, int batchSize) {
    String key = table.keyColumn();
    int rows =
        sql.update(
            String.format(
                // The keys as one array, found once: an IN over the batch would let PostgreSQL
                // hash it against the whole table.
                "DELETE FROM %1$s WHERE %2$s = ANY (ARRAY(SELECT t0.%2$s FROM %3$s LIMIT ?2))",
                inventory.sqlName(table), key, inventory.tenantWalk(table, "?1")),
            orgId,
            batchSize);
    return new BatchResult(table.name(), rows, null, 0, List.of());
  }

  /**
   * Runs {@code statement} (a delete, or under Detach a reset that sets {@code org_id} to NULL) on
   * the window's next {@code batchSize} rows: the organisation's rows from the batch's first key to
   * its last, found first.
   */
  private BatchResult updateBatch(String statement, Window window, int batchSize) {
    Optional<Object[]> keys = nextKeys(window, batchSize);
    if (keys.isEmpty()) {
      return new BatchResult(window.table().name(), 0, null, 0, List.of());
    }
    int rows = sql.update(statement + window.betweenKeys(), window.between(keys.get()));
    return new BatchResult(window.table().name(), rows, keys.get()[1], 0, List.of());
  }

  /**
   * The window's next {@code batchSize} rows of a per-person table: those of the erasure's erased
   * members are deleted, then the others, people who keep their accounts or whom Keycloak did not
   * name, are reset.
   */
  private BatchResult personalBatch(Window window, String requestId, int batchSize) {
    Optional<Object[]> keys = nextKeys(window, batchSize);
    InventoryTable table = window.table();
    if (keys.isEmpty()) {
      return new BatchResult(table.name(), 0, null, 0, List.of());
    }
    Object[] between = window.between(keys.get());
    Object[] erasedBetween = Arrays.copyOf(between, between.length + 1);
    erasedBetween[between.length] = requestId;
    int deleted =
        sql.update(
            String.format(
                "DELETE FROM %s%s AND %s IN (SELECT user_id FROM %s WHERE request_id = ?4)",
                window.sqlName(),
                window.betweenKeys(),
                table.personColumn(),
                ServiceTables.ERASED_MEMBER),
            erasedBetween);
    int reset =
        sql.update(
            "UPDATE "
                + window.sqlName()
                + " SET "
                + table.resetAssignments()
                + window.betweenKeys(),
            between);
    return new BatchResult(table.name(), deleted + reset, keys.get()[1], 0, List.of());
  }

  /**
   * The first and last key of the window's next {@code batchSize} rows, if it has any. Taken from
   * the keys in order, not with {@code min} and {@code max}, which PostgreSQL lacks for some key
   * types (UUIDs); the window's rows are all the tenant's, so ordering by key is the window's
   * order.
   */
  private Optional<Object[]> nextKeys(Window window, int batchSize) {
    String key = window.table().keyColumn();
    List<Object[]> keys =
        sql.query(
            String.format(
                "SELECT keys[1], keys[array_length(keys, 1)] FROM"
                    + " (SELECT array_agg(%1$s ORDER BY %1$s) AS keys FROM (%2$s) batch) window_keys",
                key, window.select(key, batchSize)),
            window.parameters(batchSize));
    if (keys.isEmpty() || keys.get(0)[1] == null) {
      return Optional.empty();
    }
    return Optional.of(keys.get(0));
  }

  private BatchResult purgeRowsWithFiles(Window window, InventoryFiles tableFiles, int batchSize) {
    String table = window.table().name();
    String key = window.table().keyColumn();
    String sqlName = window.sqlName();
    // Lock exactly the rows of this batch, then delete exactly those.
    List<Object[]> rows =
        sql.query(
            window.select(key + ", " + tableFiles.pathColumn(), batchSize) + " FOR UPDATE",
            window.parameters(batchSize));
    if (rows.isEmpty()) {
      return new BatchResult(table, 0, null, 0, List.of());
    }
    List<Long> ids = new ArrayList<>(rows.size());
    long removed = 0;
    List<FileFailure> failures = new ArrayList<>();
    for (Object[] row : rows) {
      ids.add(((Number) row[0]).longValue());
      String path = (String) row[1];
      Optional<String> error = files.remove(path);
      if (error.isEmpty()) {
        removed++;
      } else {
        failures.add(new FileFailure(path, error.get()));
      }
    }
    String idArray = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    int deleted =
        sql.update(
            "DELETE FROM " + sqlName + " WHERE " + key + " = ANY (CAST(?1 AS bigint[]))", idArray);
    return new BatchResult(table, deleted, ids.get(ids.size() - 1), removed, failures);
  }

  /**
   * The organisation's rows of one table after a key (or all of them), read through the table's
   * {@code (org_id, key)} index only.
   *
   * <p>The batch's rows are selected without {@code org_id = ?}: with an equality on the
   * organisation, {@code ORDER BY key LIMIT n} lets PostgreSQL read the key's own index in order
   * and filter by organisation, a plan it favours for an organisation holding much of a table, and
   * that walks over every other organisation's rows with smaller keys (and, at a table's last
   * batch, over all rows with larger ones), in every batch. Bounds on {@code org_id} and a row
   * comparison on {@code (org_id, key)} leave the {@code (org_id, key)} index as the only ordered
   * path, in custom and generic plans alike.
   *
   * <p>The statement that changes the rows names them by {@code org_id = ?} and the batch's first
   * and last keys as plain column bounds, which PostgreSQL estimates well (a row comparison it
   * estimates by its first column only: bounds on {@code (org_id, key)} there made it expect most
   * of the table and read all of it). So each batch reads its own rows and no others
   * (BatchPurgerTest counts them).
   */
  private record Window(
      InventoryTable table, String sqlName, String tenant, Object orgId, Object after) {

    /** {@code columns} of the window's first {@code limit} rows, in key order. */
    String select(String columns, int limit) {
      String from =
          after == null
              ? tenant + " >= ?1 AND " + tenant + " <= ?2"
              : "(" + tenant + ", " + table.keyColumn() + ") > (?1, ?2) AND " + tenant + " <= ?3";
      return "SELECT "
          + columns
          + " FROM "
          + sqlName
          + " WHERE "
          + from
          + " ORDER BY "
          + tenant
          + ", "
          + table.keyColumn()
          + " LIMIT ?"
          + (after == null ? 3 : 4);
    }

    /**
     * The condition on the organisation's rows from a batch's first key to its last, with the
     * parameters of {@link #between}.
     */
    String betweenKeys() {
      return String.format(
          " WHERE %s = ?1 AND %2$s >= ?2 AND %2$s <= ?3", tenant, table.keyColumn());
    }

    Object[] between(Object[] firstAndLastKey) {
      return new Object[] {orgId, firstAndLastKey[0], firstAndLastKey[1]};
    }

    Object[] parameters(int limit) {
      return after == null
          ? new Object[] {orgId, orgId, limit}
          : new Object[] {orgId, after, orgId, limit};
    }
  }
}
