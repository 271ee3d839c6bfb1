package dev.orgerasure.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.harness.KeycloakServer;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

  private static final Path SCRIPT = Path.of("../keycloak-extension/realm-setup/setup-realm.sh");
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
    Path config = loggedIn();

    Run setUp = run(config, Map.of("ERASURE_SERVICE_CLIENT_SECRET", "secret-from-the-script"));

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
    Path config = loggedIn();
    JsonNode before = admin.get(adminPath);
    int clientsBefore = admin.get(adminPath + "/clients").size();

    Run refused = run(config, Map.of());

    assertNotEquals(0, refused.exitCode(), refused.output());
    assertTrue(refused.output().contains("ERASURE_SERVICE_CLIENT_SECRET"), refused.output());
    assertEquals(before, admin.get(adminPath));
    assertEquals(clientsBefore, admin.get(adminPath + "/clients").size());
  }

  /** kcadm's credentials, in a config file of this test's own. */
  private Path loggedIn() throws IOException, InterruptedException {
    Path config = directory.resolve("kcadm.config");
    Run login =
        command(
            List.of(
                kcadm().toString(),
                "config",
                "credentials",
                "--server",
                sut.system().keycloakUrl().toString(),
                "--realm",
                "master",
                "--user",
                KeycloakServer.ADMIN_USER,
                "--password",
                KeycloakServer.ADMIN_PASSWORD,
                "--config",
                config.toString()),
            Map.of());
    assertEquals(0, login.exitCode(), login.output());
    return config;
  }

  private Run run(Path config, Map<String, String> environment)
      throws IOException, InterruptedException {
    Map<String, String> withCli = new HashMap<>(environment);
    withCli.put("KCADM", kcadm().toString());
    withCli.put("KCADM_CONFIG", config.toString());
    return command(List.of("bash", SCRIPT.toAbsolutePath().toString(), realm), withCli);
  }

  private Path kcadm() {
    return sut.system().keycloakHome().resolve("bin").resolve("kcadm.sh");
  }

  private Run command(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("ERASURE_SERVICE_CLIENT_SECRET");
    builder.environment().putAll(environment);
    Path output = directory.resolve("output-" + UUID.randomUUID() + ".txt");
    Process process = builder.redirectOutput(output.toFile()).start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
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

  private record Run(int exitCode, String output) {}
}
