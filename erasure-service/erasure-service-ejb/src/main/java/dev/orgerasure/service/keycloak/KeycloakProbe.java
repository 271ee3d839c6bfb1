package dev.orgerasure.service.keycloak;

import dev.orgerasure.service.keycloak.KeycloakStatus.Finding;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks Keycloak, once, what readiness needs to know: does the client-credentials grant of the
 * service's own client succeed (the token it reports purges with), and can the realm's keys be read
 * (what Liberty checks the dispatcher's tokens with). Never throws; every failure is a {@link
 * Finding} naming the setting or address to look at, and never the secret.
 */
public final class KeycloakProbe {

  /** Short: a health poll waits for it, and an answer this slow is a problem in itself. */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final HttpClient http;
  private final Clock clock;
  private final Jsonb jsonb = JsonbBuilder.create();

  public KeycloakProbe(Clock clock) {
    this(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), clock);
  }

  KeycloakProbe(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  public KeycloakStatus probe(
      KeycloakAddresses addresses, String clientId, Optional<String> clientSecret) {
    return new KeycloakStatus(
        client(addresses, clientId, clientSecret), keys(addresses), clock.instant());
  }

  private Finding client(
      KeycloakAddresses addresses, String clientId, Optional<String> clientSecret) {
    if (clientSecret.isEmpty()) {
      return Finding.problem(
          KeycloakSettings.CLIENT_SECRET_VARIABLE
              + " is not set: the service cannot take a token of its client '"
              + clientId
              + "' to report purges to Keycloak (realm "
              + addresses.realm()
              + ")");
    }
    URI endpoint = addresses.tokenEndpoint();
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(clientSecret.get());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return tokenAnswer(response.statusCode(), response.body(), endpoint, clientId);
    } catch (IOException e) {
      return Finding.problem(unreachable("token endpoint", endpoint, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Finding.problem("interrupted while asking Keycloak's token endpoint " + endpoint);
    }
  }

  private Finding keys(KeycloakAddresses addresses) {
    URI jwks;
    try {
      jwks = addresses.jwks();
    } catch (IllegalArgumentException e) {
      return Finding.problem(
          "ERASURE_KEYCLOAK_JWKS_URL is not a URL: "
              + addresses.jwksUrl()
              + " ("
              + e.getMessage()
              + ")");
    }
    HttpRequest request = HttpRequest.newBuilder(jwks).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return jwksAnswer(response.statusCode(), response.body(), jwks, addresses.realm());
    } catch (IOException | IllegalArgumentException e) {
      return Finding.problem(unreachable("keys (JWKS) of realm " + addresses.realm(), jwks, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Finding.problem("interrupted while reading Keycloak's keys at " + jwks);
    }
  }

  /** The token endpoint's answer to the client-credentials grant, judged. */
  Finding tokenAnswer(int status, String body, URI endpoint, String clientId) {
    String error = field(body, "error").orElse("");
    if (status == 200 && field(body, "access_token").isPresent()) {
      return Finding.ok("client '" + clientId + "' takes tokens at " + endpoint);
    }
    if (status == 401 || "invalid_client".equals(error)) {
      return Finding.problem(
          "Keycloak refused the client secret: "
              + endpoint
              + " answered "
              + status
              + (error.isEmpty() ? "" : " " + error)
              + " for client '"
              + clientId
              + "'; set "
              + KeycloakSettings.CLIENT_SECRET_VARIABLE
              + " to that client's secret in Keycloak (its Credentials tab)");
    }
    if (status == 404) {
      return Finding.problem(
          "Keycloak's token endpoint "
              + endpoint
              + " answered 404: no such realm at ERASURE_KEYCLOAK_BACKCHANNEL_URL (yet)");
    }
    return Finding.problem(
        "Keycloak's token endpoint "
            + endpoint
            + " answered "
            + status
            + (error.isEmpty() ? "" : " " + error)
            + field(body, "error_description").map(d -> ": " + abbreviate(d)).orElse("")
            + " for client '"
            + clientId
            + "'");
  }

  /** The JWKS endpoint's answer, judged: a 200 with at least one key. */
  Finding jwksAnswer(int status, String body, URI jwks, String realm) {
    if (status != 200) {
      return Finding.problem(
          "Keycloak's keys of realm "
              + realm
              + " cannot be read: "
              + jwks
              + " answered "
              + status
              + (status == 404 ? " (no such realm there yet; see ERASURE_KEYCLOAK_JWKS_URL)" : ""));
    }
    Object keys = parse(body).get("keys");
    if (!(keys instanceof List<?> list) || list.isEmpty()) {
      return Finding.problem(
          "Keycloak's keys of realm " + realm + " cannot be read: " + jwks + " holds no keys");
    }
    return Finding.ok(list.size() + " key(s) of realm " + realm + " at " + jwks);
  }

  private static String unreachable(String what, URI address, Exception e) {
    String reason =
        e.getMessage() == null || e.getMessage().isBlank()
            ? e.getClass().getSimpleName()
            : e.getClass().getSimpleName() + ": " + abbreviate(e.getMessage());
    return "Keycloak cannot be reached for its " + what + " at " + address + " (" + reason + ")";
  }

  private Optional<String> field(String body, String name) {
    Object value = parse(body).get(name);
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }

  private Map<?, ?> parse(String body) {
    if (body == null || body.isBlank()) {
      return Map.of();
    }
    try {
      Object parsed = jsonb.fromJson(body, Object.class);
      return parsed instanceof Map<?, ?> map ? map : Map.of();
    } catch (JsonbException e) {
      return Map.of();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
