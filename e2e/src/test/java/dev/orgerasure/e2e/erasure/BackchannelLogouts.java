package dev.orgerasure.e2e.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.orgerasure.e2e.harness.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/**
 * An application's back-channel logout endpoint on loopback: records the claims of every logout
 * token Keycloak posts to it, as an OIDC client that asked for back-channel logout receives them.
 */
final class BackchannelLogouts implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();

  private BackchannelLogouts(HttpServer server) {
    this.server = server;
  }

  static BackchannelLogouts start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.find()), 0);
      BackchannelLogouts logouts = new BackchannelLogouts(server);
      server.createContext(
          "/logout",
          exchange -> {
            String form =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : form.split("&")) {
              if (pair.startsWith("logout_token=")) {
                logouts.received.add(
                    claims(
                        URLDecoder.decode(
                            pair.substring("logout_token=".length()), StandardCharsets.UTF_8)));
              }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      return logouts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A public client of the tenancy's realm with direct grants, whose back-channel logout URL is
   * this endpoint; answers its client id.
   */
  String registerClient(Tenancy tenancy) {
    String clientId = "backchannel-app-" + UUID.randomUUID().toString().substring(0, 8);
    tenancy
        .masterAdmin()
        .post(
            tenancy.adminPath() + "/clients",
            Map.of(
                "clientId",
                clientId,
                "publicClient",
                true,
                "directAccessGrantsEnabled",
                true,
                "standardFlowEnabled",
                false,
                "attributes",
                Map.of(
                    "backchannel.logout.url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/logout",
                    "backchannel.logout.session.required",
                    "true")));
    return clientId;
  }

  /** The claims of the logout token for this session, once it arrived. */
  JsonNode await(String sessionId, Duration timeout) {
    List<JsonNode> tokens =
        Awaitility.await("the back-channel logout of session " + sessionId)
            .atMost(timeout)
            .pollInSameThread()
            .pollInterval(Duration.ofMillis(50))
            .until(() -> List.copyOf(received), seen -> ofSession(seen, sessionId).isPresent());
    return ofSession(tokens, sessionId).orElseThrow();
  }

  private static Optional<JsonNode> ofSession(List<JsonNode> tokens, String sessionId) {
    return tokens.stream()
        .filter(token -> sessionId.equals(token.path("sid").asText()))
        .findFirst();
  }

  static JsonNode claims(String jwt) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
