package dev.orgerasure.e2e.demo;

import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;

/**
 * Allows members to erase their own organisation from the account console, as the realm's erasure
 * admin does on the console page: through the extension's admin API, the only place that grants it.
 */
public final class SelfServiceErasers {

  private final String realm;
  private final KeycloakAdminClient realmAdmin;

  public SelfServiceErasers(WholeSystem system, String realm) {
    this.realm = realm;
    this.realmAdmin =
        new KeycloakAdminClient(
            system.keycloakUrl(),
            realm,
            DemoRealm.REALM_ADMIN_USERNAME,
            DemoRealm.REALM_ADMIN_PASSWORD);
  }

  /** The member, already in the tenant, may erase it themselves from now on. */
  public void allow(String tenantId, Member member) {
    realmAdmin.put(path(tenantId, member), null);
  }

  public void withdraw(String tenantId, Member member) {
    realmAdmin.delete(path(tenantId, member));
  }

  private String path(String tenantId, Member member) {
    return "/admin/realms/"
        + realm
        + "/org-erasure/organizations/"
        + tenantId
        + "/self-service-erasers/"
        + member.id();
  }
}
