package dev.orgerasure.e2e.benchmark;

import dev.orgerasure.e2e.benchmark.BenchErasures.Erasure;
import dev.orgerasure.e2e.benchmark.BenchTenants.Tenant;
import dev.orgerasure.e2e.benchmark.Measures.Measure;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.EmbeddedPostgresServer;
import dev.orgerasure.e2e.harness.KeycloakCluster;
import dev.orgerasure.e2e.harness.KeycloakServer;
import dev.orgerasure.e2e.harness.ServiceSite;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.harness.WholeSystemOptions;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Large tenants on two clustered Keycloak nodes beside one node, in one run: the lockout and the
 * identity deletion of an organisation of each size, on the cluster (the request sent to node A;
 * the service reports through the balancer, which sends everything to A while it lives) and on the
 * system's single node, one after the other, with the same extension settings. Members are
 * bulk-loaded into each one's database as {@link LargeTenantBenchmark} does; each side first erases
 * a warm-up organisation, not measured. Each measure notes the CPU time every server spent in it:
 * where the work runs. Prints one table and writes it with its JSON to {@code
 * target/benchmarks/cluster-tenants.*} after each size, so a run stopped in the largest size keeps
 * the others. Sizes: {@code -Derasure.benchmark.members} (5,000), {@code .signed-in} (500), {@code
 * .huge-members} (50,000; 0 leaves it out).
 */
public final class ClusterTenantBenchmark {

  private static final int WARM_UP_MEMBERS = 500;
  private static final String CLUSTER_REALM = ServiceSite.KEYCLOAK_CLUSTER.realm();
  private static final String BASELINE = "1 node, same run";
  private static final String GOAL = "none (shown beside it)";

  /** One Keycloak under measure: where its tenants are made and erased, and whose CPU counts. */
  private record Site(BenchTenants tenants, BenchErasures erasures, ServerCpu cpu) {}

  /** One erasure's lockout and deletion, each with the CPU the servers spent in it. */
  private record Timing(
      long lockoutMillis, String lockoutCpu, long deletionMillis, String deletionCpu) {}

  private ClusterTenantBenchmark() {}

  public static void main(String[] args) throws Exception {
    int members = Integer.getInteger("erasure.benchmark.members", 5_000);
    int signedIn = Integer.getInteger("erasure.benchmark.signed-in", 500);
    int huge = Integer.getInteger("erasure.benchmark.huge-members", 50_000);
    Path output = Path.of(System.getProperty("erasure.benchmark.dir", "target/benchmarks"));
    try (WholeSystem system =
        WholeSystem.start(WholeSystemOptions.freePorts("benchmark-cluster"))) {
      Site oneNode = oneNode(system);
      Site twoNodes = twoNodes(system);
      warmUp(oneNode);
      warmUp(twoNodes);
      Measures measures = new Measures();
      for (int size : huge > 0 ? List.of(members, huge) : List.of(members)) {
        Timing one = erase(oneNode, "Bench One " + size, size, signedIn);
        Timing two = erase(twoNodes, "Bench Two " + size, size, signedIn);
        add(measures, size, signedIn, one, two);
        measures.write(output, "cluster-tenants");
      }
    }
    System.exit(0);
  }

  /** The system's single node (local caches), in the demo's realm. */
  private static Site oneNode(WholeSystem system) {
    DemoData demo = DemoData.load(system);
    BenchTenants tenants =
        new BenchTenants(BenchKeycloak.of(system), DemoData.masterAdmin(system), DemoRealm.REALM);
    tenants.cheapPasswords(DemoRealm.REALM);
    Map<String, Supplier<Duration>> cpu = new LinkedHashMap<>();
    cpu.put("Keycloak", system::keycloakCpuTime);
    cpu.putAll(postgresCpu(system));
    return new Site(tenants, BenchErasures.of(system, demo), new ServerCpu(cpu));
  }

  /** Two nodes clustered on their own database, with a realm set up as the demo's. */
  private static Site twoNodes(WholeSystem system) {
    KeycloakCluster cluster = system.startKeycloakCluster(List.of(), Map.of());
    KeycloakAdminClient admin =
        new KeycloakAdminClient(
            cluster.urlA(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
    DemoData.createRealm(admin, CLUSTER_REALM, system.smtpPort());
    Member realmAdmin = DemoData.createRealmAdmin(admin, CLUSTER_REALM);
    BenchKeycloak keycloak = BenchKeycloak.nodeA(system, cluster);
    BenchTenants tenants = new BenchTenants(keycloak, admin, CLUSTER_REALM);
    tenants.cheapPasswords(CLUSTER_REALM);
    Map<String, Supplier<Duration>> cpu = new LinkedHashMap<>();
    cpu.put("node A", cluster.nodeA()::cpuTime);
    cpu.put("node B", cluster.nodeB()::cpuTime);
    cpu.putAll(postgresCpu(system));
    return new Site(
        tenants,
        new BenchErasures(keycloak, Map.of(CLUSTER_REALM, realmAdmin)),
        new ServerCpu(cpu));
  }

  /** PostgreSQL's, when the harness runs it; an existing server's other work is not ours. */
  private static Map<String, Supplier<Duration>> postgresCpu(WholeSystem system) {
    return system.postgres() instanceof EmbeddedPostgresServer postgres
        ? Map.of("PostgreSQL", postgres::cpuTime)
        : Map.of();
  }

  /** Every measured path once, so that no measure pays for the JIT compiling it. */
  private static void warmUp(Site site) throws Exception {
    Tenant tenant =
        site.tenants()
            .organization("Bench Warm-up", WARM_UP_MEMBERS, WARM_UP_MEMBERS / 10, "UNMANAGED");
    site.erasures().erase(tenant, 0).awaitCompletion();
  }

  private static Timing erase(Site site, String name, int members, int signedIn) throws Exception {
    Tenant tenant = site.tenants().organization(name, members, signedIn, "UNMANAGED");
    AtomicReference<ServerCpu.Reading> atRequest = new AtomicReference<>();
    Erasure erasure = site.erasures().erase(tenant, 0, () -> atRequest.set(site.cpu().read()));
    ServerCpu.Reading answered = site.cpu().read();
    site.tenants().requireLockedOut(tenant);
    erasure.awaitCompletion();
    ServerCpu.Reading completed = site.cpu().read();
    return new Timing(
        erasure.requestMillis(),
        ServerCpu.spent(atRequest.get(), answered),
        erasure.completionMillis(),
        ServerCpu.spent(answered, completed));
  }

  private static void add(Measures measures, int members, int signedIn, Timing one, Timing two) {
    measures.add(
        new Measure(
            "lockout",
            "organization, 2 nodes",
            members,
            two.lockoutMillis(),
            BASELINE,
            (double) one.lockoutMillis(),
            GOAL,
            "request on node A; "
                + signedIn
                + " signed in; CPU in the request, 2 nodes: "
                + two.lockoutCpu()
                + "; 1 node: "
                + one.lockoutCpu()));
    measures.add(
        new Measure(
            "identity deletion",
            "organization, 2 nodes",
            members,
            two.deletionMillis(),
            BASELINE,
            (double) one.deletionMillis(),
            GOAL,
            "Keycloak's completion; the service reports through the balancer (node A); CPU from"
                + " the lockout's answer to the completion, 2 nodes: "
                + two.deletionCpu()
                + "; 1 node: "
                + one.deletionCpu()));
  }
}
