package dev.orgerasure.service.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against a small stand-in for Keycloak's token and JWKS endpoints, over real HTTP. */
class KeycloakProbeTest {

  private static final String SECRET = "s3cret-that-must-never-show";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private HttpServer keycloak;
  private String jwksBody = "{\"keys\":[{\"kid\":\"a\",\"kty\":\"RSA\"}]}";
  private int jwksStatus = 200;
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final Map<String, String> lastForm = new HashMap<>();

  @BeforeEach
  void startKeycloak() throws IOException {
    keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    keycloak.createContext(
        "/realms/learning/protocol/openid-connect/token",
        exchange -> {
          tokenRequests.incrementAndGet();
          Map<String, String> form = form(exchange.getRequestBody());
          lastForm.clear();
          lastForm.putAll(form);
          if ("erasure-service".equals(form.get("client_id"))
              && SECRET.equals(form.get("client_secret"))) {
            answer(exchange, 200, "{\"access_token\":\"eyJ.x.y\",\"expires_in\":300}");
          } else {
            answer(
                exchange,
                401,
                "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid"
                    + " client credentials\"}");
          }
        });
    keycloak.createContext(
        "/realms/learning/protocol/openid-connect/certs",
        exchange -> answer(exchange, jwksStatus, jwksBody));
    keycloak.createContext(
        "/realms/missing/",
        exchange -> answer(exchange, 404, "{\"error\":\"Realm does not exist\"}"));
    keycloak.start();
  }

  @AfterEach
  void stopKeycloak() {
    keycloak.stop(0);
  }

  @Test
  void theRightSecretAndReadableKeysAreUp() {
    KeycloakStatus status = probe(addresses("learning"), Optional.of(SECRET));

    assertTrue(status.up(), status.problems().toString());
    assertEquals("client_credentials", lastForm.get("grant_type"));
    assertTrue(
        status.keys().message().startsWith("1 key(s) of realm learning"), status.keys().message());
    assertEquals(CLOCK.instant(), status.checkedAt());
  }

  @Test
  void aMissingSecretIsDownNamingTheSettingWithoutAskingKeycloak() {
    KeycloakStatus status = probe(addresses("learning"), Optional.empty());

    assertFalse(status.up());
    assertTrue(status.keys().ok(), "the keys are read all the same");
    assertTrue(
        status.client().message().startsWith("ERASURE_KEYCLOAK_CLIENT_SECRET is not set"),
        status.client().message());
    assertEquals(0, tokenRequests.get());
  }

  @Test
  void aRefusedSecretIsDownNamingTheSettingAndNeverTheSecret() {
    String wrong = "wrong-" + SECRET;
    KeycloakStatus status = probe(addresses("learning"), Optional.of(wrong));

    assertFalse(status.up());
    String message = status.client().message();
    assertTrue(message.startsWith("Keycloak refused the client secret"), message);
    assertTrue(message.contains("401 invalid_client"), message);
    assertTrue(message.contains("ERASURE_KEYCLOAK_CLIENT_SECRET"), message);
    assertFalse(message.contains(wrong), message);
    assertFalse(status.problems().toString().contains(SECRET), status.problems().toString());
  }

  @Test
  void aRealmThatDoesNotExistYetIsDownForItsKeysAndItsToken() {
    KeycloakStatus status = probe(addresses("missing"), Optional.of(SECRET));

    assertFalse(status.client().ok());
    assertTrue(status.client().message().contains("answered 404"), status.client().message());
    assertFalse(status.keys().ok());
    assertTrue(
        status.keys().message().startsWith("Keycloak's keys of realm missing cannot be read"),
        status.keys().message());
    assertTrue(status.keys().message().contains("answered 404"), status.keys().message());
  }

  @Test
  void aJwksWithoutKeysIsDown() {
    jwksBody = "{\"keys\":[]}";

    KeycloakStatus status = probe(addresses("learning"), Optional.of(SECRET));

    assertTrue(status.client().ok());
    assertFalse(status.keys().ok());
    assertTrue(status.keys().message().endsWith("holds no keys"), status.keys().message());
  }

  @Test
  void anUnreachableKeycloakIsDownWithTheReasonForBoth() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String base = "http://127.0.0.1:" + closedPort;
    KeycloakAddresses nowhere =
        new KeycloakAddresses(
            "learning",
            base + "/realms/learning",
            base + "/realms/learning/protocol/openid-connect/certs",
            base);

    KeycloakStatus status = probe(nowhere, Optional.of(SECRET));

    assertFalse(status.up());
    assertTrue(
        status
            .client()
            .message()
            .startsWith("Keycloak cannot be reached for its token endpoint at " + base),
        status.client().message());
    assertTrue(status.client().message().contains("ConnectException"), status.client().message());
    assertTrue(
        status.keys().message().startsWith("Keycloak cannot be reached for its keys (JWKS)"),
        status.keys().message());
    assertFalse(status.problems().toString().contains(SECRET));
  }

  @Test
  void theKeysAreReadAtTheirOwnAddressAndTheTokenTakenAtTheBackChannel() {
    String base = "http://127.0.0.1:" + keycloak.getAddress().getPort();
    KeycloakAddresses split =
        new KeycloakAddresses(
            "learning",
            "https://login.example.com/realms/learning",
            base + "/realms/learning/protocol/openid-connect/certs",
            base + "/");

    KeycloakStatus status = probe(split, Optional.of(SECRET));

    assertTrue(status.up(), status.problems().toString());
    assertTrue(status.client().message().contains(base + "/realms/learning/protocol"));
  }

  private KeycloakStatus probe(KeycloakAddresses addresses, Optional<String> secret) {
    return new KeycloakProbe(CLOCK).probe(addresses, "erasure-service", secret);
  }

  private KeycloakAddresses addresses(String realm) {
    String base = "http://127.0.0.1:" + keycloak.getAddress().getPort();
    return new KeycloakAddresses(
        realm,
        base + "/realms/" + realm,
        base + "/realms/" + realm + "/protocol/openid-connect/certs",
        base);
  }

  private static Map<String, String> form(InputStream body) throws IOException {
    Map<String, String> form = new HashMap<>();
    for (String pair : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
      String[] parts = pair.split("=", 2);
      form.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return form;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
