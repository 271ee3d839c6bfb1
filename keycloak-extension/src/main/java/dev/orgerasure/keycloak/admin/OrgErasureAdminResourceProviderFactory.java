package dev.orgerasure.keycloak.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * Serves {@code /admin/realms/{realm}/org-erasure}; its settings are the {@code org-erasure} SPI's.
 */
public class OrgErasureAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

  public static final String ID = "org-erasure";

  @Override
  public AdminRealmResourceProvider create(KeycloakSession session) {
    return new OrgErasureAdminResourceProvider();
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
