package dev.orgerasure.db.inventory;

/**
 * Where an application whose tenant column holds ids of its own keeps each tenant's Keycloak id: a
 * text column of the tenants' own table, unique, so that one Keycloak organisation (or group) names
 * at most one of the application's tenants (docs/inventory.md, "Tenants keyed by the application's
 * own ids").
 *
 * @param table the tenants' own table, keyed by the tenant column
 * @param column its column holding the Keycloak id
 */
public record KeycloakIds(String table, String column) {

  public KeycloakIds {
    SqlNames.checked("keycloakIds table", table);
    SqlNames.checked("keycloakIds column", column);
  }
}
