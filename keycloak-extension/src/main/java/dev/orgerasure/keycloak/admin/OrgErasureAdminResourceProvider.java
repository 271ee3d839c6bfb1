package dev.orgerasure.keycloak.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

public class OrgErasureAdminResourceProvider implements AdminRealmResourceProvider {

    private final OrgErasureSettings settings;

    public OrgErasureAdminResourceProvider(OrgErasureSettings settings) {
        this.settings = settings;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        return new OrgErasureAdminResource(session, realm, auth, adminEvent, settings);
    }

    @Override
    public void close() {
    }
}
