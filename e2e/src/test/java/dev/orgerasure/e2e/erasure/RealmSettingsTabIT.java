package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.browser.AdminConsole;
import dev.orgerasure.e2e.browser.Browser;
import dev.orgerasure.e2e.browser.RealmSettingsTab;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The realm's erasure settings are edited in Keycloak's own form, Realm settings → org-erasure,
 * which saves them as a component of the realm; a value the erasure could not use is refused with
 * nothing changed, and only an admin who may manage the realm saves it.
 */
@WholeSystemTest
class RealmSettingsTabIT {

  private static final String GRACE = "org-erasure-grace-period-default";

  private final SystemUnderTest sut;

  RealmSettingsTabIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  /** Leaves the realm as the demo set it: no form saved. */
  @AfterEach
  void removeTheSavedForm() {
    for (JsonNode component : savedForms()) {
      sut.masterAdmin()
          .delete(DemoRealm.ADMIN_PATH + "/components/" + component.path("id").asText());
    }
  }

  @Test
  void savingTheFormKeepsTheValuesAsTheRealmsOneSetOfErasureSettings() {
    KeycloakAdminClient realmManager = clientOf(Admins.adminWith(sut, "manage-realm"));

    HttpResponse<String> saved =
        realmManager.send("POST", componentsPath(), form(Map.of(GRACE, "5400")));
    HttpResponse<String> second =
        realmManager.send("POST", componentsPath(), form(Map.of(GRACE, "60")));

    assertEquals(201, saved.statusCode(), saved.body());
    assertEquals(400, second.statusCode(), "a second form: " + second.body());
    assertEquals(List.of("5400"), savedValues(GRACE));
  }

  @Test
  void aValueTheErasureCannotUseIsRefusedAndChangesNothing() {
    KeycloakAdminClient realmManager = clientOf(Admins.adminWith(sut, "manage-realm"));
    String before = realmState();

    for (Map<String, String> unusable :
        List.of(
            Map.of("org-erasure-tenant-model", "teams"),
            Map.of("org-erasure-tenant-parent-group", "/no-such-group"),
            Map.of(GRACE, "-5"),
            Map.of(GRACE, "soon"),
            Map.of("org-erasure-service-url", "ftp://files.example/erasure"))) {
      HttpResponse<String> refused = realmManager.send("POST", componentsPath(), form(unusable));

      assertEquals(400, refused.statusCode(), unusable + " " + refused.body());
    }
    assertEquals(before, realmState());
  }

  @Test
  void anAdminWhoMayNotManageTheRealmCannotSaveIt() {
    KeycloakAdminClient userManager = clientOf(Admins.adminWith(sut, "manage-users"));
    String before = realmState();

    HttpResponse<String> refused =
        userManager.send("POST", componentsPath(), form(Map.of(GRACE, "0")));

    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals(before, realmState());
  }

  @Test
  void realmAdminSetsTheDefaultGracePeriodInTheConsolesOwnForm() {
    try (Browser browser = Browser.start("realm-settings-tab")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(sut.demo().realmAdmin());
      RealmSettingsTab tab = console.openErasureSettingsTab().awaitForm();
      for (String label :
          List.of(
              "Tenant model",
              "Tenant parent group",
              "Default grace period (seconds)",
              "Erasure-service URL")) {
        assertTrue(tab.showsField(label), label);
      }
      tab.defaultGracePeriodSeconds("900");
      browser.screenshot("01-grace-period-typed");
      tab.save();
      browser.screenshot("02-saved");
    }
    assertEquals(List.of("900"), savedValues(GRACE));
  }

  /**
   * A realm that kept its settings as realm attributes (earlier versions) has them moved into its
   * form when Keycloak starts: nothing is lost by the upgrade, and the attributes go.
   */
  @Test
  void settingsKeptAsRealmAttributesBecomeTheRealmsFormAtStart() {
    KeycloakAdminClient admin = sut.masterAdmin();
    String realm = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
    String adminPath = "/admin/realms/" + realm;
    DemoData.createRealm(admin, realm, sut.system().smtpPort());
    try {
      ObjectNode representation = (ObjectNode) admin.get(adminPath);
      representation.putObject("attributes").put(GRACE, "3600");
      admin.put(adminPath, representation);

      sut.system().killKeycloak();
      sut.system().startKeycloak();

      JsonNode forms = admin.get(adminPath + "/components?type=" + DemoRealm.SETTINGS_FORM_TYPE);
      assertEquals(1, forms.size(), forms.toString());
      assertEquals("3600", forms.get(0).path("config").path(GRACE).path(0).asText());
      assertTrue(admin.get(adminPath).path("attributes").path(GRACE).isMissingNode());
    } finally {
      admin.delete(adminPath);
    }
  }

  private KeycloakAdminClient clientOf(Member admin) {
    return new KeycloakAdminClient(
        sut.system().keycloakUrl(), DemoRealm.REALM, admin.username(), admin.password());
  }

  private static String componentsPath() {
    return DemoRealm.ADMIN_PATH + "/components";
  }

  /** The form as the console saves it: a component of the realm, one value per field. */
  private Map<String, Object> form(Map<String, String> values) {
    return DemoData.erasureSettingsForm(sut.masterAdmin(), DemoRealm.REALM, values);
  }

  private List<JsonNode> savedForms() {
    List<JsonNode> found = new ArrayList<>();
    sut.masterAdmin()
        .get(componentsPath() + "?type=" + DemoRealm.SETTINGS_FORM_TYPE)
        .forEach(
            component -> {
              if (component.path("providerId").asText().equals(DemoRealm.SETTINGS_FORM)) {
                found.add(component);
              }
            });
    return found;
  }

  /** The field's value in each saved form. */
  private List<String> savedValues(String field) {
    List<String> values = new ArrayList<>();
    savedForms().forEach(form -> values.add(form.path("config").path(field).path(0).asText()));
    return values;
  }

  /** The realm's saved forms and attributes, as JSON. */
  private String realmState() {
    return savedForms() + " " + sut.masterAdmin().get(DemoRealm.ADMIN_PATH).path("attributes");
  }
}
