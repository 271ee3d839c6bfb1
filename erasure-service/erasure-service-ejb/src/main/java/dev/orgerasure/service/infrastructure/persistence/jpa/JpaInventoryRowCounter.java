package dev.orgerasure.service.infrastructure.persistence.jpa;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.inventory.ApplicationInventory;
import dev.orgerasure.service.inventory.InventoryRowCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class JpaInventoryRowCounter implements InventoryRowCounter {

  @PersistenceContext(unitName = "erasure")
  private EntityManager entityManager;

  @Inject private ApplicationInventory inventory;

  @Override
  public long countRows(InventoryTable table, String orgId) {
    DataInventory checked = inventory.inventory();
    // Names and conditions come from the checked inventory, never from the caller.
    Number count =
        (Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM "
                        + checked.sqlName(table)
                        + " WHERE "
                        + checked.tenantCondition(table, "?1"))
                .setParameter(1, checked.tenantValue(orgId))
                .getSingleResult();
    return count.longValue();
  }

  @Override
  public Map<String, Long> countRowsByOrganization(InventoryTable table, List<String> orgIds) {
    Map<String, Long> counts = new HashMap<>();
    if (orgIds.isEmpty()) {
      return counts;
    }
    DataInventory checked = inventory.inventory();
    DataInventory.TenantJoin join = checked.tenantJoin(table);
    Query query =
        entityManager.createNativeQuery(
            "SELECT "
                + join.tenant()
                + ", count(*) FROM "
                + join.from()
                + " WHERE "
                + join.tenant()
                + " IN ("
                + TenantIdList.placeholders(orgIds)
                + ") GROUP BY "
                + join.tenant());
    for (Object row : TenantIdList.bind(query, checked, orgIds).getResultList()) {
      Object[] columns = (Object[]) row;
      counts.put(String.valueOf(columns[0]), ((Number) columns[1]).longValue());
    }
    return counts;
  }
}
