package dev.orgerasure.e2e.benchmark;

import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.e2e.benchmark.BenchErasures.Started;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.harness.WholeSystemOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
      BenchErasures erasures = BenchErasures.of(system, demo);
      List<DemoOrg> orgs = new ArrayList<>(demo.orgs());
      orgs.sort(Comparator.comparingInt(org -> org.members().size()));
      List<DemoOrg> groupTenants = new ArrayList<>(demo.groupTenants());
      groupTenants.sort(Comparator.comparingInt(tenant -> tenant.members().size()));
      List<Result> results = new ArrayList<>();
      for (DemoOrg org : orgs) {
        results.add(
            erase(
                erasures,
                new Realm("organization", DemoRealm.REALM, system::learningDatabase),
                org));
      }
      for (DemoOrg tenant : groupTenants) {
        results.add(
            erase(
                erasures,
                new Realm("group", DemoRealm.GROUPS_REALM, system::groupsLearningDatabase),
                tenant));
      }
      String table = table(results);
      System.out.println(table);
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, table);
    }
    System.exit(0);
  }

  /** Where a tenant kind lives: its realm and its service's app database. */
  private record Realm(String kind, String name, Callable<Connection> appDatabase) {}

  private static Result erase(BenchErasures erasures, Realm realm, DemoOrg org) throws Exception {
    long appRows = appRows(realm, org.id());
    Started started = erasures.start(realm.name(), org.id(), org.name(), 0);
    long afterRequest = System.nanoTime();
    erasures.awaitCompleted(started.requestId());
    long totalMillis = started.requestMillis() + Measures.millisSince(afterRequest);
    long purgeMillis = purgeMillis(realm, started.requestId());
    return new Result(
        realm.kind(),
        org.name(),
        org.members().size(),
        appRows,
        started.requestMillis(),
        purgeMillis,
        totalMillis - started.requestMillis() - purgeMillis,
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
      for (InventoryTable table : DeclaredInventory.learningPlatform().tables()) {
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
}
