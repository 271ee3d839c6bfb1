package dev.orgerasure.e2e.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.harness.KeycloakServer;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The demo: realm {@code learning} (organisations, admin events, SMTP to the test mail server,
 * client {@code learning-app}), a realm admin allowed to erase, an auditor, and three organisations
 * of different sizes with app data. Loaded once the whole system is up, since app data needs the
 * service's schema.
 */
public final class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  private final Member realmAdmin;
  private final Member auditor;
  private final List<DemoOrg> orgs;
  private final Member groupsRealmAdmin;
  private final List<DemoOrg> groupTenants;

  private DemoData(
      Member realmAdmin,
      Member auditor,
      List<DemoOrg> orgs,
      Member groupsRealmAdmin,
      List<DemoOrg> groupTenants) {
    this.realmAdmin = realmAdmin;
    this.auditor = auditor;
    this.orgs = List.copyOf(orgs);
    this.groupsRealmAdmin = groupsRealmAdmin;
    this.groupTenants = List.copyOf(groupTenants);
  }

  public static DemoData load(WholeSystem system) {
    KeycloakAdminClient admin = masterAdmin(system);
    createRealm(admin, DemoRealm.REALM, system.smtpPort());
    enableErasureAction(admin, DemoRealm.REALM);
    Member realmAdmin = createRealmAdmin(admin, DemoRealm.REALM);
    Member auditor = createAuditor(admin);
    OrgFactory factory = new OrgFactory(system, admin);
    List<DemoOrg> orgs = new ArrayList<>();
    orgs.add(factory.create("Acme Academy", "acme-academy.example", 50));
    orgs.add(factory.create("Globex Learning", "globex-learning.example", 20));
    orgs.add(factory.create("Initech Training", "initech-training.example", 10));
    Member groupsRealmAdmin = createGroupsRealm(admin, system);
    GroupTenantFactory groups = new GroupTenantFactory(system, admin);
    List<DemoOrg> groupTenants = new ArrayList<>();
    groupTenants.add(groups.create("Northwind School", "northwind-school.example", 12));
    groupTenants.add(groups.create("Contoso Institute", "contoso-institute.example", 6));
    return new DemoData(realmAdmin, auditor, orgs, groupsRealmAdmin, groupTenants);
  }

  /**
   * Realm {@code learning-groups}: tenants are the groups under {@code /tenants}, erased by the
   * realm's own erasure-service; a top-level group {@code staff} with a member is not a tenant.
   */
  private static Member createGroupsRealm(KeycloakAdminClient admin, WholeSystem system) {
    createRealm(admin, DemoRealm.GROUPS_REALM, system.smtpPort());
    enableErasureAction(admin, DemoRealm.GROUPS_REALM);
    Member realmAdmin = createRealmAdmin(admin, DemoRealm.GROUPS_REALM);
    String groups = DemoRealm.GROUPS_ADMIN_PATH + "/groups";
    admin.post(groups, Map.of("name", DemoRealm.TENANTS_PATH.substring(1)));
    // Once the parent group exists: the form refuses a path no group has.
    saveErasureSettings(
        admin,
        DemoRealm.GROUPS_REALM,
        Map.of(
            "org-erasure-tenant-model",
            "groups",
            "org-erasure-tenant-parent-group",
            DemoRealm.TENANTS_PATH,
            "org-erasure-service-url",
            system.groupsLibertyUrl() + "/erasure/api"));
    String staff = admin.post(groups, Map.of("name", "staff"));
    Member staffMember =
        new MemberFactory(admin, DemoRealm.GROUPS_REALM).create("staff.example", 1).get(0);
    admin.put(
        DemoRealm.GROUPS_ADMIN_PATH + "/users/" + staffMember.id() + "/groups/" + staff, null);
    return realmAdmin;
  }

  public static KeycloakAdminClient masterAdmin(WholeSystem system) {
    return new KeycloakAdminClient(
        system.keycloakUrl(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
  }

  public Member realmAdmin() {
    return realmAdmin;
  }

  /** Reads the erasure audit; may not erase. */
  public Member auditor() {
    return auditor;
  }

  public List<DemoOrg> orgs() {
    return orgs;
  }

  /** The realm admin of {@code learning-groups}, allowed to erase. */
  public Member groupsRealmAdmin() {
    return groupsRealmAdmin;
  }

  /** The demo tenants of {@code learning-groups}. */
  public List<DemoOrg> groupTenants() {
    return groupTenants;
  }

  /** The realm's mail settings: the run's SMTP server on loopback. */
  public static Map<String, String> smtpServer(int port) {
    return Map.of(
        "host", "127.0.0.1",
        "port", Integer.toString(port),
        "from", "no-reply@learning.example",
        "fromDisplayName", "Learning platform");
  }

  /**
   * A realm set up for erasures like the demo's (organisations, our themes, the service's and the
   * dispatcher's clients); replaces a realm of that name left by an earlier run against an external
   * database.
   */
  public static void createRealm(KeycloakAdminClient admin, String realm, int smtpPort) {
    String adminPath = "/admin/realms/" + realm;
    if (admin.find(adminPath).isPresent()) {
      LOG.warning("Realm " + realm + " exists from an earlier run; deleting it");
      admin.delete(adminPath);
    }
    Map<String, Object> representation = new LinkedHashMap<>(RealmSetupFiles.realmAttributes());
    representation.putAll(
        Map.ofEntries(
            Map.entry("realm", realm),
            Map.entry("displayName", "Learning platform"),
            Map.entry("enabled", true),
            Map.entry("adminEventsEnabled", true),
            Map.entry("adminEventsDetailsEnabled", true),
            Map.entry("eventsEnabled", true),
            Map.entry("smtpServer", smtpServer(smtpPort)),
            Map.entry("clients", ErasureClients.clients(WholeSystem.ERASURE_SERVICE_CLIENT_SECRET)),
            Map.entry("roles", ErasureClients.roles()),
            Map.entry("users", ErasureClients.serviceAccounts())));
    admin.post("/admin/realms", representation);
  }

  /**
   * Saves the realm's erasure settings (docs/operating.md, "Realm settings") as the console's form
   * Realm settings → org-erasure saves them: a component of the realm. Answers the component's id.
   */
  public static String saveErasureSettings(
      KeycloakAdminClient admin, String realm, Map<String, String> settings) {
    return admin.post(
        "/admin/realms/" + realm + "/components", erasureSettingsForm(admin, realm, settings));
  }

  /** The body of that form as the console sends it, one value per field. */
  public static Map<String, Object> erasureSettingsForm(
      KeycloakAdminClient admin, String realm, Map<String, String> settings) {
    Map<String, List<String>> config = new TreeMap<>();
    settings.forEach((field, value) -> config.put(field, List.of(value)));
    return Map.of(
        "name",
        DemoRealm.SETTINGS_FORM,
        "providerId",
        DemoRealm.SETTINGS_FORM,
        "providerType",
        DemoRealm.SETTINGS_FORM_TYPE,
        "parentId",
        admin.get("/admin/realms/" + realm).path("id").asText(),
        "config",
        config);
  }

  /** Custom required actions are registered per realm; the org admin's erasure needs it enabled. */
  static void enableErasureAction(KeycloakAdminClient admin, String realm) {
    admin.post(
        "/admin/realms/" + realm + "/authentication/register-required-action",
        Map.of("providerId", DemoRealm.ERASURE_ACTION, "name", "Erase my organisation"));
  }

  /** The realm's administrator: {@code realm-admin} and {@code erase-organizations}. */
  public static Member createRealmAdmin(KeycloakAdminClient admin, String realm) {
    return createAdmin(
        admin,
        realm,
        new Member(
            null, DemoRealm.REALM_ADMIN_USERNAME, DemoRealm.REALM_ADMIN_PASSWORD, "Realm", "Admin"),
        DemoRealm.REALM_ADMIN_EMAIL,
        "realm-admin",
        DemoRealm.ERASE_ROLE);
  }

  /**
   * An identity team's auditor: reads the erasure audit ({@code view-erasure-audit} with {@code
   * view-events}) and may neither erase nor manage anything.
   */
  private static Member createAuditor(KeycloakAdminClient admin) {
    return createAdmin(
        admin,
        DemoRealm.REALM,
        new Member(null, DemoRealm.AUDITOR_USERNAME, DemoRealm.AUDITOR_PASSWORD, "Ida", "Auditor"),
        DemoRealm.AUDITOR_EMAIL,
        "view-events",
        DemoRealm.VIEW_AUDIT_ROLE);
  }

  /** A user of the realm holding these {@code realm-management} roles. */
  private static Member createAdmin(
      KeycloakAdminClient admin,
      String realm,
      Member person,
      String email,
      String... realmManagementRoles) {
    String adminPath = "/admin/realms/" + realm;
    String id =
        admin.post(
            adminPath + "/users",
            Map.of(
                "username",
                person.username(),
                "email",
                email,
                "firstName",
                person.firstName(),
                "lastName",
                person.lastName(),
                "enabled",
                true,
                "emailVerified",
                true,
                "credentials",
                List.of(
                    Map.of("type", "password", "value", person.password(), "temporary", false))));
    String realmManagement =
        admin.get(adminPath + "/clients?clientId=realm-management").get(0).get("id").asText();
    String rolesPath = adminPath + "/clients/" + realmManagement + "/roles/";
    List<JsonNode> roles = new ArrayList<>();
    // The extension adds its roles to every realm it sees created.
    for (String role : realmManagementRoles) {
      roles.add(admin.get(rolesPath + role));
    }
    admin.post(adminPath + "/users/" + id + "/role-mappings/clients/" + realmManagement, roles);
    return new Member(
        id, person.username(), person.password(), person.firstName(), person.lastName());
  }
}
