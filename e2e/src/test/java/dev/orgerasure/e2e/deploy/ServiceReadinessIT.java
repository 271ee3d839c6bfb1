package dev.orgerasure.e2e.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.harness.FreePorts;
import dev.orgerasure.e2e.harness.LibertyServer;
import dev.orgerasure.e2e.harness.PostgresServer;
import dev.orgerasure.e2e.harness.ServiceSite;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import dev.orgerasure.e2e.keycloak.TokenEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service's readiness on a real Keycloak (ear/README.md, "Readiness", "Default secrets",
 * "Behind a proxy"): a service of its own for realm {@code learning}, started before its client
 * exists in Keycloak and with the keystore password left at its default, is started but not ready,
 * saying why and never printing its secret; it recovers once Keycloak knows the secret, and is
 * ready once the default is accepted; a secret changed in Keycloak takes it down again. It reaches
 * Keycloak at {@code localhost} while the tokens name {@code 127.0.0.1}: the issuer is set apart.
 */
@WholeSystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceReadinessIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT = "readiness-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String SECRET = "readiness-secret-" + UUID.randomUUID();
  private static final String KEYSTORE_DEFAULT = "erasure-service-local-keystore";

  private static SystemUnderTest sut;
  private static KeycloakAdminClient admin;
  private static LibertyServer service;
  private static URI serviceUrl;
  private static String internalKeycloak;

  @BeforeAll
  static void startAServiceWhoseClientDoesNotExistYet(SystemUnderTest system) throws Exception {
    sut = system;
    admin = system.masterAdmin();
    try (Connection postgres = system.system().postgres().connect("postgres")) {
      PostgresServer.createDatabasesIfMissing(postgres, List.of(PostgresServer.READINESS_DB));
    }
    URI keycloak = system.system().keycloakUrl();
    // Another name of the same Keycloak: the service's "internal" address, which the tokens that
    // the extension takes at 127.0.0.1 do not name.
    internalKeycloak = "http://localhost:" + keycloak.getPort();
    int port = FreePorts.find();
    serviceUrl = URI.create("http://127.0.0.1:" + port);
    Map<String, String> settings = new HashMap<>();
    settings.put("ERASURE_KEYCLOAK_URL", internalKeycloak);
    settings.put("ERASURE_KEYCLOAK_ISSUER", keycloak + "/realms/" + DemoRealm.REALM);
    settings.put("ERASURE_KEYCLOAK_CLIENT_ID", CLIENT);
    settings.put("ERASURE_KEYCLOAK_CLIENT_SECRET", SECRET);
    settings.put("ERASURE_KEYSTORE_PASSWORD", KEYSTORE_DEFAULT);
    service = system.system().startService(ServiceSite.READINESS, port, settings);
  }

  @AfterAll
  static void removeTheServiceAndItsClient() {
    if (service != null) {
      service.stop();
    }
    if (admin != null) {
      clientId().ifPresent(id -> admin.delete(DemoRealm.ADMIN_PATH + "/clients/" + id));
    }
  }

  @Test
  @Order(1)
  void startedButNotReadyWhileKeycloakRefusesTheSecretAndADefaultSecretIsLeft() throws Exception {
    assertEquals(200, get("/health/started").statusCode());

    HttpResponse<String> readiness = get("/health/ready");
    assertEquals(503, readiness.statusCode(), readiness.body());
    JsonNode keycloak = check(readiness, "keycloak");
    assertEquals("DOWN", keycloak.path("status").asText(), keycloak.toString());
    String client = keycloak.path("data").path("client").asText();
    assertTrue(client.startsWith("Keycloak refused the client secret"), client);
    assertTrue(client.contains("401 invalid_client"), client);
    assertTrue(client.contains("'" + CLIENT + "'"), client);
    assertTrue(client.contains("ERASURE_KEYCLOAK_CLIENT_SECRET"), client);
    assertTrue(client.contains(internalKeycloak + "/realms/learning/protocol"), client);
    String keys = keycloak.path("data").path("keys").asText();
    assertTrue(keys.contains("key(s) of realm learning at " + internalKeycloak), keys);

    JsonNode secrets = check(readiness, "default-secrets");
    assertEquals("DOWN", secrets.path("status").asText(), secrets.toString());
    String problem = secrets.path("data").path("problem-1").asText();
    assertTrue(problem.startsWith("ERASURE_KEYSTORE_PASSWORD is left at its default"), problem);
    assertFalse(
        secrets.path("data").has("problem-2"), "the database password is the harness's own");
    assertEquals("UP", check(readiness, "database").path("status").asText());
    assertEquals("UP", check(readiness, "data-inventory").path("status").asText());
    assertFalse(readiness.body().contains(SECRET), "readiness never shows the secret");

    await("the refusals in the log")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String log = Files.readString(service.log());
              return log.contains("Not ready: ERASURE_KEYSTORE_PASSWORD is left at its default")
                  && log.contains("Not ready: Keycloak refused the client secret");
            });
    assertFalse(Files.readString(service.log()).contains(SECRET), "the log never shows it");
  }

  /**
   * mpJwt checks the issuer the tokens name, with keys read at the other address: the dispatcher's
   * token, issued at 127.0.0.1, passes mpJwt (the application then answers 403, since this
   * service's own client holds no role of the dispatcher's), while the same client's token issued
   * at the internal address names another issuer and is refused by mpJwt with 401.
   */
  @Test
  @Order(2)
  void tokensNamingThePublicIssuerPassAndTokensNamingTheInternalAddressDoNot() throws Exception {
    String secret = sut.dispatcherSecret();
    String publicToken = sut.dispatcherToken();
    HttpResponse<String> accepted = servedRealm(publicToken);
    assertEquals(403, accepted.statusCode(), accepted.body());
    assertTrue(accepted.body().contains("\"error\":\"missing-role\""), accepted.body());

    String internalToken =
        new TokenEndpoint(URI.create(internalKeycloak))
            .clientCredentials(DemoRealm.REALM, DemoRealm.DISPATCHER_CLIENT, secret)
            .requireSuccess()
            .accessToken();
    HttpResponse<String> refused = servedRealm(internalToken);
    // mpJwt refuses it (CWWKS6022E, not a trusted issuer), so the application sees no token at all.
    assertTrue(refused.statusCode() == 401 || refused.statusCode() == 403, refused.body());
    assertFalse(refused.body().contains("missing-role"), refused.body());
  }

  private static HttpResponse<String> servedRealm(String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(serviceUrl.resolve("/erasure/api/" + ServiceApi.SERVED_REALM))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(3)
  void theSecretKnownToKeycloakBringsTheKeycloakCheckUpWithinSeconds() throws Exception {
    admin.post(
        DemoRealm.ADMIN_PATH + "/clients",
        Map.of(
            "clientId", CLIENT,
            "enabled", true,
            "publicClient", false,
            "serviceAccountsEnabled", true,
            "standardFlowEnabled", false,
            "clientAuthenticatorType", "client-secret",
            "secret", SECRET));

    await("the keycloak check up")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> "UP".equals(check(get("/health/ready"), "keycloak").path("status").asText()));
    HttpResponse<String> readiness = get("/health/ready");
    assertEquals(503, readiness.statusCode(), "the default keystore password is still refused");
    assertFalse(readiness.body().contains(SECRET));
  }

  @Test
  @Order(4)
  void acceptingTheDefaultSecretsMakesItReadyWithAWarning() throws Exception {
    service.restartWith(Map.of("ERASURE_ALLOW_DEFAULT_SECRETS", "true"));
    service.awaitReady(Duration.ofMinutes(2));

    HttpResponse<String> readiness = get("/health/ready");
    assertEquals(200, readiness.statusCode(), readiness.body());
    String warning = check(readiness, "default-secrets").path("data").path("warning-1").asText();
    assertTrue(warning.startsWith("ERASURE_KEYSTORE_PASSWORD is left at its default"), warning);
  }

  @Test
  @Order(5)
  void aSecretChangedInKeycloakTakesReadinessDownAgain() throws Exception {
    String rotated = "rotated-" + UUID.randomUUID();
    String id = clientId().orElseThrow();
    admin.put(
        DemoRealm.ADMIN_PATH + "/clients/" + id, Map.of("clientId", CLIENT, "secret", rotated));

    await("readiness down again")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> get("/health/ready").statusCode() == 503);
    HttpResponse<String> readiness = get("/health/ready");
    String client = check(readiness, "keycloak").path("data").path("client").asText();
    assertTrue(client.startsWith("Keycloak refused the client secret"), client);
    assertFalse(readiness.body().contains(SECRET));
    assertFalse(readiness.body().contains(rotated));
    assertFalse(Files.readString(service.log()).contains(SECRET));
  }

  private static java.util.Optional<String> clientId() {
    JsonNode found = admin.get(DemoRealm.ADMIN_PATH + "/clients?clientId=" + CLIENT);
    return found.size() == 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(found.get(0).path("id").asText());
  }

  private static JsonNode check(HttpResponse<String> health, String name) throws Exception {
    for (JsonNode check : JSON.readTree(health.body()).path("checks")) {
      if (check.path("name").asText().equals(name)) {
        return check;
      }
    }
    throw new AssertionError("no check " + name + " in " + health.body());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(serviceUrl.resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
