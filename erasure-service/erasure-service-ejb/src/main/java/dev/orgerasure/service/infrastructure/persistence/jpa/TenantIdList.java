package dev.orgerasure.service.infrastructure.persistence.jpa;

import dev.orgerasure.db.inventory.DataInventory;
import jakarta.persistence.Query;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Many tenants' ids in one native statement: {@code ?1, ?2, …} in an {@code IN} list, each bound as
 * the tenant column holds it.
 */
final class TenantIdList {

  private TenantIdList() {}

  /** The {@code IN} list's placeholders for {@code tenantIds}. */
  static String placeholders(List<String> tenantIds) {
    return IntStream.rangeClosed(1, tenantIds.size())
        .mapToObj(i -> "?" + i)
        .collect(Collectors.joining(", "));
  }

  static Query bind(Query query, DataInventory inventory, List<String> tenantIds) {
    for (int i = 0; i < tenantIds.size(); i++) {
      query.setParameter(i + 1, inventory.tenantValue(tenantIds.get(i)));
    }
    return query;
  }
}
