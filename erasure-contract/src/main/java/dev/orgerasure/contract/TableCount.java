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
 */
public record TableCount(String table, String category, boolean personalData, long rows) {

  public TableCount {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(category, "category");
  }

  public static long totalRows(List<TableCount> tables) {
    return tables.stream().mapToLong(TableCount::rows).sum();
  }
}
