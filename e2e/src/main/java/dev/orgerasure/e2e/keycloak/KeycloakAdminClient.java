package dev.orgerasure.e2e.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak's admin REST API as an admin of a realm (the master admin unless told otherwise), signed
 * in through that realm's {@code admin-cli}. Access tokens live 60 s, so a fresh one is taken
 * whenever the current one is older than {@link #TOKEN_REUSE}.
 */
public final class KeycloakAdminClient {

  private static final Duration TOKEN_REUSE = Duration.ofSeconds(40);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI keycloakUrl;
  private final String adminRealm;
  private final String adminUser;
  private final String adminPassword;
  private final HttpClient http = HttpClient.newHttpClient();
  private final TokenEndpoint tokens;
  private String accessToken;
  private Instant tokenTakenAt = Instant.MIN;

  public KeycloakAdminClient(URI keycloakUrl, String adminUser, String adminPassword) {
    this(keycloakUrl, "master", adminUser, adminPassword);
  }

  public KeycloakAdminClient(
      URI keycloakUrl, String adminRealm, String adminUser, String adminPassword) {
    this.keycloakUrl = keycloakUrl;
    this.adminRealm = adminRealm;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.tokens = new TokenEndpoint(keycloakUrl);
  }

  /** GET {@code /admin/realms/...}; fails unless 200. */
  public JsonNode get(String path) {
    HttpResponse<String> response = send("GET", path, null);
    requireStatus(response, 200);
    return readTree(response.body());
  }

  /** GET; empty on 404, fails on any other answer than 200. */
  public Optional<JsonNode> find(String path) {
    HttpResponse<String> response = send("GET", path, null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    requireStatus(response, 200);
    return Optional.of(readTree(response.body()));
  }

  /**
   * POST a JSON body; fails unless 2xx. Returns the id at the end of the Location header, if any.
   */
  public String post(String path, Object body) {
    HttpResponse<String> response = send("POST", path, body);
    requireSuccess(response);
    return response
        .headers()
        .firstValue("Location")
        .map(l -> l.substring(l.lastIndexOf('/') + 1))
        .orElse(null);
  }

  /** POST a JSON body; fails unless 2xx. Returns the JSON the server answers with. */
  public JsonNode postForJson(String path, Object body) {
    HttpResponse<String> response = send("POST", path, body);
    requireSuccess(response);
    return readTree(response.body());
  }

  /** An enabled organisation of {@code realm} with one domain; answers its id. */
  public String createOrganization(String realm, String name, String alias, String domain) {
    return post(
        "/admin/realms/" + realm + "/organizations",
        Map.of(
            "name",
            name,
            "alias",
            alias,
            "enabled",
            true,
            "domains",
            List.of(Map.of("name", domain))));
  }

  public void put(String path, Object body) {
    requireSuccess(send("PUT", path, body));
  }

  public void delete(String path) {
    requireSuccess(send("DELETE", path, null));
  }

  /** Any call, for tests that assert on refusals; {@code body} may be null. */
  public HttpResponse<String> send(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(keycloakUrl.resolve(path))
            .header("Authorization", "Bearer " + token());
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private synchronized String token() {
    if (Instant.now().isAfter(tokenTakenAt.plus(TOKEN_REUSE))) {
      Instant now = Instant.now();
      accessToken =
          tokens.password(adminRealm, "admin-cli", adminUser, adminPassword).accessToken();
      tokenTakenAt = now;
    }
    return accessToken;
  }

  private static void requireStatus(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw failure(response);
    }
  }

  private static void requireSuccess(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw failure(response);
    }
  }

  private static IllegalStateException failure(HttpResponse<String> response) {
    return new IllegalStateException(
        response.request().method()
            + " "
            + response.uri()
            + " answered "
            + response.statusCode()
            + ": "
            + response.body());
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Object body) {
    try {
      return body instanceof String text
          ? JSON.writeValueAsString(text)
          : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
