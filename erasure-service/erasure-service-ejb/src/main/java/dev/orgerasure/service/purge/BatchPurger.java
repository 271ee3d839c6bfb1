package dev.orgerasure.service.purge;

import dev.orgerasure.contract.DetachAction;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryFiles;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.db.inventory.ServiceTables;
import dev.orgerasure.db.inventory.SqlNames;
import dev.orgerasure.service.erasure.FileFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Deletes one batch of an organisation's rows from one inventory table, in the caller's
 * transaction; batches are taken in key order, each after the last key of the one before; under
 * {@link MemberPolicy#DETACH}, a table the inventory resets has its batch reset instead (the rows
 * stay, without the organisation). A per-person table's batch, under either policy, deletes the
 * rows of the members the erasure deletes and resets everyone else's; a table of people's own rows
 * outside any tenant has only those members' rows deleted. For the asset table the files named by
 * the batch's rows are removed first; a file that cannot be removed is returned with its error (the
 * purge keeps it and retries it) and its row is deleted all the same, so the purge goes on.
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
   * after the key {@code after} (the values of the table's batch key in the last row this run took
   * from it, {@link InventoryTable#batchKey}), or from its first row when {@code after} is null.
   */
  public BatchResult purgeBatch(
      InventoryTable table, PurgeTarget target, int batchSize, Object[] after) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize < 1");
    }
    if (table.isOutsideTenants()) {
      return erasedPeopleBatch(table, target.requestId(), batchSize);
    }
    if (target.tenantKey() == null) {
      return new BatchResult(table.name(), 0, null, 0, List.of());
    }
    Object orgId = inventory.tenantValue(target.tenantKey());
    String tenant = inventory.tenantColumn();
    if (table.isReachedThroughParent()) {
      return joinedBatch(table, orgId, batchSize);
    }
    if (table.isOnePerTenant(tenant)) {
      // One row per organisation: no batches.
      int rows =
          sql.update(
              "DELETE FROM " + inventory.sqlName(table) + " WHERE " + tenant + " = ?1", orgId);
      return new BatchResult(table.name(), rows, null, 0, List.of());
    }
    Window window =
        new Window(
            table.name(), inventory.sqlName(table), tenant, table.batchKey(tenant), orgId, after);
    if (table.isPerPerson()) {
      return personalBatch(window, table, target.requestId(), batchSize);
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
   * through the foreign keys ({@link DataInventory#tenantWalk}), then deleted by their addresses,
   * whatever the table's key. Deleted rows are not found again, so no cursor is kept.
   */
  private BatchResult joinedBatch(InventoryTable table, Object orgId, int batchSize) {
    int rows =
        sql.update(
            String.format(
                // The addresses as one array, found once: a join with the batch would let
                // PostgreSQL hash it against the whole table. Each is read in the statement's
                // snapshot, which keeps it from being reused by another row meanwhile.
                "DELETE FROM %1$s WHERE ctid = ANY (ARRAY(SELECT t0.row_ctid FROM %2$s LIMIT ?2))",
                inventory.sqlName(table), inventory.tenantWalk(table, "?1")),
            orgId,
            batchSize);
    return new BatchResult(table.name(), rows, null, 0, List.of());
  }

  /**
   * The next {@code batchSize} rows of a table of people's own rows outside any tenant whose person
   * column names a member the erasure deletes, deleted (under either policy); no other row is read
   * or touched. The erased members are read once per batch as one array, and the rows taken in the
   * order of the person column, then the key: PostgreSQL reads them through the person column's
   * index in that order and stops at the batch's end (ordered by the key alone, every batch would
   * read and sort all the erased members' remaining rows). They are deleted by key, so that a row
   * the application updates meanwhile is deleted all the same. Deleted rows are not found again, so
   * no cursor is kept.
   */
  private BatchResult erasedPeopleBatch(InventoryTable table, String requestId, int batchSize) {
    int rows =
        sql.update(
            String.format(
                "DELETE FROM %1$s WHERE (%4$s) IN (SELECT %4$s FROM %1$s WHERE %2$s = ANY"
                    + " (ARRAY(SELECT CAST(user_id AS text) FROM %3$s WHERE request_id = ?1))"
                    + " ORDER BY %2$s, %4$s LIMIT ?2)",
                inventory.sqlName(table),
                table.personColumn(),
                ServiceTables.ERASED_MEMBER,
                SqlNames.list("", table.keyColumns())),
            requestId,
            batchSize);
    return new BatchResult(table.name(), rows, null, 0, List.of());
  }

  /**
   * Runs {@code statement} (a delete, or under Detach a reset that sets {@code org_id} to NULL) on
   * the window's next {@code batchSize} rows: the organisation's rows from the batch's first key to
   * its last, found first.
   */
  private BatchResult updateBatch(String statement, Window window, int batchSize) {
    Optional<Bounds> bounds = nextBounds(window, batchSize);
    if (bounds.isEmpty()) {
      return new BatchResult(window.table(), 0, null, 0, List.of());
    }
    int rows = sql.update(statement + window.betweenKeys(), window.between(bounds.get()));
    return new BatchResult(window.table(), rows, bounds.get().last(), 0, List.of());
  }

  /**
   * The window's next {@code batchSize} rows of a per-person table: those of the erasure's erased
   * members are deleted, then the others, people who keep their accounts or whom Keycloak did not
   * name, are reset.
   */
  private BatchResult personalBatch(
      Window window, InventoryTable table, String requestId, int batchSize) {
    Optional<Bounds> bounds = nextBounds(window, batchSize);
    if (bounds.isEmpty()) {
      return new BatchResult(table.name(), 0, null, 0, List.of());
    }
    Object[] between = window.between(bounds.get());
    Object[] erasedBetween = Arrays.copyOf(between, between.length + 1);
    erasedBetween[between.length] = requestId;
    int deleted =
        sql.update(
            String.format(
                "DELETE FROM %s%s AND %s IN (SELECT user_id FROM %s WHERE request_id = ?%d)",
                window.sqlName(),
                window.betweenKeys(),
                table.personColumn(),
                ServiceTables.ERASED_MEMBER,
                erasedBetween.length),
            erasedBetween);
    int reset =
        sql.update(
            "UPDATE "
                + window.sqlName()
                + " SET "
                + table.resetAssignments()
                + window.betweenKeys(),
            between);
    return new BatchResult(table.name(), deleted + reset, bounds.get().last(), 0, List.of());
  }

  /** The batch key's values in the first and the last row of a batch. */
  private record Bounds(Object[] first, Object[] last) {}

  /**
   * The first and last key of the window's next {@code batchSize} rows, if it has any. Taken by
   * their places in key order, not with {@code min} and {@code max}, which PostgreSQL lacks for
   * some key types (UUIDs) and for keys of several columns; the window's rows are all the tenant's,
   * so ordering by key is the window's order.
   */
  private Optional<Bounds> nextBounds(Window window, int batchSize) {
    String key = SqlNames.list("", window.key());
    List<Object[]> ends =
        sql.query(
            String.format(
                "SELECT %1$s FROM (SELECT %1$s, row_number() OVER (ORDER BY %1$s) AS place,"
                    + " count(*) OVER () AS size FROM (%2$s) batch) numbered"
                    + " WHERE place = 1 OR place = size ORDER BY place",
                key, window.select(key, batchSize)),
            window.parameters(batchSize));
    if (ends.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Bounds(ends.get(0), ends.get(ends.size() - 1)));
  }

  /**
   * The window's next {@code batchSize} rows, locked, their files removed, then the rows deleted by
   * their addresses: exactly the rows whose files were handled, whatever the table's key.
   */
  private BatchResult purgeRowsWithFiles(Window window, InventoryFiles tableFiles, int batchSize) {
    String table = window.table();
    int keyWidth = window.key().size();
    List<Object[]> rows =
        sql.query(
            window.select(
                    SqlNames.list("", window.key())
                        + ", CAST(ctid AS text), "
                        + tableFiles.pathColumn(),
                    batchSize)
                + " FOR UPDATE",
            window.parameters(batchSize));
    if (rows.isEmpty()) {
      return new BatchResult(table, 0, null, 0, List.of());
    }
    List<String> addresses = new ArrayList<>(rows.size());
    long removed = 0;
    List<FileFailure> failures = new ArrayList<>();
    for (Object[] row : rows) {
      addresses.add((String) row[keyWidth]);
      String path = (String) row[keyWidth + 1];
      Optional<String> error = files.remove(path);
      if (error.isEmpty()) {
        removed++;
      } else {
        failures.add(new FileFailure(path, error.get()));
      }
    }
    // Locked above, the rows keep their addresses until this transaction ends.
    int deleted =
        sql.update(
            "DELETE FROM " + window.sqlName() + " WHERE ctid = ANY (CAST(?1 AS tid[]))",
            addresses.stream().collect(Collectors.joining("\",\"", "{\"", "\"}")));
    Object[] lastKey = Arrays.copyOf(rows.get(rows.size() - 1), keyWidth);
    return new BatchResult(table, deleted, lastKey, removed, failures);
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
   * and last keys as bounds on the key alone, which PostgreSQL estimates well for a one-column key
   * (a row comparison it estimates by its first column only: bounds on {@code (org_id, key)} there
   * made it expect most of the table and read all of it). So each batch reads its own rows and no
   * others (BatchPurgerTest counts them).
   *
   * @param key the batch key, {@link InventoryTable#batchKey}
   */
  private record Window(
      String table, String sqlName, String tenant, List<String> key, Object orgId, Object[] after) {

    /** {@code columns} of the window's first {@code limit} rows, in key order. */
    String select(String columns, int limit) {
      String keys = SqlNames.list("", key);
      String from =
          after == null
              ? tenant + " >= ?1 AND " + tenant + " <= ?2"
              : "("
                  + tenant
                  + ", "
                  + keys
                  + ") > (?1, "
                  + placeholders(2, key.size())
                  + ") AND "
                  + tenant
                  + " <= ?"
                  + (key.size() + 2);
      return "SELECT "
          + columns
          + " FROM "
          + sqlName
          + " WHERE "
          + from
          + " ORDER BY "
          + tenant
          + ", "
          + keys
          + " LIMIT ?"
          + (after == null ? 3 : key.size() + 3);
    }

    /**
     * The condition on the organisation's rows from a batch's first key to its last, with the
     * parameters of {@link #between}.
     */
    String betweenKeys() {
      String keys = "(" + SqlNames.list("", key) + ")";
      return String.format(
          " WHERE %s = ?1 AND %2$s >= (%3$s) AND %2$s <= (%4$s)",
          tenant, keys, placeholders(2, key.size()), placeholders(2 + key.size(), key.size()));
    }

    Object[] between(Bounds bounds) {
      List<Object> parameters = new ArrayList<>();
      parameters.add(orgId);
      parameters.addAll(Arrays.asList(bounds.first()));
      parameters.addAll(Arrays.asList(bounds.last()));
      return parameters.toArray();
    }

    Object[] parameters(int limit) {
      List<Object> parameters = new ArrayList<>();
      parameters.add(orgId);
      if (after != null) {
        parameters.addAll(Arrays.asList(after));
      }
      parameters.add(orgId);
      parameters.add(limit);
      return parameters.toArray();
    }

    /** {@code ?from, ?from+1, ...}, {@code count} of them. */
    private static String placeholders(int from, int count) {
      return IntStream.range(from, from + count)
          .mapToObj(place -> "?" + place)
          .collect(Collectors.joining(", "));
    }
  }
}
