package dev.orgerasure.e2e.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Direct calls to a realm's OpenID Connect token endpoint: password, refresh, client credentials,
 * code.
 */
public final class TokenEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI keycloakUrl;
  private final HttpClient http;

  public TokenEndpoint(URI keycloakUrl) {
    this(keycloakUrl, HttpClient.newHttpClient());
  }

  TokenEndpoint(URI keycloakUrl, HttpClient http) {
    this.keycloakUrl = keycloakUrl;
    this.http = http;
  }

  /** Resource-owner password grant with {@code scope=openid}. */
  public TokenResponse password(String realm, String clientId, String username, String password) {
    return password(realm, clientId, username, password, false);
  }

  /** Resource-owner password grant; with {@code offline} the refresh token is an offline token. */
  public TokenResponse password(
      String realm, String clientId, String username, String password, boolean offline) {
    return post(
        realm,
        form(
            "grant_type", "password",
            "client_id", clientId,
            "username", username,
            "password", password,
            "scope", offline ? "openid offline_access" : "openid"));
  }

  public TokenResponse refresh(String realm, String clientId, String refreshToken) {
    return post(
        realm,
        form("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
  }

  /** A service-account token of a confidential client. */
  public TokenResponse clientCredentials(String realm, String clientId, String clientSecret) {
    return post(
        realm,
        form(
            "grant_type",
            "client_credentials",
            "client_id",
            clientId,
            "client_secret",
            clientSecret));
  }

  TokenResponse authorizationCode(
      String realm, String clientId, String code, String redirectUri, String verifier) {
    return post(
        realm,
        form(
            "grant_type", "authorization_code",
            "client_id", clientId,
            "code", code,
            "redirect_uri", redirectUri,
            "code_verifier", verifier));
  }

  URI realmUrl(String realm) {
    return keycloakUrl.resolve("/realms/" + realm + "/");
  }

  private TokenResponse post(String realm, String form) {
    HttpRequest request =
        HttpRequest.newBuilder(realmUrl(realm).resolve("protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new TokenResponse(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String form(String... keysAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return form(fields);
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
