package dev.orgerasure.keycloak.selfservice;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The org admin's "erase my organisation" action, started by an application with {@code
 * kc_action=org-erasure}. Like Keycloak's own delete-account action it is never set on a user, and
 * its re-authentication age is the realm's setting for it ({@code max_auth_age}, Authentication →
 * Required actions).
 */
public class OrgErasureRequiredActionFactory implements RequiredActionFactory {

  public static final String ID = "org-erasure";

  @Override
  public RequiredActionProvider create(KeycloakSession session) {
    return new OrgErasureRequiredAction();
  }

  @Override
  public String getDisplayText() {
    return "Erase my organisation";
  }

  @Override
  public boolean isOneTimeAction() {
    return true;
  }

  @Override
  public boolean isConfigurable() {
    return true;
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return MAX_AUTH_AGE_CONFIG_PROPERTIES;
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
