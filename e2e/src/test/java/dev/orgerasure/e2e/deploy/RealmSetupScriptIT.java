package dev.orgerasure.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keycloak-extension/realm-setup/setup-realm.sh}, run as a user runs it, with Keycloak's own
 * admin CLI against the running Keycloak, sets a new realm up for erasure (docs/operating.md).
 */
@WholeSystemTest
class RealmSetupScriptIT {

  private static final String THEME = "org-erasure";

  private final SystemUnderTest sut;
  private final KeycloakAdminClient admin;
  private final String realm = "script-setup-" + UUID.randomUUID().toString().substring(0, 8);
  private final String adminPath = "/admin/realms/" + realm;

  @TempDir Path directory;

  RealmSetupScriptIT(SystemUnderTest sut) {
    this.sut = sut;
    this.admin = sut.masterAdmin();
  }

  @BeforeEach
  void createRealm() {
    admin.post("/admin/realms", Map.of("realm", realm, "enabled", true));
  }

  @AfterEach
  void deleteRealm() {
    admin.delete(adminPath);
  }

  @Test
  void theScriptSetsUpARealmWithThemesClientsRoleAndRequiredAction() throws Exception {
    RealmSetupScript.Run setUp =
        script().setUp(realm, Map.of("ERASURE_SERVICE_CLIENT_SECRET", "secret-from-the-script"));

    assertEquals(0, setUp.exitCode(), setUp.output());
    JsonNode realmRepresentation = admin.get(adminPath);
    assertTrue(realmRepresentation.path("organizationsEnabled").asBoolean());
    for (String theme : List.of("adminTheme", "accountTheme", "loginTheme", "emailTheme")) {
      assertEquals(THEME, realmRepresentation.path(theme).asText(), theme);
    }
    String service = clientId(ServiceApi.SERVICE_CLIENT);
    assertEquals(
        "secret-from-the-script",
        admin.get(adminPath + "/clients/" + service + "/client-secret").path("value").asText());
    String dispatcher = clientId(ServiceApi.DISPATCHER_CLIENT);
    String serviceAccount =
        admin
            .get(adminPath + "/clients/" + dispatcher + "/service-account-user")
            .path("id")
            .asText();
    assertEquals(
        List.of(ServiceApi.REQUEST_ERASURE_ROLE),
        names(
            admin.get(
                adminPath + "/users/" + serviceAccount + "/role-mappings/clients/" + service)));
    JsonNode action = admin.get(adminPath + "/authentication/required-actions/org-erasure");
    assertTrue(action.path("enabled").asBoolean(), action.toString());
  }

  @Test
  void withoutTheServicesSecretTheScriptStopsBeforeChangingAnything() throws Exception {
    JsonNode before = admin.get(adminPath);
    int clientsBefore = admin.get(adminPath + "/clients").size();

    RealmSetupScript.Run refused = script().setUp(realm, Map.of());

    assertNotEquals(0, refused.exitCode(), refused.output());
    assertTrue(refused.output().contains("ERASURE_SERVICE_CLIENT_SECRET"), refused.output());
    assertEquals(before, admin.get(adminPath));
    assertEquals(clientsBefore, admin.get(adminPath + "/clients").size());
  }

  private RealmSetupScript script() {
    return new RealmSetupScript(sut.system(), directory);
  }

  private String clientId(String clientId) {
    return admin.get(adminPath + "/clients?clientId=" + clientId).get(0).path("id").asText();
  }

  private static List<String> names(JsonNode roles) {
    List<String> names = new ArrayList<>();
    StreamSupport.stream(roles.spliterator(), false)
        .forEach(role -> names.add(role.path("name").asText()));
    return names;
  }
}
