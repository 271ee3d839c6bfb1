package dev.orgerasure.e2e.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.benchmark.BenchErasures.Erasure;
import dev.orgerasure.e2e.benchmark.BenchTenants.Tenant;
import dev.orgerasure.e2e.benchmark.BulkMembers.Person;
import dev.orgerasure.e2e.benchmark.Measures.Measure;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.GroupTenantFactory;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.harness.WholeSystemOptions;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

/**
 * Large tenants, side by side with what an admin has without us, on the same servers in one run:
 * our lockout against the admin REST loop (disable, sign out, revoke consents per user), our
 * identity deletion against the {@code DELETE /users/{id}} loop and Keycloak's own organisation
 * delete, the erasure of a very large organisation, and a group tenant. The data is written
 * straight into Keycloak's database (not timed); members sign in for real. Prints one table and
 * writes it with its JSON to {@code target/benchmarks/}. A warm-up of 500 members runs every path
 * first, not measured. Also: a whole erasure with app data while another organisation reads, the
 * purge beside one transaction, and the admin page's calls. Sizes: {@code
 * -Derasure.benchmark.members} (5,000), {@code .signed-in} (500), {@code .huge-members} (50,000),
 * {@code .native-members} (1,000), {@code .whole-members} (1,000), {@code .purge-rounds} (5),
 * {@code .organizations} (1,000).
 */
public final class LargeTenantBenchmark {

  private static final int WARM_UP_MEMBERS = 500;

  private final WholeSystem system;
  private final KeycloakAdminClient admin;
  private final DemoData demo;
  private final BenchTenants tenants;
  private final BenchErasures erasures;
  private final Measures measures = new Measures();

  private LargeTenantBenchmark(WholeSystem system) {
    this.system = system;
    this.admin = DemoData.masterAdmin(system);
    this.demo = DemoData.load(system);
    this.tenants = new BenchTenants(BenchKeycloak.of(system), admin, DemoRealm.REALM);
    this.erasures = BenchErasures.of(system, demo);
  }

  public static void main(String[] args) throws Exception {
    int members = Integer.getInteger("erasure.benchmark.members", 5_000);
    int signedIn = Integer.getInteger("erasure.benchmark.signed-in", 500);
    int huge = Integer.getInteger("erasure.benchmark.huge-members", 50_000);
    int nativeMembers = Integer.getInteger("erasure.benchmark.native-members", 1_000);
    Path output = Path.of(System.getProperty("erasure.benchmark.dir", "target/benchmarks"));
    try (WholeSystem system = WholeSystem.start(WholeSystemOptions.freePorts("benchmark-large"))) {
      LargeTenantBenchmark benchmark = new LargeTenantBenchmark(system);
      benchmark.tenants.cheapPasswords(DemoRealm.REALM);
      benchmark.tenants.cheapPasswords(DemoRealm.GROUPS_REALM);
      benchmark.warmUp();
      benchmark.lockoutAndDeletion(members, signedIn);
      if (nativeMembers > 0) {
        benchmark.nativeOrganizationDelete(nativeMembers);
      }
      benchmark.groupTenant(members, signedIn);
      new WholeErasureMeasure(
              system, benchmark.tenants, benchmark.erasures, benchmark.demo.orgs().get(0))
          .measure(
              Integer.getInteger("erasure.benchmark.whole-members", 1_000),
              Integer.getInteger("erasure.benchmark.purge-rounds", 5),
              benchmark.measures);
      new AdminPageMeasure(system, benchmark.tenants, benchmark.erasures)
          .measure(
              Integer.getInteger("erasure.benchmark.organizations", 1_000), benchmark.measures);
      if (huge > 0) {
        benchmark.hugeErasure(huge, signedIn);
      }
      benchmark.measures.write(output, "large-tenants");
    }
    System.exit(0);
  }

  /**
   * Runs every measured path once on small organisations first, not measured, so that no measure
   * pays for the JIT compiling Keycloak's and our code paths for the first time.
   */
  private void warmUp() throws Exception {
    Tenant ours =
        tenants.organization("Bench Warm-up", WARM_UP_MEMBERS, WARM_UP_MEMBERS / 10, "UNMANAGED");
    Tenant twin =
        tenants.organization(
            "Bench Warm-up Loop", WARM_UP_MEMBERS, WARM_UP_MEMBERS / 10, "UNMANAGED");
    try (Connection db = system.learningDatabase()) {
      BulkAppData.insert(db, system.fileStoreRoot(), ours.id(), ours.memberIds());
    }
    erasures.erase(ours, 0).awaitCompletion();
    restLoopLockout(twin);
    restLoopDelete(twin);
  }

  /** Organisations of {@code members}: ours against the admin's REST loops on a twin. */
  private void lockoutAndDeletion(int members, int signedIn) throws Exception {
    Tenant ours = tenants.organization("Bench Ours", members, signedIn, "UNMANAGED");
    Tenant twin = tenants.organization("Bench Loop", members, signedIn, "UNMANAGED");

    long adminEvents = tenants.adminEvents(DemoRealm.REALM);
    // One thing at a time: our deletion, which follows the lockout at once, ends before the loops
    // start, so that neither competes with the other for the machine.
    Erasure erasure = erasures.erase(ours, 0);
    tenants.requireLockedOut(ours);
    erasure.awaitCompletion();
    long restLockout = restLoopLockout(twin);
    tenants.requireLockedOut(twin);
    measures.add(
        new Measure(
            "lockout",
            "organization",
            members,
            erasure.requestMillis(),
            "REST loop (GET+PUT user, logout, revoke consents)",
            (double) restLockout,
            "<= 5 s and >= 20x",
            signedIn + " signed in (online + offline)"));
    long restDelete = restLoopDelete(twin);
    measures.add(
        new Measure(
            "identity deletion",
            "organization",
            members,
            erasure.completionMillis(),
            "DELETE /users/{id} loop",
            (double) restDelete,
            ">= 5x",
            "ours: Keycloak's completion (deletion, org removed, audit); realm holds "
                + adminEvents
                + " admin events"));
  }

  private void nativeOrganizationDelete(int members) throws Exception {
    Tenant ours = tenants.organization("Bench Native Ours", members, 0, "MANAGED");
    Tenant twin = tenants.organization("Bench Native", members, 0, "MANAGED");
    Erasure erasure = erasures.erase(ours, 0);
    erasure.awaitCompletion();
    long start = System.nanoTime();
    HttpResponse<String> deleted =
        admin.send("DELETE", DemoRealm.ADMIN_PATH + "/organizations/" + twin.id(), null);
    long nativeMillis = Measures.millisSince(start);
    measures.add(
        new Measure(
            "identity deletion",
            "organization (managed)",
            members,
            erasure.completionMillis(),
            "Keycloak's organisation delete",
            (double) nativeMillis,
            "none (shown beside it)",
            "native answered " + deleted.statusCode()));
  }

  /**
   * A very large organisation: the lockout within its request, then the deletion of every member in
   * a realm whose admin events have grown with its people.
   */
  private void hugeErasure(int members, int signedIn) throws Exception {
    Tenant huge = tenants.organization("Bench Huge", members, signedIn, "UNMANAGED");
    long adminEvents = tenants.adminEvents(DemoRealm.REALM);
    Erasure erasure = erasures.erase(huge, 0);
    tenants.requireLockedOut(huge);
    erasure.awaitCompletion();
    measures.add(
        new Measure(
            "lockout",
            "organization",
            members,
            erasure.requestMillis(),
            null,
            null,
            "<= 30 s, no timeout",
            signedIn + " signed in (online + offline)"));
    measures.add(
        new Measure(
            "identity deletion",
            "organization",
            members,
            erasure.completionMillis(),
            null,
            null,
            "no cliff",
            "realm holds " + adminEvents + " admin events"));
  }

  /** A group tenant of realm {@code learning-groups}: the same lockout and deletion. */
  private void groupTenant(int members, int signedIn) throws Exception {
    Tenant tenant =
        tenants.group(new GroupTenantFactory(system, admin), "Bench Groups", members, signedIn);
    Erasure erasure = erasures.erase(tenant, 0);
    tenants.requireLockedOut(tenant);
    erasure.awaitCompletion();
    measures.add(
        new Measure(
            "lockout",
            "group",
            members,
            erasure.requestMillis(),
            null,
            null,
            "<= 5 s",
            signedIn + " signed in (online + offline)"));
    measures.add(
        new Measure(
            "identity deletion",
            "group",
            members,
            erasure.completionMillis(),
            null,
            null,
            "",
            "Keycloak's completion (deletion, group removed, audit)"));
  }

  /** What admins script today, one member after another. */
  private long restLoopLockout(Tenant tenant) {
    String users = DemoRealm.ADMIN_PATH + "/users/";
    long start = System.nanoTime();
    for (Person person : tenant.members()) {
      JsonNode user = admin.get(users + person.id());
      ((com.fasterxml.jackson.databind.node.ObjectNode) user).put("enabled", false);
      admin.put(users + person.id(), user);
      admin.post(users + person.id() + "/logout", Map.of());
      for (JsonNode consent : admin.get(users + person.id() + "/consents")) {
        admin.delete(users + person.id() + "/consents/" + consent.get("clientId").asText());
      }
    }
    return Measures.millisSince(start);
  }

  private long restLoopDelete(Tenant tenant) {
    long start = System.nanoTime();
    for (Person person : tenant.members()) {
      admin.delete(DemoRealm.ADMIN_PATH + "/users/" + person.id());
    }
    return Measures.millisSince(start);
  }
}
