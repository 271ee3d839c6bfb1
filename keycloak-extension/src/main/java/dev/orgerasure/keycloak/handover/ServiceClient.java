package dev.orgerasure.keycloak.handover;

import dev.orgerasure.contract.HandOver;
import dev.orgerasure.contract.OrganizationData;
import dev.orgerasure.contract.PurgeStatus;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.keycloak.erasure.ContractJson;
import dev.orgerasure.keycloak.settings.ErasureSettings;
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

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final ErasureSettings settings;
  private final String realmName;
  private final String clientSecret;

  private ServiceClient(ErasureSettings settings, String realmName, String clientSecret) {
    this.settings = settings;
    this.realmName = realmName;
    this.clientSecret = clientSecret;
  }

  /**
   * The service as the realm's dispatcher client reaches it. Reads the client's secret now, so the
   * calls may run after the caller's transaction; without that client every call fails and says
   * why.
   */
  public static ServiceClient forRealm(ErasureSettings settings, RealmModel realm) {
    ClientModel dispatcher = realm.getClientByClientId(settings.dispatcherClient());
    return new ServiceClient(
        settings, realm.getName(), dispatcher == null ? null : dispatcher.getSecret());
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

  /** Asks the service to try the files it could not delete again, now; answers its status. */
  public PurgeStatus retryFailedFiles(String requestId) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(serviceUri(ServiceApi.failedFilesRetry(encode(requestId))))
                .POST(HttpRequest.BodyPublishers.noBody()));
    return ContractJson.read(expectOk(response), PurgeStatus.class);
  }

  /** A sentence for an admin about why a call to the service failed. */
  public String describe(Exception failure) {
    if (failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException) {
      return "The erasure-service could not be reached at " + settings.serviceUrl();
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
      throw new IOException(
          "Keycloak refused the dispatcher's token (" + response.statusCode() + ")");
    }
    return JsonSerialization.mapper.readTree(response.body()).path("access_token").asText();
  }

  private URI serviceUri(String path) {
    return URI.create(settings.serviceUrl() + "/" + path);
  }

  private static String expectOk(HttpResponse<String> response) throws IOException {
    if (response.statusCode() != 200) {
      throw new IOException("The erasure-service answered " + response.statusCode());
    }
    return response.body();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
