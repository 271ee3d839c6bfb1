package dev.orgerasure.service.purge;

import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.service.keycloak.KeycloakSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Tells Keycloak that an organisation's app data is purged: {@code POST
 * {backchannel-url}/realms/{realm}/org-erasure/erasures/{requestId}/app-data-purged} with a
 * client-credentials token of the service's own client. Any failure is returned, never thrown: the
 * caller retries.
 */
@ApplicationScoped
public class KeycloakReporter {

  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration TOKEN_EXPIRY_MARGIN = Duration.ofSeconds(30);

  @Inject private KeycloakSettings keycloak;

  private HttpClient http;
  private Jsonb jsonb;

  private String cachedToken;
  private Instant cachedTokenExpiry = Instant.MIN;

  @PostConstruct
  void open() {
    http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    jsonb = JsonbBuilder.create();
  }

  public ReportOutcome report(PurgeReport report) {
    try {
      String token = accessToken(false);
      HttpResponse<String> response = post(report, token);
      if (response.statusCode() == 401) {
        response = post(report, accessToken(true));
      }
      if (response.statusCode() / 100 == 2) {
        return ReportOutcome.success();
      }
      return ReportOutcome.failed(
          "Keycloak answered " + response.statusCode() + ": " + abbreviate(response.body()));
    } catch (IOException | RuntimeException e) {
      return ReportOutcome.failed(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ReportOutcome.failed("interrupted");
    }
  }

  private HttpResponse<String> post(PurgeReport report, String token)
      throws IOException, InterruptedException {
    URI callback = keycloak.addresses().appDataPurged(report.requestId());
    HttpRequest request =
        HttpRequest.newBuilder(callback)
            .timeout(HTTP_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(jsonb.toJson(report)))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private synchronized String accessToken(boolean renew) throws IOException, InterruptedException {
    if (!renew && cachedToken != null && Instant.now().isBefore(cachedTokenExpiry)) {
      return cachedToken;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + encode(keycloak.clientId())
            + "&client_secret="
            + encode(
                keycloak
                    .clientSecret()
                    .orElseThrow(
                        () ->
                            new IOException(
                                KeycloakSettings.CLIENT_SECRET_VARIABLE
                                    + " is not set: the service cannot take"
                                    + " a token to report to Keycloak")));
    HttpRequest request =
        HttpRequest.newBuilder(keycloak.addresses().tokenEndpoint())
            .timeout(HTTP_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "token endpoint answered " + response.statusCode() + ": " + abbreviate(response.body()));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> token = jsonb.fromJson(response.body(), Map.class);
    Object accessToken = token.get("access_token");
    if (!(accessToken instanceof String)) {
      throw new IOException("token endpoint gave no access_token");
    }
    long expiresIn = token.get("expires_in") instanceof Number n ? n.longValue() : 60;
    cachedToken = (String) accessToken;
    cachedTokenExpiry = Instant.now().plusSeconds(expiresIn).minus(TOKEN_EXPIRY_MARGIN);
    return cachedToken;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
