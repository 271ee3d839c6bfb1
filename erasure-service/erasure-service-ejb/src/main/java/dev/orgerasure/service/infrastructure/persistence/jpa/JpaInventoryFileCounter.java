package dev.orgerasure.service.infrastructure.persistence.jpa;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryFiles;
import dev.orgerasure.service.inventory.ApplicationInventory;
import dev.orgerasure.service.inventory.InventoryFileCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

@ApplicationScoped
public class JpaInventoryFileCounter implements InventoryFileCounter {

  @PersistenceContext(unitName = "erasure")
  private EntityManager entityManager;

  @Inject private ApplicationInventory inventory;

  @Override
  @SuppressWarnings("unchecked")
  public Stream<String> pathsOf(InventoryFiles files, String orgId) {
    DataInventory checked = inventory.inventory();
    // Names come from the checked inventory, never from the caller.
    return entityManager
        .createNativeQuery(
            "SELECT "
                + files.pathColumn()
                + " FROM "
                + checked.sqlName(checked.table(files.table()).orElseThrow())
                + " WHERE "
                + checked.tenantColumn()
                + " = ?1 AND "
                + files.pathColumn()
                + " IS NOT NULL")
        .setParameter(1, checked.tenantValue(orgId))
        .getResultStream();
  }

  @Override
  public Map<String, FileTotals> totalsOf(InventoryFiles files, List<String> orgIds) {
    Map<String, FileTotals> totals = new HashMap<>();
    if (orgIds.isEmpty()) {
      return totals;
    }
    DataInventory checked = inventory.inventory();
    String tenant = checked.tenantColumn();
    Query query =
        entityManager.createNativeQuery(
            "SELECT "
                + tenant
                + ", count("
                + files.pathColumn()
                + "), "
                + (files.sizeColumn() == null
                    ? "0"
                    : "coalesce(sum(" + files.sizeColumn() + "), 0)")
                + " FROM "
                + checked.sqlName(checked.table(files.table()).orElseThrow())
                + " WHERE "
                + tenant
                + " IN ("
                + TenantIdList.placeholders(orgIds)
                + ") GROUP BY "
                + tenant);
    for (Object row : TenantIdList.bind(query, checked, orgIds).getResultList()) {
      Object[] columns = (Object[]) row;
      totals.put(
          String.valueOf(columns[0]),
          new FileTotals(((Number) columns[1]).longValue(), ((Number) columns[2]).longValue()));
    }
    return totals;
  }
}
