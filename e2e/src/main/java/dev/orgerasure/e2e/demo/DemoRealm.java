package dev.orgerasure.e2e.demo;

/** Names shared by the demo realm, its clients and the tests. */
public final class DemoRealm {

  public static final String REALM = "learning";
  public static final String ADMIN_PATH = "/admin/realms/" + REALM;
  /** Public client with direct access grants, where members log in with the password grant. */
  public static final String APP_CLIENT = "learning-app";
  public static final String REALM_ADMIN_USERNAME = "realm-admin";
  public static final String REALM_ADMIN_PASSWORD = "realm-admin";
  /** Organisation attribute listing the user ids of its org admins (brief section 6). */
  public static final String ORG_ADMINS_ATTRIBUTE = "org-admins";
  public static final String ERASE_ROLE = "erase-organizations";

  private DemoRealm() {}
}
