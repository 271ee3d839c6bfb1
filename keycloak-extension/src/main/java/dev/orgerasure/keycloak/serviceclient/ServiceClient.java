package dev.orgerasure.keycloak.serviceclient;

import dev.orgerasure.contract.HandOver;
import dev.orgerasure.contract.OrganizationData;
import dev.orgerasure.contract.PurgeStatus;
import dev.orgerasure.contract.ServedRealm;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.settings.RealmSettings;
import dev.orgerasure.keycloak.support.ContractJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * Talks to the erasure-service as the dispatcher client: a client-credentials token from this
 * Keycloak's token endpoint, then the service's API ({@code POST /erasures}, and the reads the
 * admin page shows: an organisation's data counts and a purge's progress).
 */
public class ServiceClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The check before lockout holds the admin's request, so it waits less than the other calls. */
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final ErasureSettings settings;
  private final String realmName;
  private final String clientSecret;
  private final URI serviceUrl;

  private ServiceClient(
      ErasureSettings settings, String realmName, String clientSecret, URI serviceUrl) {
    this.settings = settings;
    this.realmName = realmName;
    this.clientSecret = clientSecret;
    this.serviceUrl = serviceUrl;
  }

  /**
   * The service as the realm's dispatcher client reaches it. Reads the client's secret now, so the
   * calls may run after the caller's transaction; without that client every call fails and says
   * why.
   */
  public static ServiceClient forRealm(ErasureSettings settings, RealmModel realm) {
    ClientModel dispatcher = realm.getClientByClientId(settings.dispatcherClient());
    String realmServiceUrl = RealmSettings.get(realm, RealmSettings.SERVICE_URL);
    return new ServiceClient(
        settings,
        realm.getName(),
        dispatcher == null ? null : dispatcher.getSecret(),
        realmServiceUrl == null || realmServiceUrl.isBlank()
            ? settings.serviceUrl()
            : URI.create(realmServiceUrl.strip()));
  }

  /**
   * Why this realm's erasures could never be handed over (docs/contract.md, "The realm rule"):
   * Keycloak or the service refused the dispatcher, or the service serves another realm. Empty when
   * the service accepts this realm, and also when it cannot be asked now: a service that is down is
   * no reason to refuse.
   */
  public Optional<String> whyHandOverIsImpossible() throws InterruptedException {
    if (clientSecret == null) {
      return Optional.of("it has no client " + settings.dispatcherClient());
    }
    HttpResponse<String> response;
    try {
      response =
          HTTP.send(
              HttpRequest.newBuilder(serviceUri(ServiceApi.SERVED_REALM))
                  .timeout(CHECK_TIMEOUT)
                  .header("Authorization", "Bearer " + dispatcherToken())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (TokenRefusedException e) {
      return Optional.of(e.getMessage());
    } catch (IOException unreachable) {
      return Optional.empty();
    }
    return switch (response.statusCode()) {
      case 200 ->
          servedRealm(response.body())
              .filter(served -> !served.equals(realmName))
              .map(served -> "the erasure-service serves realm " + served);
      case 401, 403 ->
          Optional.of(
              "the erasure-service does not accept this realm's dispatcher "
                  + settings.dispatcherClient()
                  + " ("
                  + response.statusCode()
                  + serviceMessage(response.body()).map(message -> ": " + message).orElse("")
                  + ")");
      default -> Optional.empty();
    };
  }

  /** The sentence of the service's own refusals ({@code {"error", "message"}}), if it is one. */
  private static Optional<String> serviceMessage(String body) {
    try {
      return Optional.of(JsonSerialization.mapper.readTree(body).path("message").asText())
          .filter(message -> !message.isBlank());
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  private static Optional<String> servedRealm(String body) {
    try {
      return Optional.of(ContractJson.read(body, ServedRealm.class).realm());
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /** Hands the erasure over; throws with a readable reason when the service did not accept it. */
  public void handOver(HandOver request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(serviceUri(ServiceApi.ERASURES))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ContractJson.write(request))));
    if (response.statusCode() != 200 && response.statusCode() != 202) {
      throw new IOException("The erasure-service answered " + response.statusCode());
    }
  }

  /** The service's inventory counts for one organisation: rows per table and files. */
  public OrganizationData organizationData(String organizationId)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(serviceUri(ServiceApi.organizationData(encode(organizationId))))
                .GET());
    return ContractJson.read(expectOk(response), OrganizationData.class);
  }

  /** The same counts for many organisations in one call, in the order asked. */
  public List<OrganizationData> organizationData(List<String> organizationIds)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(serviceUri(ServiceApi.ORGANIZATIONS_DATA))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ContractJson.write(organizationIds))));
    return List.of(ContractJson.read(expectOk(response), OrganizationData[].class));
  }

  /**
   * The purge of a handed-over erasure as the service reports it; empty when the service has none.
   */
  public Optional<PurgeStatus> purgeStatus(String requestId)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(serviceUri(ServiceApi.erasure(encode(requestId)))).GET());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(ContractJson.read(expectOk(response), PurgeStatus.class));
  }

  /**
   * Asks the service to cancel the purge; empty when it did, else why not (its grace period is
   * over). A purge the service does not know is nothing to cancel there.
   */
  public Optional<String> cancel(String requestId) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(serviceUri(ServiceApi.cancel(encode(requestId))))
                .POST(HttpRequest.BodyPublishers.noBody()));
    return switch (response.statusCode()) {
      case 200, 404 -> Optional.empty();
      case 409 ->
          Optional.of(
              serviceMessage(response.body())
                  .orElse("The grace period is over: the purge has started"));
      default -> throw new IOException("The erasure-service answered " + response.statusCode());
    };
  }

  /** Asks the service to try the files it could not delete again, now; answers its status. */
  public PurgeStatus retryFailedFiles(String requestId) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(serviceUri(ServiceApi.failedFilesRetry(encode(requestId))))
                .POST(HttpRequest.BodyPublishers.noBody()));
    return ContractJson.read(expectOk(response), PurgeStatus.class);
  }

  /** Whether the call failed before any connection to the service was made: it never arrived. */
  public static boolean neverConnected(Exception failure) {
    return failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException;
  }

  /** A sentence for an admin about why a call to the service failed. */
  public String describe(Exception failure) {
    if (neverConnected(failure)) {
      return "The erasure-service could not be reached at " + serviceUrl;
    }
    return failure.getMessage();
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(
        request.timeout(TIMEOUT).header("Authorization", "Bearer " + dispatcherToken()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String dispatcherToken() throws IOException, InterruptedException {
    if (clientSecret == null) {
      throw new IOException(
          "The client " + settings.dispatcherClient() + " is missing in realm " + realmName);
    }
    String form =
        "grant_type=client_credentials&client_id="
            + encode(settings.dispatcherClient())
            + "&client_secret="
            + encode(clientSecret);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        settings.keycloakUrl()
                            + "/realms/"
                            + encode(realmName)
                            + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new TokenRefusedException(
          "Keycloak refused the dispatcher "
              + settings.dispatcherClient()
              + " a token ("
              + response.statusCode()
              + ")");
    }
    return JsonSerialization.mapper.readTree(response.body()).path("access_token").asText();
  }

  private URI serviceUri(String path) {
    return URI.create(serviceUrl + "/" + path);
  }

  private static String expectOk(HttpResponse<String> response) throws IOException {
    if (response.statusCode() != 200) {
      throw new IOException("The erasure-service answered " + response.statusCode());
    }
    return response.body();
  }

  /** Keycloak answered the token request and said no: asking again will not help. */
  private static class TokenRefusedException extends IOException {
    TokenRefusedException(String message) {
      super(message);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
