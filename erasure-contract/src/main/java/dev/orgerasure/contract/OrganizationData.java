package dev.orgerasure.contract;

import java.util.List;

/**
 * The answer of {@code GET /organizations/{organizationId}/data}: what the application holds for
 * one organisation, table by table in purge order, and its files.
 */
public record OrganizationData(
    String organizationId, List<TableCount> tables, FileInventory files) {

  public OrganizationData {
    tables = List.copyOf(tables);
  }
}
