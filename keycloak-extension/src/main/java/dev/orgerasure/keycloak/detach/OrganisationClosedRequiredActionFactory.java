package dev.orgerasure.keycloak.detach;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

/**
 * "Your organisation was closed", set on every member a Detach erasure keeps. Keycloak runs a
 * custom required action only where the realm registered it, so {@link #register} does so for every
 * realm (at start and when a realm is created); an admin may still disable it under Authentication
 * → Required actions, and detached members then sign in without the page.
 */
public class OrganisationClosedRequiredActionFactory implements RequiredActionFactory {

  public static final String ID = "org-erasure-organisation-closed";

  private static final String DISPLAY_TEXT = "Organisation closed: onboarding again";

  /**
   * Registers the action in the realm, enabled, unless it is there already (as the admin left it).
   */
  public static void register(RealmModel realm) {
    if (realm.getRequiredActionProviderByAlias(ID) != null) {
      return;
    }
    RequiredActionProviderModel model = new RequiredActionProviderModel();
    model.setAlias(ID);
    model.setProviderId(ID);
    model.setName(DISPLAY_TEXT);
    model.setEnabled(true);
    model.setDefaultAction(false);
    realm.addRequiredActionProvider(model);
  }

  @Override
  public RequiredActionProvider create(KeycloakSession session) {
    return new OrganisationClosedRequiredAction();
  }

  @Override
  public String getDisplayText() {
    return DISPLAY_TEXT;
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
