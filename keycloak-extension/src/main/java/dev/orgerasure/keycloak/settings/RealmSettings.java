package dev.orgerasure.keycloak.settings;

import java.util.List;
import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

/**
 * A realm's own erasure settings (docs/operating.md, "Realm settings"), edited in the admin console
 * under Realm settings → org-erasure and kept as that form's component of the realm: one component
 * per realm, one value per field, each field named below. A realm without the component reads the
 * realm attributes of the same names, where earlier versions kept them.
 */
public final class RealmSettings {

  /** The form's id: its tab in the console, and its component's provider id. */
  public static final String FORM_ID = "org-erasure";

  /** The form's component type. */
  public static final String FORM_TYPE = UiTabProvider.class.getName();

  /** How the realm models its tenants: {@link #ORGANIZATIONS} (or absent) or {@link #GROUPS}. */
  public static final String TENANT_MODEL = "org-erasure-tenant-model";

  public static final String ORGANIZATIONS = "organizations";

  public static final String GROUPS = "groups";

  /** The path of the group whose sub-groups are the tenants, e.g. {@code /tenants}. */
  public static final String TENANT_PARENT_GROUP = "org-erasure-tenant-parent-group";

  /**
   * The realm's own default grace period, in seconds, instead of the server's {@code
   * grace-period-default}.
   */
  public static final String GRACE_PERIOD_DEFAULT = "org-erasure-grace-period-default";

  /**
   * The erasure-service serving the realm (one service per realm), over the setting {@code
   * service-url}.
   */
  public static final String SERVICE_URL = "org-erasure-service-url";

  /** Every field, in the form's order. */
  public static final List<String> FIELDS =
      List.of(TENANT_MODEL, TENANT_PARENT_GROUP, GRACE_PERIOD_DEFAULT, SERVICE_URL);

  private RealmSettings() {}

  /** The field's value in the realm; {@code null} when it has none. */
  public static String get(RealmModel realm, String field) {
    Optional<ComponentModel> form = form(realm);
    String value = form.isPresent() ? form.get().get(field) : realm.getAttribute(field);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The realm's saved form, if it has one. */
  public static Optional<ComponentModel> form(RealmModel realm) {
    return realm
        .getComponentsStream(realm.getId(), FORM_TYPE)
        .filter(component -> FORM_ID.equals(component.getProviderId()))
        .findFirst();
  }
}
