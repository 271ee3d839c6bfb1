package dev.orgerasure.e2e.benchmark;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.harness.WholeSystemOptions;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Erases each demo tenant, smallest to largest, organisations of realm {@code learning} then group
 * tenants of realm {@code learning-groups} (each realm has its own service), on the real system
 * with production settings, and reports how long each phase took: the request (confirm + lockout +
 * hand-over), the purge in the service, and the completion in Keycloak. Prints a table and writes
 * it to {@code target/benchmarks/end-to-end.txt}. Run: {@code ./mvnw -Pbenchmark verify
 * -DskipTests}.
 */
public final class EndToEndErasureBenchmark {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private record Result(
      String kind,
      String org,
      int members,
      long appRows,
      long requestMillis,
      long purgeMillis,
      long completionMillis,
      long totalMillis) {}

  private EndToEndErasureBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path output =
        Path.of(System.getProperty("erasure.benchmark.output", "target/benchmarks/end-to-end.txt"));
    try (WholeSystem system = WholeSystem.start(WholeSystemOptions.freePorts("benchmark"))) {
      DemoData demo = DemoData.load(system);
      List<DemoOrg> orgs = new ArrayList<>(demo.orgs());
      orgs.sort(Comparator.comparingInt(org -> org.members().size()));
      List<DemoOrg> groupTenants = new ArrayList<>(demo.groupTenants());
      groupTenants.sort(Comparator.comparingInt(tenant -> tenant.members().size()));
      List<Result> results = new ArrayList<>();
      for (DemoOrg org : orgs) {
        results.add(
            erase(
                system,
                new Realm(
                    "organization", DemoRealm.REALM, demo.realmAdmin(), system::learningDatabase),
                org));
      }
      for (DemoOrg tenant : groupTenants) {
        results.add(
            erase(
                system,
                new Realm(
                    "group",
                    DemoRealm.GROUPS_REALM,
                    demo.groupsRealmAdmin(),
                    system::groupsLearningDatabase),
                tenant));
      }
      String table = table(results);
      System.out.println(table);
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, table);
    }
    System.exit(0);
  }

  /** Where a tenant kind lives: its realm, the realm's admin and its service's app database. */
  private record Realm(String kind, String name, Member admin, Callable<Connection> appDatabase) {}

  private static Result erase(WholeSystem system, Realm realm, DemoOrg org) throws Exception {
    long appRows = appRows(realm, org.id());
    String token =
        new AdminConsoleLogin(system.keycloakUrl())
            .login(realm.name(), realm.admin().username(), realm.admin().password())
            .requireSuccess()
            .accessToken();
    long start = System.nanoTime();
    HttpResponse<String> started =
        HTTP.send(
            HttpRequest.newBuilder(
                    system
                        .keycloakUrl()
                        .resolve(
                            "/admin/realms/"
                                + realm.name()
                                + "/org-erasure/organizations/"
                                + org.id()
                                + "/erasures"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"confirmation\":\"" + org.name() + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long requestMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    if (started.statusCode() != 201) {
      throw new IllegalStateException("Erasure of " + org.name() + " refused: " + started.body());
    }
    String requestId = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    while (!List.of("COMPLETED", "COMPLETED_WITH_ERRORS").contains(state(system, requestId))) {
      Thread.sleep(20);
    }
    long totalMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    long purgeMillis = purgeMillis(realm, requestId);
    return new Result(
        realm.kind(),
        org.name(),
        org.members().size(),
        appRows,
        requestMillis,
        purgeMillis,
        totalMillis - requestMillis - purgeMillis,
        totalMillis);
  }

  private static String table(List<Result> results) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "%-13s %-18s %8s %9s %12s %10s %14s %10s%n",
            "kind",
            "tenant",
            "members",
            "app rows",
            "request ms",
            "purge ms",
            "completion ms",
            "total ms"));
    for (Result r : results) {
      table.append(
          String.format(
              "%-13s %-18s %8d %9d %12d %10d %14d %10d%n",
              r.kind(),
              r.org(),
              r.members(),
              r.appRows(),
              r.requestMillis(),
              r.purgeMillis(),
              r.completionMillis(),
              r.totalMillis()));
    }
    table
        .append(
            "request = confirm + lockout + hand-over (one HTTP call); purge = service, first batch to last;")
        .append(System.lineSeparator())
        .append("completion = the rest: report, identities deleted, org removed, audit written.")
        .append(System.lineSeparator());
    return table.toString();
  }

  private static long appRows(Realm realm, String orgId) throws Exception {
    long rows = 0;
    try (Connection db = realm.appDatabase().call()) {
      for (InventoryTable table : DataInventory.appTablesInPurgeOrder()) {
        rows +=
            Long.parseLong(
                ErasureQueries.single(
                    db, "select count(*) from " + table.name() + " where org_id = ?", orgId));
      }
    }
    return rows;
  }

  private static long purgeMillis(Realm realm, String requestId) throws Exception {
    try (Connection db = realm.appDatabase().call()) {
      return ErasureQueries.purgeMillis(db, requestId);
    }
  }

  private static String state(WholeSystem system, String requestId) throws SQLException {
    try (Connection db = system.keycloakDatabase()) {
      return ErasureQueries.state(db, requestId);
    }
  }
}
