package dev.orgerasure.contract;

import java.util.List;
import java.util.Objects;

/**
 * The body of Keycloak's callback {@code POST
 * /realms/{realm}/org-erasure/erasures/{requestId}/app-data-purged}: every row and file of the
 * organisation is gone, with the counts. Keycloak keeps it with the erasure, so its JSON must fit
 * {@link ContractLimits#STORED_REPORT_MAX_CHARS}.
 *
 * @param tables rows deleted per inventory table, in purge order
 */
public record PurgeReport(
    String requestId, String organizationId, List<TableCount> tables, FileOutcome files) {

  public PurgeReport {
    tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
    Objects.requireNonNull(files, "files");
  }

  /** Whether something could not be erased, so that the erasure completes with errors. */
  public boolean hasFailures() {
    return files.hasFailures();
  }
}
