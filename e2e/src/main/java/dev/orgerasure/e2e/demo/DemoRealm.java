package dev.orgerasure.e2e.demo;

import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.e2e.harness.ServiceSite;

/** Names shared by the demo realm, its clients and the tests. */
public final class DemoRealm {

  public static final String REALM = ServiceSite.LEARNING.realm();
  public static final String ADMIN_PATH = "/admin/realms/" + REALM;

  /**
   * The realm whose tenants are groups under {@link #TENANTS_PATH}, served by its own
   * erasure-service.
   */
  public static final String GROUPS_REALM = ServiceSite.LEARNING_GROUPS.realm();

  public static final String GROUPS_ADMIN_PATH = "/admin/realms/" + GROUPS_REALM;

  /** The group whose sub-groups are the tenants of {@link #GROUPS_REALM}. */
  public static final String TENANTS_PATH = "/tenants";

  /** Public client with direct access grants, where members log in with the password grant. */
  public static final String APP_CLIENT = "learning-app";

  public static final String REALM_ADMIN_USERNAME = "realm-admin";
  public static final String REALM_ADMIN_PASSWORD = "realm-admin";
  public static final String REALM_ADMIN_EMAIL = "realm-admin@learning.example";

  public static final String ERASE_ROLE = "erase-organizations";

  public static final String VIEW_AUDIT_ROLE = "view-erasure-audit";

  public static final String AUDITOR_USERNAME = "auditor";
  public static final String AUDITOR_PASSWORD = "auditor";
  public static final String AUDITOR_EMAIL = "auditor@learning.example";

  /** The org admin's erasure action, started from the account console with {@code kc_action}. */
  public static final String ERASURE_ACTION = "org-erasure";

  /**
   * The erasure-service's own client: it verifies tokens for this audience and reports back with
   * it.
   */
  public static final String SERVICE_CLIENT = ServiceApi.SERVICE_CLIENT;

  /** The role of {@link #SERVICE_CLIENT} that may hand an erasure over to the service. */
  public static final String REQUEST_ERASURE_ROLE = ServiceApi.REQUEST_ERASURE_ROLE;

  /** The client whose service account the extension hands erasures over with. */
  public static final String DISPATCHER_CLIENT = ServiceApi.DISPATCHER_CLIENT;

  /**
   * The realm's erasure settings form (Realm settings → org-erasure): its id and its component
   * type.
   */
  public static final String SETTINGS_FORM = "org-erasure";

  public static final String SETTINGS_FORM_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";

  private DemoRealm() {}
}
