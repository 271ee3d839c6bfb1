package dev.orgerasure.e2e.benchmark;

import dev.orgerasure.e2e.benchmark.BenchErasures.Erasure;
import dev.orgerasure.e2e.benchmark.BenchTenants.Tenant;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.harness.EmbeddedPostgresServer;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.harness.WholeSystemOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The identity deletion of one organisation on the system's single Keycloak node, alone, after the
 * benchmark's warm-up, a few rounds: the lockout, Keycloak's completion (as the benchmark tables
 * time it), the part of it spent deleting members (Keycloak's {@code
 * org_erasure_identity_deletion_seconds}) and the CPU each server spent. With {@code
 * -Derasure.benchmark.jfr=<dir>} each round's deletion is recorded by Java Flight Recorder in
 * Keycloak's JVM, from the lockout's answer to the completion. Sizes: {@code
 * -Derasure.benchmark.members} (5,000), {@code .signed-in} (500), {@code .rounds} (2).
 */
public final class DeletionProfile {

  private static final int WARM_UP_MEMBERS = 500;
  private static final String DELETION_SECONDS = "org_erasure_identity_deletion_seconds_sum";

  private DeletionProfile() {}

  public static void main(String[] args) throws Exception {
    int members = Integer.getInteger("erasure.benchmark.members", 5_000);
    int signedIn = Integer.getInteger("erasure.benchmark.signed-in", 500);
    int rounds = Integer.getInteger("erasure.benchmark.rounds", 2);
    String jfr = System.getProperty("erasure.benchmark.jfr", "");
    try (WholeSystem system =
        WholeSystem.start(WholeSystemOptions.freePorts("benchmark-profile"))) {
      DemoData demo = DemoData.load(system);
      BenchTenants tenants =
          new BenchTenants(BenchKeycloak.of(system), DemoData.masterAdmin(system), DemoRealm.REALM);
      tenants.cheapPasswords(DemoRealm.REALM);
      BenchErasures erasures = BenchErasures.of(system, demo);
      Map<String, Supplier<Duration>> servers = new LinkedHashMap<>();
      servers.put("Keycloak", system::keycloakCpuTime);
      if (system.postgres() instanceof EmbeddedPostgresServer postgres) {
        servers.put("PostgreSQL", postgres::cpuTime);
      }
      ServerCpu cpu = new ServerCpu(servers);
      erasures
          .erase(
              tenants.organization(
                  "Bench Warm-up", WARM_UP_MEMBERS, WARM_UP_MEMBERS / 10, "UNMANAGED"),
              0)
          .awaitCompletion();
      for (int round = 1; round <= rounds; round++) {
        Tenant tenant =
            tenants.organization("Bench Profile " + round, members, signedIn, "UNMANAGED");
        long adminEvents = tenants.adminEvents(DemoRealm.REALM);
        double deletionBefore = metric(system, DELETION_SECONDS);
        Erasure erasure = erasures.erase(tenant, 0);
        ServerCpu.Reading answered = cpu.read();
        if (!jfr.isEmpty()) {
          jcmd("JFR.start", "name=deletion", "settings=profile");
        }
        erasure.awaitCompletion();
        ServerCpu.Reading completed = cpu.read();
        if (!jfr.isEmpty()) {
          Path recording = Path.of(jfr).toAbsolutePath().resolve("deletion-" + round + ".jfr");
          Files.createDirectories(recording.getParent());
          jcmd("JFR.stop", "name=deletion", "filename=" + recording);
        }
        System.out.printf(
            "round %d: %d members, realm holds %d admin events: lockout %d ms, completion %d ms,"
                + " of which deleting members %.0f ms; CPU %s%n",
            round,
            members,
            adminEvents,
            erasure.requestMillis(),
            erasure.completionMillis(),
            (metric(system, DELETION_SECONDS) - deletionBefore) * 1_000,
            ServerCpu.spent(answered, completed));
      }
    }
    System.exit(0);
  }

  /** A value of Keycloak's metrics page, summed over its labels. */
  private static double metric(WholeSystem system, String name) throws Exception {
    String page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(system.keycloakMetricsUrl()).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return page.lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Runs a diagnostic command in the Keycloak JVM this program started (the one in its tree). */
  private static void jcmd(String... command) throws IOException, InterruptedException {
    ProcessHandle keycloak =
        ProcessHandle.current()
            .descendants()
            .filter(
                process ->
                    process.info().arguments().stream()
                        .flatMap(Arrays::stream)
                        .anyMatch(argument -> argument.startsWith("-Dkc.home.dir")))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Keycloak JVM among this one's"));
    Path java = Path.of(keycloak.info().command().orElseThrow());
    List<String> line =
        new ArrayList<>(
            List.of(java.resolveSibling("jcmd").toString(), Long.toString(keycloak.pid())));
    line.addAll(List.of(command));
    Process run = new ProcessBuilder(line).inheritIO().start();
    if (!run.waitFor(1, TimeUnit.MINUTES) || run.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
    }
  }
}
