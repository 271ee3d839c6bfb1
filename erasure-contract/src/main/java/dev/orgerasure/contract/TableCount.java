package dev.orgerasure.contract;

import java.util.List;
import java.util.Objects;

/**
 * Rows of one inventory table for one organisation: how many it holds (data counts) or how many
 * were deleted (purge status and report). The one per-table shape of the contract.
 *
 * @param table the table's name in the application database
 * @param category what people call this data, e.g. "Enrollments"
 * @param personalData whether the rows hold personal data
 * @param underDetach what a Detach erasure does to the rows (deleted or reset); in a purge's status
 *     and report, {@code rows} counts the rows deleted or reset under the purge's policy
 */
public record TableCount(
    String table, String category, boolean personalData, DetachAction underDetach, long rows) {

  public TableCount {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(category, "category");
    underDetach = underDetach == null ? DetachAction.DELETE : underDetach;
  }

  public static long totalRows(List<TableCount> tables) {
    return tables.stream().mapToLong(TableCount::rows).sum();
  }
}
