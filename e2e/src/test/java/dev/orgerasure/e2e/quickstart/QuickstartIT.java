package dev.orgerasure.e2e.quickstart;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.harness.FreePorts;
import dev.orgerasure.e2e.harness.KeycloakServer;
import dev.orgerasure.e2e.harness.PostgresServer;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The quickstart as a user runs it: its own JVM, on an existing PostgreSQL named by {@code
 * ERASURE_EXTERNAL_DB_*} (a second embedded PostgreSQL, started here as that "external" server),
 * stopped by a signal. The tests run in order on one quickstart: it comes up, erases an
 * organisation, and stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickstartIT {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
  private static final String ERASED = "Initech Training";

  private static EmbeddedPostgres external;
  private static Process quickstart;
  private static int keycloakPort;
  private static int libertyPort;

  @BeforeAll
  static void startOnAnExternalPostgres() throws Exception {
    external = EmbeddedPostgres.builder().setPort(FreePorts.find()).start();
    keycloakPort = FreePorts.find();
    libertyPort = FreePorts.findPair();
    Path output =
        Files.createTempFile(
            Path.of(System.getProperty("erasure.e2e.work-dir")), "quickstart-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Derasure.e2e.work-dir=" + System.getProperty("erasure.e2e.work-dir"),
                    "-Derasure.e2e.liberty-server-dir="
                        + System.getProperty("erasure.e2e.liberty-server-dir"),
                    "-Derasure.e2e.learning-platform-dir="
                        + System.getProperty("erasure.e2e.learning-platform-dir"),
                    "-Dot.epg.working-dir=" + System.getProperty("ot.epg.working-dir"),
                    "-Derasure.quickstart.keycloak-port=" + keycloakPort,
                    "-Derasure.quickstart.liberty-port=" + libertyPort,
                    "-Derasure.quickstart.smtp-port=" + FreePorts.find(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Quickstart.class.getName()))
            .redirectErrorStream(true);
    builder
        .environment()
        .putAll(
            Map.of(
                "ERASURE_EXTERNAL_DB_URL", externalUrl("postgres"),
                "ERASURE_EXTERNAL_DB_USER", "postgres",
                "ERASURE_EXTERNAL_DB_PASSWORD", "postgres"));
    quickstart = builder.start();
    awaitReadyLine(quickstart, output);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (quickstart != null) {
      quickstart.descendants().forEach(ProcessHandle::destroyForcibly);
      quickstart.destroyForcibly();
    }
    if (external != null) {
      external.close();
    }
  }

  @Test
  @Order(1)
  void quickstartComesUpWithItsDatabasesOnTheExternalPostgres() throws Exception {
    assertEquals(200, status(URI.create("http://127.0.0.1:" + keycloakPort + "/realms/learning")));
    assertEquals(200, status(URI.create("http://127.0.0.1:" + libertyPort + "/health/ready")));
    try (Connection learning = externalDatabase(PostgresServer.LEARNING_DB)) {
      assertEquals(1, count(learning, "SELECT count(*) FROM organizations WHERE name = ?", ERASED));
    }
  }

  @Test
  @Order(2)
  void anOrganisationIsErasedThereEndToEnd() throws Exception {
    KeycloakAdminClient admin =
        new KeycloakAdminClient(
            keycloakUrl(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
    JsonNode org =
        admin
            .get("/admin/realms/learning/organizations?exact=true&search=Initech%20Training")
            .get(0);
    String orgId = org.path("id").asText();

    String realmAdmin =
        new AdminConsoleLogin(keycloakUrl())
            .login(DemoRealm.REALM, DemoRealm.REALM_ADMIN_USERNAME, DemoRealm.REALM_ADMIN_PASSWORD)
            .accessToken();

    HttpResponse<String> started =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        keycloakUrl()
                            .resolve(
                                "/admin/realms/learning/org-erasure/organizations/"
                                    + orgId
                                    + "/erasures"))
                    .header("Authorization", "Bearer " + realmAdmin)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"confirmation\":\"" + ERASED + "\",\"gracePeriodSeconds\":0}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(201, started.statusCode(), started.body());

    await("the erasure of " + ERASED + " on the external PostgreSQL")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              try (Connection keycloak = externalDatabase(PostgresServer.KEYCLOAK_DB)) {
                return count(
                        keycloak,
                        "SELECT count(*) FROM org_erasure_request"
                            + " WHERE organization_id = ? AND state = 'COMPLETED'",
                        orgId)
                    == 1;
              }
            });
    try (Connection learning = externalDatabase(PostgresServer.LEARNING_DB)) {
      assertEquals(
          0, count(learning, "SELECT count(*) FROM organizations WHERE org_id = ?", orgId));
      assertEquals(
          1,
          count(
              learning,
              "SELECT count(*) FROM erasure.purge WHERE org_id = ? AND state = 'REPORTED'",
              orgId));
    }
  }

  @Test
  @Order(3)
  void quickstartStopsOnSigtermLeavingNoProcess() throws Exception {
    List<ProcessHandle> children = new ArrayList<>(quickstart.descendants().toList());
    assertTrue(
        children.size() >= 3, "kc.sh, Keycloak and Liberty run below the quickstart: " + children);

    quickstart.destroy();

    assertTrue(quickstart.waitFor(2, TimeUnit.MINUTES), "quickstart still running after SIGTERM");
    assertEquals(0, quickstart.exitValue());
    assertEquals(
        List.of(),
        children.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
  }

  private static URI keycloakUrl() {
    return URI.create("http://127.0.0.1:" + keycloakPort);
  }

  private static String externalUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + external.getPort() + "/" + database;
  }

  private static Connection externalDatabase(String database) throws Exception {
    return DriverManager.getConnection(externalUrl(database), "postgres", "postgres");
  }

  private static long count(Connection db, String sql, String parameter) throws Exception {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Copies the quickstart's output to a file while waiting for the ready line. */
  private static void awaitReadyLine(Process quickstart, Path output) throws Exception {
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(quickstart.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  Files.writeString(output, line + "\n", StandardOpenOption.APPEND);
                  if (line.equals(Quickstart.READY_LINE)) {
                    ready.complete(true);
                  }
                }
              } catch (Exception e) {
                ready.completeExceptionally(e);
              }
              ready.complete(false);
            });
    reader.setDaemon(true);
    reader.start();
    if (!ready.get(START_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
      fail("quickstart ended without " + Quickstart.READY_LINE + "; its output is in " + output);
    }
  }

  private static int status(URI url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
