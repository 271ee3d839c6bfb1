package dev.orgerasure.e2e.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.e2e.demo.DemoRealm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The extension's admin API, {@code /admin/realms/learning/org-erasure}, called as a given admin.
 */
final class ErasureAdminApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String accessToken;

  ErasureAdminApi(URI keycloakUrl, String accessToken) {
    this(keycloakUrl, DemoRealm.REALM, accessToken);
  }

  ErasureAdminApi(URI keycloakUrl, String realm, String accessToken) {
    this.base = keycloakUrl.resolve("/admin/realms/" + realm + "/org-erasure/");
    this.accessToken = accessToken;
  }

  /** A response whose body is read as JSON when it is JSON. */
  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String errorMessage() {
      return json().path("errorMessage").asText();
    }
  }

  Answer startErasure(String organizationId, String confirmation) {
    return startErasure(organizationId, confirmation, 0);
  }

  Answer startErasure(String organizationId, String confirmation, int gracePeriodSeconds) {
    try {
      return startErasureWithBody(
          organizationId,
          JSON.writeValueAsString(
              Map.of("confirmation", confirmation, "gracePeriodSeconds", gracePeriodSeconds)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Answer startErasure(
      String organizationId, String confirmation, int gracePeriodSeconds, String memberPolicy) {
    try {
      return startErasureWithBody(
          organizationId,
          JSON.writeValueAsString(
              Map.of(
                  "confirmation",
                  confirmation,
                  "gracePeriodSeconds",
                  gracePeriodSeconds,
                  "memberPolicy",
                  memberPolicy)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Answer startErasureWithBody(String organizationId, String rawBody) {
    return send(
        HttpRequest.newBuilder(base.resolve("organizations/" + organizationId + "/erasures"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(rawBody)));
  }

  Answer membersPreview(String organizationId) {
    return send(
        HttpRequest.newBuilder(base.resolve("organizations/" + organizationId + "/members-preview"))
            .GET());
  }

  Answer selfServiceErasers(String organizationId) {
    return send(
        HttpRequest.newBuilder(
                base.resolve("organizations/" + organizationId + "/self-service-erasers"))
            .GET());
  }

  Answer allowSelfServiceEraser(String organizationId, String userId) {
    return send(
        HttpRequest.newBuilder(
                base.resolve("organizations/" + organizationId + "/self-service-erasers/" + userId))
            .PUT(HttpRequest.BodyPublishers.noBody()));
  }

  Answer erasures() {
    return send(HttpRequest.newBuilder(base.resolve("erasures")).GET());
  }

  Answer organizations() {
    return send(HttpRequest.newBuilder(base.resolve("organizations?max=500")).GET());
  }

  /** The organisation's app-data counts, as the erase dialog shows them. */
  Answer appData(String organizationId) {
    return send(
        HttpRequest.newBuilder(base.resolve("organizations/" + organizationId + "/app-data"))
            .GET());
  }

  /** The page's batched app-data counts of its first page of organisations. */
  Answer appDataPage() {
    return send(HttpRequest.newBuilder(base.resolve("organizations/app-data?max=1000")).GET());
  }

  /** {@code GET audit/<path>}: the audit log's records, export, receipt. */
  Answer auditGet(String path) {
    return send(HttpRequest.newBuilder(base.resolve("audit/" + path)).GET());
  }

  /** {@code POST audit/verify}: the check of the whole log. */
  Answer auditVerify() {
    return send(
        HttpRequest.newBuilder(base.resolve("audit/verify"))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** {@code POST erasures/{id}/retry}: try a failing hand-over now. */
  Answer retryHandOver(String id) {
    return send(
        HttpRequest.newBuilder(base.resolve("erasures/" + id + "/retry"))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** {@code POST erasures/{id}/cancel}: cancel during the grace period. */
  Answer cancel(String id) {
    return send(
        HttpRequest.newBuilder(base.resolve("erasures/" + id + "/cancel"))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** {@code GET erasures/{id}/purge}: the service's purge of the erasure. */
  Answer purge(String id) {
    return send(HttpRequest.newBuilder(base.resolve("erasures/" + id + "/purge")).GET());
  }

  Answer erasure(String id) {
    return send(HttpRequest.newBuilder(base.resolve("erasures/" + id)).GET());
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.header("Authorization", "Bearer " + accessToken).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
