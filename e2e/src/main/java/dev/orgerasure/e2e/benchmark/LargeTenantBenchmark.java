package dev.orgerasure.e2e.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.e2e.benchmark.BulkMembers.Person;
import dev.orgerasure.e2e.benchmark.Measures.Measure;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.GroupTenantFactory;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.harness.WholeSystemOptions;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import dev.orgerasure.e2e.keycloak.TokenEndpoint;
import dev.orgerasure.e2e.keycloak.TokenResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Large tenants, side by side with what an admin has without us, on the same servers in one run:
 * our lockout against the admin REST loop (disable, sign out, revoke consents per user), our
 * identity deletion against the {@code DELETE /users/{id}} loop and Keycloak's own organisation
 * delete, a lockout of a very large organisation, and a group tenant. The data is written straight
 * into Keycloak's database (not timed); members sign in for real. Prints one table and writes it
 * with its JSON to {@code target/benchmarks/}. A warm-up of 500 members runs every path first, not
 * measured. Also: a whole erasure with app data while another organisation reads, the purge beside
 * one transaction, and the admin page's calls. Sizes: {@code -Derasure.benchmark.members} (5,000),
 * {@code .signed-in} (500), {@code .huge-members} (50,000), {@code .native-members} (1,000), {@code
 * .whole-members} (1,000), {@code .organizations} (1,000).
 */
public final class LargeTenantBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int SIGN_IN_THREADS = 4;
  private static final int WARM_UP_MEMBERS = 500;

  /** Connections a browser opens to one host at a time. */
  private static final int BROWSER_CONNECTIONS = 6;

  private final WholeSystem system;
  private final KeycloakAdminClient admin;
  private final DemoData demo;
  private final Measures measures = new Measures();

  private LargeTenantBenchmark(WholeSystem system) {
    this.system = system;
    this.admin = DemoData.masterAdmin(system);
    this.demo = DemoData.load(system);
  }

  public static void main(String[] args) throws Exception {
    int members = Integer.getInteger("erasure.benchmark.members", 5_000);
    int signedIn = Integer.getInteger("erasure.benchmark.signed-in", 500);
    int huge = Integer.getInteger("erasure.benchmark.huge-members", 50_000);
    int nativeMembers = Integer.getInteger("erasure.benchmark.native-members", 1_000);
    Path output = Path.of(System.getProperty("erasure.benchmark.dir", "target/benchmarks"));
    try (WholeSystem system = WholeSystem.start(WholeSystemOptions.freePorts("benchmark-large"))) {
      LargeTenantBenchmark benchmark = new LargeTenantBenchmark(system);
      benchmark.cheapPasswords(DemoRealm.REALM);
      benchmark.cheapPasswords(DemoRealm.GROUPS_REALM);
      benchmark.warmUp();
      benchmark.lockoutAndDeletion(members, signedIn);
      if (nativeMembers > 0) {
        benchmark.nativeOrganizationDelete(nativeMembers);
      }
      benchmark.groupTenant(members, signedIn);
      benchmark.wholeErasure(Integer.getInteger("erasure.benchmark.whole-members", 1_000));
      benchmark.adminPage(Integer.getInteger("erasure.benchmark.organizations", 1_000));
      if (huge > 0) {
        benchmark.hugeLockout(huge, signedIn);
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
    Tenant ours = organization("Bench Warm-up", WARM_UP_MEMBERS, WARM_UP_MEMBERS / 10, "UNMANAGED");
    Tenant twin =
        organization("Bench Warm-up Loop", WARM_UP_MEMBERS, WARM_UP_MEMBERS / 10, "UNMANAGED");
    erase(ours, 0).awaitCompletion();
    restLoopLockout(twin);
    restLoopDelete(twin);
  }

  /** Organisations of {@code members}: ours against the admin's REST loops on a twin. */
  private void lockoutAndDeletion(int members, int signedIn) throws Exception {
    Tenant ours = organization("Bench Ours", members, signedIn, "UNMANAGED");
    Tenant twin = organization("Bench Loop", members, signedIn, "UNMANAGED");

    // One thing at a time: our deletion, which follows the lockout at once, ends before the loops
    // start, so that neither competes with the other for the machine.
    Erasure erasure = erase(ours, 0);
    requireLockedOut(ours);
    erasure.awaitCompletion();
    long restLockout = restLoopLockout(twin);
    requireLockedOut(twin);
    measures.add(
        new Measure(
            "lockout",
            "organization",
            members,
            erasure.requestMillis(),
            "REST loop (GET+PUT user, logout, revoke consents)",
            restLockout,
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
            restDelete,
            ">= 5x",
            "ours: Keycloak's completion (deletion, org removed, audit)"));
  }

  private void nativeOrganizationDelete(int members) throws Exception {
    Tenant ours = organization("Bench Native Ours", members, 0, "MANAGED");
    Tenant twin = organization("Bench Native", members, 0, "MANAGED");
    Erasure erasure = erase(ours, 0);
    erasure.awaitCompletion();
    long start = System.nanoTime();
    HttpResponse<String> deleted =
        admin.send("DELETE", DemoRealm.ADMIN_PATH + "/organizations/" + twin.id(), null);
    long nativeMillis = millisSince(start);
    measures.add(
        new Measure(
            "identity deletion",
            "organization (managed)",
            members,
            erasure.completionMillis(),
            "Keycloak's organisation delete",
            nativeMillis,
            "none (shown beside it)",
            "native answered " + deleted.statusCode()));
  }

  private void hugeLockout(int members, int signedIn) throws Exception {
    Tenant huge = organization("Bench Huge", members, signedIn, "UNMANAGED");
    Erasure erasure = erase(huge, 3_600);
    requireLockedOut(huge);
    measures.add(
        new Measure(
            "lockout",
            "organization",
            members,
            erasure.requestMillis(),
            null,
            null,
            "<= 30 s, no timeout",
            "grace period 1 h: nothing deleted"));
  }

  /** A group tenant of realm {@code learning-groups}: the same lockout and deletion. */
  private void groupTenant(int members, int signedIn) throws Exception {
    String name = "Bench Groups";
    String domain = "bench-groups.example";
    DemoOrg group = new GroupTenantFactory(system, admin).create(name, domain, 1);
    List<Person> people;
    try (Connection db = system.keycloakDatabase()) {
      people =
          new BulkMembers(db)
              .insert(
                  realmId(db, DemoRealm.GROUPS_REALM),
                  group.id(),
                  "bench-groups",
                  domain,
                  members,
                  "UNMANAGED");
    }
    Tenant tenant =
        new Tenant(
            DemoRealm.GROUPS_REALM,
            group.id(),
            name,
            people,
            signIn(DemoRealm.GROUPS_REALM, people.subList(0, signedIn)));
    Erasure erasure = erase(tenant, 0);
    requireLockedOut(tenant);
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

  /**
   * One organisation erased end to end with its app data, while a member of another organisation
   * reads the learning API; the same rows of a twin deleted in one transaction for comparison.
   */
  private void wholeErasure(int members) throws Exception {
    Tenant tenant = organization("Bench Whole", members, 0, "UNMANAGED");
    List<String> memberIds = tenant.members().stream().map(Person::id).toList();
    String twin = UUID.randomUUID().toString();
    long rows;
    try (Connection db = system.learningDatabase()) {
      rows = BulkAppData.insert(db, system.fileStoreRoot(), tenant.id(), memberIds);
      BulkAppData.insert(
          db,
          system.fileStoreRoot(),
          twin,
          memberIds.stream().map(id -> UUID.randomUUID().toString()).toList());
    }
    LearningApiReader reader = new LearningApiReader(system, demo.orgs().get(0));
    LearningApiReader.Latencies idle = reader.readFor(Duration.ofSeconds(10));
    long start = System.nanoTime();
    Started started = startErasure(tenant, 0);
    LearningApiReader.Latencies duringPurge =
        reader.readWhile(() -> !purgeFinished(started.requestId()));
    while (!erasureState(started.requestId()).startsWith("COMPLETED")) {
      Thread.sleep(20);
    }
    long total = millisSince(start);
    long purge = purgeMillis(started.requestId());
    // The one transaction runs while the same reader reads, as the purge did: same conditions.
    FutureTask<Long> oneTransactionTask = new FutureTask<>(() -> deleteInOneTransaction(twin));
    new Thread(oneTransactionTask, "one-transaction-delete").start();
    LearningApiReader.Latencies duringOneTransaction =
        reader.readWhile(() -> !oneTransactionTask.isDone());
    long oneTransaction = oneTransactionTask.get();
    String shape = String.format("%,d rows, %,d files", rows, BulkAppData.FILES);
    measures.add(
        new Measure(
            "whole erasure, no grace period",
            "organization",
            members,
            total,
            null,
            null,
            "< 60 s",
            shape));
    measures.add(
        new Measure(
            "app purge",
            "organization",
            members,
            purge,
            "the same rows and files deleted in one transaction",
            oneTransaction,
            "ratio >= 0.7x",
            shape
                + "; both while another organisation reads (p99 "
                + duringOneTransaction.p99()
                + " ms during the one transaction)"));
    measures.add(
        new Measure(
            "other organisation's reads, p99 ms",
            "organization",
            members,
            duringPurge.p99(),
            "p99 when idle",
            idle.p99(),
            "during <= 1.5x idle (ratio >= 0.67x)",
            duringPurge.count() + " reads during the purge, " + idle.count() + " idle"));
  }

  private boolean purgeFinished(String requestId) throws SQLException {
    try (Connection db = system.learningDatabase()) {
      return !"0"
          .equals(
              ErasureQueries.single(
                  db,
                  "select count(*) from purge where request_id = ? and finished_at is not null",
                  requestId));
    }
  }

  private long purgeMillis(String requestId) throws SQLException {
    try (Connection db = system.learningDatabase()) {
      return ErasureQueries.purgeMillis(db, requestId);
    }
  }

  /** What the purge is compared with: every row and file of the organisation in one go. */
  private long deleteInOneTransaction(String orgId) throws Exception {
    long start = System.nanoTime();
    try (Connection db = system.learningDatabase()) {
      db.setAutoCommit(false);
      List<String> files = new ArrayList<>();
      try (PreparedStatement paths =
          db.prepareStatement("select file_path from assets where org_id = ?")) {
        paths.setString(1, orgId);
        try (ResultSet rows = paths.executeQuery()) {
          while (rows.next()) {
            files.add(rows.getString(1));
          }
        }
      }
      for (InventoryTable table : DataInventory.appTablesInPurgeOrder()) {
        try (PreparedStatement delete =
            db.prepareStatement(
                "delete from " + table.name() + " where " + DataInventory.ORG_ID_COLUMN + " = ?")) {
          delete.setString(1, orgId);
          delete.executeUpdate();
        }
      }
      db.commit();
      for (String file : files) {
        Files.deleteIfExists(system.fileStoreRoot().resolve(file));
      }
    }
    return millisSince(start);
  }

  /**
   * The admin page's two calls with {@code count} organisations: the list, then the counts of the
   * whole page in one call to the service; beside the counts asked one organisation at a time.
   */
  private void adminPage(int count) throws Exception {
    List<String> ids = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(SIGN_IN_THREADS);
    try {
      List<Future<String>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String alias = "bench-page-" + i;
        created.add(
            pool.submit(
                () -> createOrganization("Bench Page " + alias, alias, alias + ".example")));
      }
      for (Future<String> id : created) {
        ids.add(id.get());
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection db = system.learningDatabase();
        PreparedStatement rows =
            db.prepareStatement(
                "insert into organizations (org_id, name) select unnest(?::varchar[]), 'Bench Page'")) {
      rows.setArray(1, db.createArrayOf("varchar", ids.toArray()));
      rows.executeUpdate();
    }
    String token = realmAdminToken(DemoRealm.REALM);
    String base = DemoRealm.ADMIN_PATH + "/org-erasure/organizations";
    getAsAdmin(token, base + "?first=0&max=1000");
    long start = System.nanoTime();
    JsonNode listed = getAsAdmin(token, base + "?first=0&max=1000");
    long listMillis = millisSince(start);
    JsonNode counted = getAsAdmin(token, base + "/app-data?first=0&max=1000");
    long pageMillis = millisSince(start);
    ExecutorService browser = Executors.newFixedThreadPool(BROWSER_CONNECTIONS);
    long oneByOne;
    try {
      long loopStart = System.nanoTime();
      List<Future<JsonNode>> each = new ArrayList<>();
      for (JsonNode organization : listed) {
        String id = organization.get("id").asText();
        each.add(browser.submit(() -> getAsAdmin(token, base + "/" + id + "/app-data")));
      }
      for (Future<JsonNode> answer : each) {
        answer.get();
      }
      oneByOne = millisSince(loopStart);
    } finally {
      browser.shutdownNow();
    }
    measures.add(
        new Measure(
            "admin page: list + batched counts",
            "organization",
            listed.size(),
            pageMillis,
            "counts asked per organisation (" + BROWSER_CONNECTIONS + " at a time)",
            oneByOne,
            "list < 1 s, one call to the service",
            String.format(
                "%,d organisations listed in %,d ms, %,d counted in one call",
                listed.size(), listMillis, counted.size())));
  }

  private JsonNode getAsAdmin(String token, String path) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(system.keycloakUrl().resolve(path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + answer.statusCode() + answer.body());
    }
    return JSON.readTree(answer.body());
  }

  record Tenant(
      String realm, String id, String name, List<Person> members, List<TokenResponse> signedIn) {}

  private Tenant organization(String name, int members, int signedIn, String membership)
      throws Exception {
    String alias = name.toLowerCase().replace(' ', '-');
    String domain = alias + ".example";
    String id = createOrganization(name, alias, domain);
    List<Person> people;
    try (Connection db = system.keycloakDatabase()) {
      String groupId = ErasureQueries.single(db, "select group_id from org where id = ?", id);
      people =
          new BulkMembers(db)
              .insert(realmId(db, DemoRealm.REALM), groupId, alias, domain, members, membership);
    }
    return new Tenant(
        DemoRealm.REALM, id, name, people, signIn(DemoRealm.REALM, people.subList(0, signedIn)));
  }

  /** An enabled organisation with one domain, through the admin API; answers its id. */
  private String createOrganization(String name, String alias, String domain) {
    return admin.post(
        DemoRealm.ADMIN_PATH + "/organizations",
        Map.of(
            "name",
            name,
            "alias",
            alias,
            "enabled",
            true,
            "domains",
            List.of(Map.of("name", domain))));
  }

  /** Each person an online session and an offline one, as the learning app would. */
  private List<TokenResponse> signIn(String realm, List<Person> people) throws Exception {
    TokenEndpoint tokens = new TokenEndpoint(system.keycloakUrl());
    ExecutorService pool = Executors.newFixedThreadPool(SIGN_IN_THREADS);
    try {
      List<Future<TokenResponse>> offline = new ArrayList<>();
      for (Person person : people) {
        offline.add(
            pool.submit(
                () -> {
                  tokens
                      .password(
                          realm, DemoRealm.APP_CLIENT, person.username(), BulkMembers.PASSWORD)
                      .requireSuccess();
                  return tokens
                      .password(
                          realm,
                          DemoRealm.APP_CLIENT,
                          person.username(),
                          BulkMembers.PASSWORD,
                          true)
                      .requireSuccess();
                }));
      }
      List<TokenResponse> signedIn = new ArrayList<>();
      for (Future<TokenResponse> token : offline) {
        signedIn.add(token.get());
      }
      return signedIn;
    } finally {
      pool.shutdownNow();
    }
  }

  /** An erasure under way: when its request returned and when it completed. */
  private final class Erasure {
    private final String requestId;
    private final long requestMillis;
    private long completionMillis;

    Erasure(Started started) {
      this.requestId = started.requestId();
      this.requestMillis = started.requestMillis();
    }

    long requestMillis() {
      return requestMillis;
    }

    /**
     * Keycloak's part after the purge: from the completion notice, sent as the finisher starts, to
     * the erasure's completion (identities deleted, tenant removed, audit written).
     */
    long completionMillis() {
      return completionMillis;
    }

    void awaitCompletion() throws Exception {
      while (!erasureState(requestId).startsWith("COMPLETED")) {
        Thread.sleep(20);
      }
      try (Connection db = system.keycloakDatabase()) {
        completionMillis =
            Long.parseLong(
                ErasureQueries.single(
                    db,
                    "select completed_at - notified_at from org_erasure_request where id = ?",
                    requestId));
      }
    }
  }

  private Erasure erase(Tenant tenant, int gracePeriodSeconds) throws Exception {
    return new Erasure(startErasure(tenant, gracePeriodSeconds));
  }

  private String realmAdminToken(String realm) {
    Member realmAdmin =
        realm.equals(DemoRealm.GROUPS_REALM) ? demo.groupsRealmAdmin() : demo.realmAdmin();
    return new AdminConsoleLogin(system.keycloakUrl())
        .login(realm, realmAdmin.username(), realmAdmin.password())
        .requireSuccess()
        .accessToken();
  }

  /** Starts the erasure; answers its id and how long the request took. */
  private Started startErasure(Tenant tenant, int gracePeriodSeconds) throws Exception {
    String token = realmAdminToken(tenant.realm());
    long start = System.nanoTime();
    HttpResponse<String> started =
        HTTP.send(
            HttpRequest.newBuilder(
                    system
                        .keycloakUrl()
                        .resolve(
                            "/admin/realms/"
                                + tenant.realm()
                                + "/org-erasure/organizations/"
                                + tenant.id()
                                + "/erasures"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(30))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of(
                                "confirmation",
                                tenant.name(),
                                "gracePeriodSeconds",
                                gracePeriodSeconds))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long requestMillis = millisSince(start);
    if (started.statusCode() != 201) {
      throw new IllegalStateException(
          "Erasure of " + tenant.name() + " refused: " + started.statusCode() + started.body());
    }
    return new Started(JSON.readTree(started.body()).get("id").asText(), requestMillis);
  }

  record Started(String requestId, long requestMillis) {}

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
    return millisSince(start);
  }

  private long restLoopDelete(Tenant tenant) {
    long start = System.nanoTime();
    for (Person person : tenant.members()) {
      admin.delete(DemoRealm.ADMIN_PATH + "/users/" + person.id());
    }
    return millisSince(start);
  }

  /** Every member disabled, no session of theirs left, and a signed-in member's refresh refused. */
  private void requireLockedOut(Tenant tenant) throws Exception {
    try (Connection db = system.keycloakDatabase()) {
      java.sql.Array ids =
          db.createArrayOf("varchar", tenant.members().stream().map(Person::id).toArray());
      long enabled =
          count(db, "select count(*) from user_entity where id = any(?) and enabled", ids);
      long sessions =
          count(db, "select count(*) from offline_user_session where user_id = any(?)", ids);
      if (enabled != 0 || sessions != 0) {
        throw new IllegalStateException(
            tenant.name() + ": " + enabled + " enabled, " + sessions + " sessions after lockout");
      }
    }
    if (!tenant.signedIn().isEmpty()) {
      TokenResponse refreshed =
          new TokenEndpoint(system.keycloakUrl())
              .refresh(
                  tenant.realm(), DemoRealm.APP_CLIENT, tenant.signedIn().get(0).refreshToken());
      if (refreshed.isSuccess()) {
        throw new IllegalStateException(tenant.name() + ": an offline token still refreshes");
      }
    }
  }

  private static long count(Connection db, String sql, java.sql.Array ids) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setArray(1, ids);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Benchmark realms ask for one hash iteration, so signing people in is not what is timed. */
  private void cheapPasswords(String realm) {
    admin.put("/admin/realms/" + realm, Map.of("passwordPolicy", BulkMembers.PASSWORD_POLICY));
  }

  private String erasureState(String requestId) throws SQLException {
    try (Connection db = system.keycloakDatabase()) {
      return ErasureQueries.state(db, requestId);
    }
  }

  private static String realmId(Connection db, String realm) throws SQLException {
    return ErasureQueries.single(db, "select id from realm where name = ?", realm);
  }

  private static long millisSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }
}
