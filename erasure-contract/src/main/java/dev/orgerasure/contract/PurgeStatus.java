package dev.orgerasure.contract;

import java.util.List;

/**
 * The answer of {@code GET /erasures/{requestId}} (and of {@code POST /erasures}): a purge's state
 * and counts. Times are ISO-8601 instants, {@code null} while unset.
 *
 * @param tables rows deleted so far, per inventory table in purge order
 */
public record PurgeStatus(
    String requestId,
    String organizationId,
    String organizationName,
    PurgeState state,
    List<TableCount> tables,
    FileOutcome files,
    String requestedAt,
    String graceUntil,
    String startedAt,
    String finishedAt,
    String reportedAt,
    int reportAttempts,
    String nextReportAt,
    String lastReportError) {

  public PurgeStatus {
    tables = List.copyOf(tables);
  }
}
