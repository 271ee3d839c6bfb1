package dev.orgerasure.keycloak.realmsettings;

import dev.orgerasure.keycloak.settings.RealmSettings;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.tenant.TenantModel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The admin console's tab Realm settings → org-erasure: Keycloak renders its form from the fields
 * below and saves it as a component of the realm (which needs {@code manage-realm}); that component
 * is where the realm's erasure settings live ({@link RealmSettings}). Saving checks every value, so
 * a value the erasure could not use is refused and changes nothing. At start, a realm that still
 * keeps its settings as realm attributes (earlier versions) gets its form made from them.
 */
public class RealmSettingsTab implements UiTabProvider, UiTabProviderFactory<ComponentModel> {

  private static final Logger LOG = Logger.getLogger(RealmSettingsTab.class);

  /** The form's fields, each named after the realm attribute it writes. */
  private static final List<ProviderConfigProperty> FIELDS =
      ProviderConfigurationBuilder.create()
          .property()
          .name(RealmSettings.TENANT_MODEL)
          .label("Tenant model")
          .helpText(
              "organizations: each Keycloak Organization is a tenant; groups: each group under the"
                  + " parent group is one")
          .type(ProviderConfigProperty.LIST_TYPE)
          .options(RealmSettings.ORGANIZATIONS, RealmSettings.GROUPS)
          .defaultValue(RealmSettings.ORGANIZATIONS)
          .add()
          .property()
          .name(RealmSettings.TENANT_PARENT_GROUP)
          .label("Tenant parent group")
          .helpText(
              "With groups: the path of the group whose sub-groups are the tenants, e.g. /tenants;"
                  + " empty for top-level groups")
          .type(ProviderConfigProperty.STRING_TYPE)
          .add()
          .property()
          .name(RealmSettings.GRACE_PERIOD_DEFAULT)
          .label("Default grace period (seconds)")
          .helpText(
              "How long an erasure that names no grace period waits before the purge; empty for"
                  + " the server's setting")
          .type(ProviderConfigProperty.STRING_TYPE)
          .add()
          .property()
          .name(RealmSettings.SERVICE_URL)
          .label("Erasure-service URL")
          .helpText(
              "The erasure-service that serves this realm (one per realm); empty for the server's"
                  + " setting")
          .type(ProviderConfigProperty.STRING_TYPE)
          .add()
          .build();

  @Override
  public String getId() {
    return RealmSettings.FORM_ID;
  }

  @Override
  public String getHelpText() {
    return "Organisation erasure: how this realm keeps its tenants, its default grace period and"
        + " its erasure-service";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return FIELDS;
  }

  @Override
  public String getPath() {
    return "/:realm/realm-settings/:tab";
  }

  @Override
  public Map<String, String> getParams() {
    return Map.of("tab", RealmSettings.FORM_ID);
  }

  @Override
  public void validateConfiguration(
      KeycloakSession session, RealmModel realm, ComponentModel model) {
    RealmSettings.form(realm)
        .filter(saved -> !saved.getId().equals(model.getId()))
        .ifPresent(
            saved -> {
              throw new ComponentValidationException(
                  "The realm's erasure settings exist already (component " + saved.getId() + ")");
            });
    String tenantModel = valueOf(model, RealmSettings.TENANT_MODEL);
    if (!tenantModel.isEmpty()
        && !List.of(RealmSettings.ORGANIZATIONS, RealmSettings.GROUPS).contains(tenantModel)) {
      throw new ComponentValidationException(
          "The tenant model is organizations or groups, not " + tenantModel);
    }
    String parent = valueOf(model, RealmSettings.TENANT_PARENT_GROUP);
    if (!parent.isEmpty()
        && KeycloakModelUtils.findGroupByPath(session, realm, TenantModel.normalisedPath(parent))
            == null) {
      throw new ComponentValidationException("No group has the path " + parent);
    }
    String grace = valueOf(model, RealmSettings.GRACE_PERIOD_DEFAULT);
    if (!grace.isEmpty()) {
      int max = OrgErasureProvider.of(session).settings().gracePeriodMaxSeconds();
      if (!isWholeNumberUpTo(grace, max)) {
        throw new ComponentValidationException(
            "The default grace period is a whole number of seconds from 0 to " + max);
      }
    }
    String serviceUrl = valueOf(model, RealmSettings.SERVICE_URL);
    if (!serviceUrl.isEmpty() && !isHttpUrl(serviceUrl)) {
      throw new ComponentValidationException(
          "The erasure-service URL is an absolute http or https URL");
    }
  }

  /** The form now holds the settings: realm attributes of earlier versions would only mislead. */
  @Override
  public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
    RealmSettings.FIELDS.forEach(realm::removeAttribute);
  }

  private static String valueOf(ComponentModel model, String field) {
    String value = model.get(field);
    return value == null ? "" : value.strip();
  }

  private static boolean isWholeNumberUpTo(String text, int max) {
    try {
      int seconds = Integer.parseInt(text);
      return seconds >= 0 && seconds <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return uri.isAbsolute()
          && uri.getHost() != null
          && List.of("http", "https").contains(uri.getScheme());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // After Keycloak's migration, not here: other factories (JPA's on a clustered node) may not be
    // initialised yet when this one's postInit runs, and reading realms would fail the start.
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(
                factory,
                session ->
                    session.realms().getRealmsStream().forEach(realm -> adopt(session, realm)));
          }
        });
  }

  /** Makes the realm's form from its realm attributes, if it keeps its settings there. */
  private void adopt(KeycloakSession session, RealmModel realm) {
    if (RealmSettings.form(realm).isPresent()
        || RealmSettings.FIELDS.stream().allMatch(field -> realm.getAttribute(field) == null)) {
      return;
    }
    ComponentModel form = new ComponentModel();
    form.setName(RealmSettings.FORM_ID);
    form.setProviderId(RealmSettings.FORM_ID);
    form.setProviderType(RealmSettings.FORM_TYPE);
    form.setParentId(realm.getId());
    for (String field : RealmSettings.FIELDS) {
      String value = realm.getAttribute(field);
      if (value != null && !value.isBlank()) {
        form.put(field, value.strip());
      }
    }
    try {
      realm.addComponentModel(form);
      LOG.infof(
          "Realm %s: erasure settings moved from realm attributes to its form", realm.getName());
    } catch (ComponentValidationException e) {
      LOG.warnf(
          "Realm %s keeps its erasure settings as realm attributes, which its form refuses (%s);"
              + " fix them under Realm settings → %s",
          realm.getName(), e.getMessage(), RealmSettings.FORM_ID);
    }
  }

  @Override
  public void close() {}
}
