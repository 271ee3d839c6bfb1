package dev.orgerasure.service.purge;

import dev.orgerasure.contract.DetachAction;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryFiles;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.erasure.FileFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Deletes one batch of an organisation's rows from one inventory table, in the caller's
 * transaction; under {@link MemberPolicy#DETACH}, a table the inventory resets has its batch reset
 * instead (the rows stay, without the organisation). For the asset table the files named by the
 * batch's rows are removed first; a file that cannot be removed is returned with its error (the
 * purge keeps it and retries it) and its row is deleted all the same, so the purge goes on.
 *
 * <p>Table and column names, and the reset's assignments, come from the inventory only, never from
 * a caller.
 */
public class BatchPurger {

  private static final String ORG = DataInventory.ORG_ID_COLUMN;

  private final SqlSession sql;
  private final FileRemover files;

  public BatchPurger(SqlSession sql, FileRemover files) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.files = Objects.requireNonNull(files, "files");
  }

  public BatchResult purgeBatch(
      InventoryTable table, String orgId, MemberPolicy policy, int batchSize) {
    Objects.requireNonNull(policy, "policy");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize < 1");
    }
    if (policy == MemberPolicy.DETACH && table.underDetach() == DetachAction.RESET) {
      return new BatchResult(table.name(), resetRows(table, orgId, batchSize), 0, List.of());
    }
    InventoryFiles assetFiles = DataInventory.assetFiles();
    if (table.name().equals(assetFiles.table())) {
      return purgeRowsWithFiles(table, assetFiles, orgId, batchSize);
    }
    return new BatchResult(table.name(), deleteRows(table, orgId, batchSize), 0, List.of());
  }

  private int deleteRows(InventoryTable table, String orgId, int batchSize) {
    if (table.keyColumn().equals(ORG)) {
      // One row per organisation: no batches.
      return sql.update("DELETE FROM " + table.name() + " WHERE " + ORG + " = ?1", orgId);
    }
    return updateBatch("DELETE FROM " + table.name(), table, orgId, batchSize);
  }

  /**
   * The reset sets {@code org_id} to NULL (the inventory makes sure), so the next batch finds the
   * next rows, and none once all are reset.
   */
  private int resetRows(InventoryTable table, String orgId, int batchSize) {
    return updateBatch(
        "UPDATE " + table.name() + " SET " + table.detachResetAssignments(),
        table,
        orgId,
        batchSize);
  }

  /**
   * Runs {@code statement} on the organisation's next {@code batchSize} rows by key: the rows up to
   * the batch's last key, a range of the {@code (org_id, key)} index that PostgreSQL deletes as
   * fast as it deletes all of them at once; all that are left when fewer remain.
   */
  private int updateBatch(String statement, InventoryTable table, String orgId, int batchSize) {
    String key = table.keyColumn();
    List<Object[]> last =
        sql.query(inKeyOrder(table, key) + " OFFSET ?2 LIMIT 1", orgId, batchSize - 1);
    if (last.isEmpty()) {
      return sql.update(statement + " WHERE " + ORG + " = ?1", orgId);
    }
    return sql.update(
        statement + " WHERE " + ORG + " = ?1 AND " + key + " <= ?2", orgId, last.get(0)[0]);
  }

  private BatchResult purgeRowsWithFiles(
      InventoryTable table, InventoryFiles assetFiles, String orgId, int batchSize) {
    String key = table.keyColumn();
    // Lock exactly the rows of this batch, then delete exactly those.
    List<Object[]> rows =
        sql.query(
            inKeyOrder(table, key + ", " + assetFiles.pathColumn()) + " LIMIT ?2 FOR UPDATE",
            orgId,
            batchSize);
    if (rows.isEmpty()) {
      return new BatchResult(table.name(), 0, 0, List.of());
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
            "DELETE FROM " + table.name() + " WHERE " + key + " = ANY (CAST(?1 AS bigint[]))",
            idArray);
    return new BatchResult(table.name(), deleted, removed, failures);
  }

  /** {@code columns} of the organisation's ({@code ?1}) rows of {@code table}, by key. */
  private static String inKeyOrder(InventoryTable table, String columns) {
    return "SELECT "
        + columns
        + " FROM "
        + table.name()
        + " WHERE "
        + ORG
        + " = ?1 ORDER BY "
        + table.keyColumn();
  }
}
