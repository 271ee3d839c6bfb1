package dev.orgerasure.keycloak.tenant;

import dev.orgerasure.contract.TenantKind;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The one place that chooses how tenants are read: by the realm's model, or an erasure's kind. */
public final class TenantDirectories {

  private TenantDirectories() {}

  /**
   * The tenants of the realm as {@code kind} models them. An erasure keeps using the kind it
   * started with, should the realm's model change meanwhile.
   */
  public static TenantDirectory of(KeycloakSession session, RealmModel realm, TenantKind kind) {
    return switch (kind) {
      case ORGANIZATION -> new OrganizationTenantDirectory(session);
      case GROUP -> new GroupTenantDirectory(session, realm, TenantModel.of(realm));
    };
  }
}
