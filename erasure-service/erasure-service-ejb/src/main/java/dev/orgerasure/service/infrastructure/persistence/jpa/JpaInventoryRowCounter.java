package dev.orgerasure.service.infrastructure.persistence.jpa;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.inventory.InventoryRowCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class JpaInventoryRowCounter implements InventoryRowCounter {

  @PersistenceContext(unitName = "erasure")
  private EntityManager entityManager;

  @Override
  public long countRows(InventoryTable table, String orgId) {
    // The table name comes from the inventory, never from the caller.
    Number count =
        (Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM "
                        + table.name()
                        + " WHERE "
                        + DataInventory.ORG_ID_COLUMN
                        + " = ?1")
                .setParameter(1, orgId)
                .getSingleResult();
    return count.longValue();
  }
}
