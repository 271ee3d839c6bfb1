package dev.orgerasure.e2e.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.e2e.benchmark.BenchTenants.Tenant;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * Erasures as the benchmark makes them on one Keycloak (a node or a cluster): started through our
 * admin API as the realm's admin, the way the admin page does, and followed in that Keycloak's
 * database.
 */
final class BenchErasures {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BenchKeycloak keycloak;
  private final Map<String, Member> realmAdmins;

  /**
   * @param realmAdmins the admin allowed to erase, by realm
   */
  BenchErasures(BenchKeycloak keycloak, Map<String, Member> realmAdmins) {
    this.keycloak = keycloak;
    this.realmAdmins = Map.copyOf(realmAdmins);
  }

  /** On the system's one Keycloak node, in the demo's two realms. */
  static BenchErasures of(WholeSystem system, DemoData demo) {
    return new BenchErasures(
        BenchKeycloak.of(system),
        Map.of(
            DemoRealm.REALM, demo.realmAdmin(), DemoRealm.GROUPS_REALM, demo.groupsRealmAdmin()));
  }

  /** The erasure's id and how long its request took (confirm, lockout, hand-over). */
  record Started(String requestId, long requestMillis) {}

  /** An erasure under way: when its request returned and when it completed. */
  final class Erasure {
    private final Started started;
    private long completionMillis;

    private Erasure(Started started) {
      this.started = started;
    }

    long requestMillis() {
      return started.requestMillis();
    }

    /**
     * Keycloak's part after the purge: from the completion notice, sent as the finisher starts, to
     * the erasure's completion (identities deleted, tenant removed, audit written).
     */
    long completionMillis() {
      return completionMillis;
    }

    void awaitCompletion() throws Exception {
      awaitCompleted(started.requestId());
      try (Connection db = keycloak.connect()) {
        completionMillis =
            Long.parseLong(
                ErasureQueries.single(
                    db,
                    "select completed_at - notified_at from org_erasure_request where id = ?",
                    started.requestId()));
      }
    }
  }

  Erasure erase(Tenant tenant, int gracePeriodSeconds) throws Exception {
    return erase(tenant, gracePeriodSeconds, () -> {});
  }

  /**
   * As {@link #erase(Tenant, int)}, running {@code atRequest} after the preparations (vacuum, the
   * admin's sign-in), right before the timed request: what it reads then excludes them.
   */
  Erasure erase(Tenant tenant, int gracePeriodSeconds, Runnable atRequest) throws Exception {
    return new Erasure(
        start(tenant.realm(), tenant.id(), tenant.name(), gracePeriodSeconds, atRequest));
  }

  Started start(Tenant tenant, int gracePeriodSeconds) throws Exception {
    return start(tenant.realm(), tenant.id(), tenant.name(), gracePeriodSeconds);
  }

  /**
   * Starts the erasure of the realm's tenant, confirmed with its name; answers its id and how long
   * the request took.
   */
  Started start(String realm, String tenantId, String tenantName, int gracePeriodSeconds)
      throws Exception {
    return start(realm, tenantId, tenantName, gracePeriodSeconds, () -> {});
  }

  private Started start(
      String realm, String tenantId, String tenantName, int gracePeriodSeconds, Runnable atRequest)
      throws Exception {
    vacuumMemberTable();
    String token = realmAdminToken(realm);
    atRequest.run();
    long start = System.nanoTime();
    HttpResponse<String> started =
        HTTP.send(
            HttpRequest.newBuilder(
                    keycloak
                        .url()
                        .resolve(
                            "/admin/realms/"
                                + realm
                                + "/org-erasure/organizations/"
                                + tenantId
                                + "/erasures"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(30))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of(
                                "confirmation",
                                tenantName,
                                "gracePeriodSeconds",
                                gracePeriodSeconds))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long requestMillis = Measures.millisSince(start);
    if (started.statusCode() != 201) {
      throw new IllegalStateException(
          "Erasure of " + tenantName + " refused: " + started.statusCode() + started.body());
    }
    return new Started(JSON.readTree(started.body()).get("id").asText(), requestMillis);
  }

  void awaitCompleted(String requestId) throws Exception {
    while (!state(requestId).startsWith("COMPLETED")) {
      Thread.sleep(20);
    }
  }

  /** An access token of the realm's admin, as the admin console holds one. */
  String realmAdminToken(String realm) {
    Member realmAdmin = realmAdmins.get(realm);
    return new AdminConsoleLogin(keycloak.publicUrl())
        .login(realm, realmAdmin.username(), realmAdmin.password())
        .requireSuccess()
        .accessToken();
  }

  /**
   * The erasures' member table as production has it between erasures: its rows deleted at the last
   * completion, then vacuumed and analysed (autovacuum does so), so that every lockout starts from
   * statistics that call the table empty while it grows, the state in which a plan that depends on
   * its size can go wrong (docs/benchmarks.md, "Large tenants: where the time goes").
   */
  private void vacuumMemberTable() throws SQLException {
    try (Connection db = keycloak.connect();
        Statement vacuum = db.createStatement()) {
      vacuum.execute("vacuum (analyze) org_erasure_locked_member");
    }
  }

  private String state(String requestId) throws SQLException {
    try (Connection db = keycloak.connect()) {
      return ErasureQueries.state(db, requestId);
    }
  }
}
