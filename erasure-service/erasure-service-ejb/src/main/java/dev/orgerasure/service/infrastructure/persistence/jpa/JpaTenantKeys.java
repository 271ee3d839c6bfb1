package dev.orgerasure.service.infrastructure.persistence.jpa;

import dev.orgerasure.service.inventory.ApplicationInventory;
import dev.orgerasure.service.inventory.TenantKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaTenantKeys implements TenantKeys {

  @PersistenceContext(unitName = "erasure")
  private EntityManager entityManager;

  @Inject private ApplicationInventory inventory;

  @Override
  public Map<String, String> keysOf(List<String> keycloakIds) {
    Map<String, String> keys = new HashMap<>();
    if (keycloakIds.isEmpty()) {
      return keys;
    }
    Optional<String> lookup =
        inventory.inventory().tenantKeysQuery(TenantIdList.placeholders(keycloakIds));
    if (lookup.isEmpty()) {
      keycloakIds.forEach(id -> keys.put(id, id));
      return keys;
    }
    Query query = entityManager.createNativeQuery(lookup.get());
    for (int i = 0; i < keycloakIds.size(); i++) {
      query.setParameter(i + 1, keycloakIds.get(i));
    }
    for (Object row : query.getResultList()) {
      Object[] columns = (Object[]) row;
      keys.put((String) columns[0], (String) columns[1]);
    }
    return keys;
  }
}
