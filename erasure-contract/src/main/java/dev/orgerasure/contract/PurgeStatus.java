package dev.orgerasure.contract;

import java.util.List;

/**
 * The answer of {@code GET /erasures/{requestId}} (and of {@code POST /erasures}): a purge's state
 * and counts. Times are ISO-8601 instants, {@code null} while unset.
 *
 * @param tables rows deleted so far, per inventory table in purge order
 * @param files files deleted so far, and those still failing ({@code failed} = the size of {@code
 *     failedFiles})
 * @param failedFiles the files that could not be deleted yet, retried until they are gone
 */
public record PurgeStatus(
    String requestId,
    String organizationId,
    String organizationName,
    PurgeState state,
    List<TableCount> tables,
    FileOutcome files,
    List<FailedFile> failedFiles,
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
    failedFiles = failedFiles == null ? List.of() : List.copyOf(failedFiles);
  }
}
