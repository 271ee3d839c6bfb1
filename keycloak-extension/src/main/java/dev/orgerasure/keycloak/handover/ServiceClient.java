package dev.orgerasure.keycloak.handover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.keycloak.config.ErasureSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.keycloak.util.JsonSerialization;

/**
 * Talks to the erasure-service as the dispatcher client: a client-credentials token from this
 * Keycloak's token endpoint, then {@code POST /erasures}.
 */
public class ServiceClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** What the service must be told about an erasure; the JSON body of {@code POST /erasures}. */
    public record HandOverRequest(String requestId, String organizationId, String organizationName, int gracePeriodSeconds) {
    }

    private final ErasureSettings settings;

    public ServiceClient(ErasureSettings settings) {
        this.settings = settings;
    }

    /** Hands the erasure over; throws with a readable reason when the service did not accept it. */
    public void handOver(String realmName, String clientSecret, HandOverRequest request) throws IOException, InterruptedException {
        String token = dispatcherToken(realmName, clientSecret);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(settings.serviceUrl() + "/erasures"))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JsonSerialization.writeValueAsBytes(request)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw new IOException("The erasure-service answered " + response.statusCode());
        }
    }

    private String dispatcherToken(String realmName, String clientSecret) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.dispatcherClient())
                + "&client_secret=" + encode(clientSecret);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(settings.keycloakUrl()
                                + "/realms/" + encode(realmName) + "/protocol/openid-connect/token"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak refused the dispatcher's token (" + response.statusCode() + ")");
        }
        JsonNode json = JsonSerialization.mapper.readTree(response.body());
        return json.path("access_token").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
