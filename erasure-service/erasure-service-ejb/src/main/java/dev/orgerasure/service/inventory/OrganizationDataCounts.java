package dev.orgerasure.service.inventory;

import java.util.List;
import java.util.Objects;

/**
 * What the application holds for one organisation, category by category.
 *
 * @param tables one count per inventory table, in purge order
 */
public record OrganizationDataCounts(String orgId, List<TableCount> tables, FileCount files) {

  public OrganizationDataCounts {
    Objects.requireNonNull(orgId, "orgId");
    tables = List.copyOf(tables);
    Objects.requireNonNull(files, "files");
  }
}
