package dev.orgerasure.service.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application's key of each tenant Keycloak names: the Keycloak id itself, or, where the
 * inventory says the application keeps its tenants' Keycloak ids in a column of their own table,
 * the tenant column's value of the row holding it (docs/inventory.md, "Tenants keyed by the
 * application's own ids"). Keys are texts, as the tenant column's values read as text.
 */
public interface TenantKeys {

  /** The key of each of {@code keycloakIds} that names a tenant of the application. */
  Map<String, String> keysOf(List<String> keycloakIds);

  /** The key of the tenant {@code keycloakId} names; empty when the application holds none. */
  default Optional<String> keyOf(String keycloakId) {
    return Optional.ofNullable(keysOf(List.of(keycloakId)).get(keycloakId));
  }
}
