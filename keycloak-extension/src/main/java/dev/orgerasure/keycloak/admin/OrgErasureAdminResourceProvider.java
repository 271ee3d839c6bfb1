package dev.orgerasure.keycloak.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

public class OrgErasureAdminResourceProvider implements AdminRealmResourceProvider {

  @Override
  public Object getResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    return new OrgErasureAdminResource(session, realm, auth, adminEvent);
  }

  @Override
  public void close() {}
}
