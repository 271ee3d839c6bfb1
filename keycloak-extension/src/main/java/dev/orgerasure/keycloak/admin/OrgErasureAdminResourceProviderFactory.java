package dev.orgerasure.keycloak.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.Config;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * Serves {@code /admin/realms/{realm}/org-erasure} and gives every realm the erasure role, at start
 * and whenever a realm is created. Options: {@code --spi-admin-realm-restapi-extension--org-erasure--<key>}.
 */
public class OrgErasureAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "org-erasure";

    private OrgErasureSettings settings;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new OrgErasureAdminResourceProvider(settings);
    }

    @Override
    public void init(Config.Scope config) {
        Set<String> interactiveClients = Arrays.stream(
                        config.get("interactive-clients", Constants.ADMIN_CONSOLE_CLIENT_ID).split(","))
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .collect(Collectors.toSet());
        settings = new OrgErasureSettings(
                new InteractiveSessionCheck(interactiveClients, config.getInt("max-auth-age", 300)),
                config.getInt("lockout-batch-size", 100));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory,
                session -> session.realms().getRealmsStream().forEach(ErasureRoles::provision));
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                ErasureRoles.provision(created.getCreatedRealm());
            }
        });
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("max-auth-age").type("int").defaultValue(300)
                .helpText("Seconds since the admin's last sign-in within which an erasure may start").add()
                .property().name("interactive-clients").type("string").defaultValue(Constants.ADMIN_CONSOLE_CLIENT_ID)
                .helpText("Comma-separated clients whose sessions count as interactive").add()
                .property().name("lockout-batch-size").type("int").defaultValue(100)
                .helpText("Members locked out per transaction").add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
