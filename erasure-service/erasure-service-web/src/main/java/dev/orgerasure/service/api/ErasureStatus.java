package dev.orgerasure.service.api;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.erasure.Purge;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A purge's state and counts, as the status endpoint shows it. Unset times are {@code null}. */
@JsonbNillable
@JsonbPropertyOrder({
  "requestId",
  "organizationId",
  "organizationName",
  "state",
  "tables",
  "files",
  "requestedAt",
  "graceUntil",
  "startedAt",
  "finishedAt",
  "reportedAt",
  "reportAttempts",
  "nextReportAt",
  "lastReportError"
})
public record ErasureStatus(
    String requestId,
    String organizationId,
    String organizationName,
    String state,
    List<TableProgress> tables,
    FileProgress files,
    String requestedAt,
    String graceUntil,
    String startedAt,
    String finishedAt,
    String reportedAt,
    int reportAttempts,
    String nextReportAt,
    String lastReportError) {

  @JsonbPropertyOrder({"table", "category", "deleted"})
  public record TableProgress(String table, String category, long deleted) {}

  @JsonbPropertyOrder({"deleted", "failed"})
  public record FileProgress(long deleted, long failed) {}

  public static ErasureStatus of(Purge purge) {
    List<TableProgress> tables =
        purge.progress().stream()
            .map(
                row ->
                    new TableProgress(
                        row.tableName(),
                        DataInventory.appTable(row.tableName())
                            .map(InventoryTable::category)
                            .orElse(row.tableName()),
                        row.rowsDeleted()))
            .toList();
    return new ErasureStatus(
        purge.requestId(),
        purge.orgId(),
        purge.orgName(),
        purge.state().name(),
        tables,
        new FileProgress(purge.filesDeleted(), purge.filesFailed()),
        text(purge.requestedAt()),
        text(purge.graceUntil()),
        text(purge.startedAt()),
        text(purge.finishedAt()),
        text(purge.reportedAt()),
        purge.reportAttempts(),
        text(purge.nextReportAt()),
        purge.lastReportError());
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
