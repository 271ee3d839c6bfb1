package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemExtension;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.browser.Browser;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.demo.MemberFactory;
import dev.orgerasure.e2e.harness.KeycloakCluster;
import dev.orgerasure.e2e.harness.KeycloakServer;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import dev.orgerasure.e2e.keycloak.TokenEndpoint;
import dev.orgerasure.e2e.keycloak.TokenResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Keycloak as production runs it: two nodes clustered on one database behind a balancer
 * (docs/operating.md, "Running as a cluster"). What one node does to an erasure, the other enforces
 * and can undo at once: its caches are told, not left to expire; what a dead node was doing, the
 * other finishes. The realm is set up as the demo's, with an erasure-service of its own that calls
 * the cluster through the balancer; the balancer sends everything to node A while it lives.
 */
@WholeSystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakClusterIT {

  private static final String REALM = "cluster";
  private static final String APP = DemoRealm.APP_CLIENT;
  private static final int ONE_HOUR = 3600;

  /** Enough members for a dozen lockout batches of 5: the kill lands while most are to do. */
  private static final int MEMBERS = 60;

  private static final int CONCURRENT_ERASURES = 20;

  /** Enough members that each of the erasure's 8 ranges takes several batches of both phases. */
  private static final int SHARED_MEMBERS = 300;

  /**
   * The single node's options, and a look for other nodes' ranges every 100 ms: node B claims some
   * ranges of a deletion that lasts a few seconds.
   */
  private static final List<String> CLUSTER_OPTIONS =
      Stream.concat(
              WholeSystemExtension.KEYCLOAK_OPTIONS.stream(),
              Stream.of("--spi-org-erasure--default--range-poll-millis=100"))
          .toList();

  private static final ObjectMapper JSON = new ObjectMapper();

  private static KeycloakCluster cluster;
  private static KeycloakAdminClient adminOnA;
  private static KeycloakAdminClient adminOnB;
  private static Member realmAdmin;
  private static Callable<Connection> database;
  private static WholeSystem system;

  @BeforeAll
  static void twoNodesAndARealm(SystemUnderTest sut) {
    // Small lockout batches and a short lease, as the single node's (WholeSystemExtension).
    system = sut.system();
    cluster = system.startKeycloakCluster(CLUSTER_OPTIONS, WholeSystemExtension.LIBERTY_SETTINGS);
    database = () -> sut.system().postgres().connect(KeycloakCluster.DATABASE);
    adminOnA =
        new KeycloakAdminClient(
            cluster.urlA(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
    adminOnB =
        new KeycloakAdminClient(
            cluster.urlB(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
    DemoData.createRealm(adminOnA, REALM, sut.system().smtpPort());
    realmAdmin = DemoData.createRealmAdmin(adminOnA, REALM);
  }

  @AfterAll
  static void stopTheNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * Node B had the member signed in and their user cached; the lockout runs on node A. Node B
   * refuses the member's refresh token and a new sign-in, and reads them disabled, straight after A
   * answered.
   */
  @Test
  @Order(1)
  void aLockoutOnNodeAIsEnforcedOnNodeBAtOnce() {
    Member member = newMember();
    Org org = organisation(member);
    TokenEndpoint tokensOnB = new TokenEndpoint(cluster.urlB());
    TokenResponse signedIn =
        tokensOnB.password(REALM, APP, member.username(), member.password()).requireSuccess();
    assertTrue(user(adminOnB, member).path("enabled").asBoolean(), "cached on B, enabled");

    ErasureAdminApi.Answer started =
        erasures(cluster.urlA()).startErasure(org.id(), org.name(), ONE_HOUR);
    assertEquals(201, started.status(), started.body());

    TokenResponse refreshed = tokensOnB.refresh(REALM, APP, signedIn.refreshToken());
    TokenResponse again = tokensOnB.password(REALM, APP, member.username(), member.password());
    assertFalse(refreshed.isSuccess(), refreshed.body().toString());
    assertEquals("invalid_grant", refreshed.error());
    assertFalse(again.isSuccess(), again.body().toString());
    assertEquals("invalid_grant", again.error());
    assertFalse(user(adminOnB, member).path("enabled").asBoolean(), "B reads the member disabled");
  }

  /** An erasure started on node A is cancelled on node B; node A lets the member in again. */
  @Test
  @Order(1)
  void anErasureStartedOnNodeAIsCancelledOnNodeB() {
    Member member = newMember();
    Org org = organisation(member);
    ErasureAdminApi.Answer started =
        erasures(cluster.urlA()).startErasure(org.id(), org.name(), ONE_HOUR);
    assertEquals(201, started.status(), started.body());
    String erasure = started.json().path("id").asText();

    ErasureAdminApi.Answer cancelled = cancelOn(cluster.urlB(), erasure);

    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals(
        "CANCELLED", erasures(cluster.urlA()).erasure(erasure).json().path("state").asText());
    assertTrue(user(adminOnA, member).path("enabled").asBoolean(), "A reads the member enabled");
    assertTrue(
        new TokenEndpoint(cluster.urlA())
            .password(REALM, APP, member.username(), member.password())
            .isSuccess(),
        "the member signs in on A again");
  }

  /**
   * The nodes log JSON, as production collects it: every record of an erasure's work carries the
   * erasure's id and realm as fields, on the node that started it and the node that cancelled it,
   * and none of them names the member.
   */
  @Test
  @Order(1)
  void theNodesJsonLogsCarryTheErasureAsFieldsAndNameNoMember() throws Exception {
    Member member = newMember();
    Org org = organisation(member);
    ErasureAdminApi.Answer started =
        erasures(cluster.urlA()).startErasure(org.id(), org.name(), ONE_HOUR);
    assertEquals(201, started.status(), started.body());
    String erasure = started.json().path("id").asText();
    await("the hand-over")
        .atMost(Duration.ofMinutes(1))
        .until(() -> state(erasure), "SCHEDULED"::equals);
    assertEquals(200, cancelOn(cluster.urlB(), erasure).status());

    for (KeycloakServer node : List.of(cluster.nodeA(), cluster.nodeB())) {
      List<JsonNode> records = jsonRecordsOf(node, erasure);
      assertFalse(records.isEmpty(), node.log() + " has no record of erasure " + erasure);
      for (JsonNode record : records) {
        assertEquals(REALM, record.path("mdc").path("erasureRealm").asText(), record.toString());
        assertFalse(record.toString().contains(member.username()), record.toString());
        assertFalse(record.toString().contains(member.id()), record.toString());
      }
    }
  }

  /**
   * An erasure started on node A shares its deletion's ranges of user ids with node B: B's log says
   * it did at least one (a record that only the node that worked a range writes, marked with the
   * erasure). Its lockout, started by A's request, stays on A, the one node that can tell the
   * members' clients through back-channel logout. The counts are exact: every member locked once
   * and deleted once.
   */
  @Test
  @Order(1)
  void anErasureStartedOnNodeASharesItsDeletionWithNodeBWithExactCounts() throws Exception {
    List<Member> members =
        new MemberFactory(adminOnA, REALM)
            .create(
                "cluster-" + UUID.randomUUID().toString().substring(0, 8) + ".example",
                SHARED_MEMBERS);
    Org org = organisation(members.get(0));
    members.subList(1, SHARED_MEMBERS).forEach(member -> join(org, member));

    ErasureAdminApi.Answer started = erasures(cluster.urlA()).startErasure(org.id(), org.name(), 0);
    assertEquals(201, started.status(), started.body());
    String erasure = started.json().path("id").asText();
    await("erasure " + erasure)
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> state(erasure), "COMPLETED"::equals);

    List<String> rangesOnB =
        jsonRecordsOf(cluster.nodeB(), erasure).stream()
            .map(record -> record.path("message").asText())
            .filter(message -> message.contains(" helping the node that holds the erasure"))
            .toList();
    assertTrue(
        rangesOnB.stream().noneMatch(m -> m.contains("lockout range")), rangesOnB.toString());
    assertTrue(
        rangesOnB.stream().anyMatch(m -> m.contains("deletion range")), rangesOnB.toString());
    JsonNode completed = erasures(cluster.urlB()).erasure(erasure).json();
    assertEquals(SHARED_MEMBERS, completed.path("membersLocked").asLong(), completed.toString());
    assertEquals(
        SHARED_MEMBERS, completed.path("identitiesDeleted").asLong(), completed.toString());
    for (Member member : members) {
      assertTrue(
          adminOnB.find("/admin/realms/" + REALM + "/users/" + member.id()).isEmpty(),
          member.username());
    }
  }

  /** The audit keys are the cluster's: both nodes publish the same. */
  @Test
  @Order(1)
  void bothNodesPublishTheSameAuditKeys() throws Exception {
    String onA = auditKeys(cluster.urlA());
    assertEquals(JSON.readTree(onA), JSON.readTree(auditKeys(cluster.urlB())));
    assertTrue(JSON.readTree(onA).path("keys").size() >= 1, onA);
  }

  /**
   * The cancel link of the "scheduled" e-mail, spent on node A, is refused on node B: the link's
   * single use is the cluster's, not a node's.
   */
  @Test
  @Order(1)
  void aCancelLinkSpentOnNodeAIsRefusedOnNodeB() {
    Member member = newMember();
    Org org = organisation(member);
    ErasureAdminApi.Answer started =
        erasures(cluster.urlA()).startErasure(org.id(), org.name(), ONE_HOUR);
    assertEquals(201, started.status(), started.body());
    String erasure = started.json().path("id").asText();
    await("the hand-over")
        .atMost(Duration.ofMinutes(1))
        .until(() -> state(erasure), "SCHEDULED"::equals);
    URI link = CancelLink.mailedTo(system, DemoRealm.REALM_ADMIN_EMAIL, org.name());

    try (Browser browser = Browser.start("cluster-cancel-link")) {
      String onA = CancelLinkIT.open(browser, onNode(link, cluster.urlA()));
      assertTrue(onA.contains("Cancel the erasure"), onA);
      browser.driver().findElement(By.id("org-erasure-cancel-confirm")).click();
      browser
          .waiting(Duration.ofSeconds(20))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("org-erasure-cancelled")));
      assertEquals("CANCELLED", state(erasure));

      String onB = CancelLinkIT.open(browser, onNode(link, cluster.urlB()));
      assertTrue(onB.contains("not valid"), onB);
    }
    assertEquals("CANCELLED", state(erasure));
  }

  /**
   * Twenty erasures started on both nodes at once, each completing: the two nodes' audit appends
   * make one log, which both nodes call consistent and the offline verifier passes against the
   * cluster's one checkpoint directory and its published keys.
   */
  @Test
  @Order(2)
  void erasuresOnBothNodesAtOnceMakeOneConsistentAuditLog(@TempDir Path dir) throws Exception {
    List<CompletableFuture<String>> started = new ArrayList<>();
    for (int i = 0; i < CONCURRENT_ERASURES; i++) {
      Org org = organisation(newMember());
      URI node = i % 2 == 0 ? cluster.urlA() : cluster.urlB();
      ErasureAdminApi api = erasures(node);
      started.add(
          CompletableFuture.supplyAsync(
              () -> {
                ErasureAdminApi.Answer answer = api.startErasure(org.id(), org.name(), 0);
                assertEquals(201, answer.status(), answer.body());
                return answer.json().path("id").asText();
              }));
    }
    List<String> ids = started.stream().map(CompletableFuture::join).toList();
    for (String id : ids) {
      await("erasure " + id)
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> state(id), "COMPLETED"::equals);
    }

    Member auditor = Admins.adminIn(adminOnA, REALM, "view-events", "view-erasure-audit");
    for (URI node : List.of(cluster.urlA(), cluster.urlB())) {
      ErasureAdminApi.Answer verified = as(auditor, node).auditVerify();
      assertEquals(200, verified.status(), verified.body());
      assertTrue(verified.json().path("ok").asBoolean(), node + ": " + verified.body());
    }
    Path export = dir.resolve("export.jsonl");
    Files.writeString(export, as(auditor, cluster.urlB()).auditGet("export?format=jsonl").body());
    Path keys = dir.resolve("jwks.json");
    Files.writeString(keys, auditKeys(cluster.urlB()));
    Verifier.Result offline =
        Verifier.run(
            export.toString(),
            "--keys",
            keys.toString(),
            "--checkpoints",
            system.clusterAuditCheckpoints().toString());
    assertEquals(0, offline.exitCode(), offline.output());
  }

  /**
   * Node A dies ({@code kill -9}) while it deletes the identities of an erasure whose report it
   * received; node B takes the deletion over once A's lease has run out: every member deleted once,
   * the erasure completed, and its requester told once. Node A is started again afterwards.
   */
  @Test
  @Order(2)
  void anIdentityDeletionOnANodeThatDiesIsFinishedByTheOtherWithOneCompletionMail() {
    List<Member> members = organisationMembers();
    Org org = organisation(members.get(0));
    members.subList(1, MEMBERS).forEach(member -> join(org, member));
    ErasureAdminApi.Answer started = erasures(cluster.urlA()).startErasure(org.id(), org.name(), 0);
    assertEquals(201, started.status(), started.body());
    String erasure = started.json().path("id").asText();
    Sql.awaitCount(
        "node A's first identity batch",
        database,
        "select count(*) from org_erasure_locked_member where request_id = ? and identity_deleted",
        erasure,
        Duration.ofMinutes(2));

    try {
      cluster.nodeA().kill();
      long deletedAtDeath = identitiesDeleted(erasure);
      assertTrue(deletedAtDeath < MEMBERS, "killed mid-deletion: " + deletedAtDeath + " deleted");

      await("node B finishing the deletion")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> state(erasure), "COMPLETED"::equals);
      JsonNode completed = erasures(cluster.urlB()).erasure(erasure).json();
      assertEquals(MEMBERS, completed.path("identitiesDeleted").asLong(), completed.toString());
      for (Member member : members) {
        assertTrue(
            adminOnB.find("/admin/realms/" + REALM + "/users/" + member.id()).isEmpty(),
            member.username());
      }
      await("the completion notice")
          .atMost(Duration.ofSeconds(30))
          .until(() -> completionNotices(org), notices -> notices >= 1);
      assertEquals(1, completionNotices(org));
    } finally {
      cluster.nodeA().restart();
    }
  }

  /**
   * Node A dies ({@code kill -9}) in the middle of a lockout it was running; node B's scheduled
   * task takes the erasure over once A's lease has run out and locks out the rest: every member
   * locked once, none left enabled. Runs last: node A stays dead.
   */
  @Test
  @Order(3)
  void aLockoutOnANodeThatDiesIsFinishedByTheOtherWithExactCounts() {
    List<Member> members = organisationMembers();
    Org org = organisation(members.get(0));
    members.subList(1, MEMBERS).forEach(member -> join(org, member));
    ErasureAdminApi onA = erasures(cluster.urlA());
    CompletableFuture<ErasureAdminApi.Answer> request =
        CompletableFuture.supplyAsync(() -> onA.startErasure(org.id(), org.name(), ONE_HOUR));
    Sql.awaitCount(
        "node A's first lockout batch",
        database,
        "select count(*) from org_erasure_locked_member m"
            + " join org_erasure_request r on r.id = m.request_id where r.organization_id = ?",
        org.id(),
        Duration.ofSeconds(30));

    cluster.nodeA().kill();

    assertTrue(request.handle((answer, failure) -> failure != null).join(), "A died answering");
    String erasure =
        Sql.single(
            database, "select id from org_erasure_request where organization_id = ?", org.id());
    long lockedAtDeath = lockedMembers(org);
    assertTrue(lockedAtDeath < MEMBERS, "killed mid-lockout: " + lockedAtDeath + " locked");
    await("node B finishing the lockout")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> lockedMembers(org) == MEMBERS);
    for (Member member : members) {
      assertFalse(user(adminOnB, member).path("enabled").asBoolean(), member.username());
    }
    ErasureAdminApi.Answer onB = erasures(cluster.urlB()).erasure(erasure);
    assertEquals(MEMBERS, onB.json().path("membersLocked").asInt(), onB.body());
    assertEquals(
        MEMBERS,
        Sql.count(
            database,
            "select count(distinct user_id) from org_erasure_locked_member where request_id = ?",
            erasure));
  }

  private static long lockedMembers(Org org) {
    return Sql.count(
        database,
        "select count(*) from org_erasure_locked_member m"
            + " join org_erasure_request r on r.id = m.request_id where r.organization_id = ?",
        org.id());
  }

  /**
   * Cancels on that node. A node's scheduled task may hold the erasure for a moment (a retried
   * notice, a hand-over); the cancel's 409 then says to try again, as an admin would.
   */
  private static ErasureAdminApi.Answer cancelOn(URI node, String erasure) {
    ErasureAdminApi api = erasures(node);
    return await("the cancel on " + node)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> api.cancel(erasure), answer -> answer.status() != 409);
  }

  /** The JSON records of the node's log whose field {@code mdc.erasureId} names the erasure. */
  private static List<JsonNode> jsonRecordsOf(KeycloakServer node, String erasure)
      throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(node.log())) {
      if (line.startsWith("{")) {
        JsonNode record = JSON.readTree(line);
        if (erasure.equals(record.path("mdc").path("erasureId").asText())) {
          records.add(record);
        }
      }
    }
    return records;
  }

  private static long identitiesDeleted(String erasure) {
    return Sql.count(
        database,
        "select count(*) from org_erasure_locked_member where request_id = ? and identity_deleted",
        erasure);
  }

  private static String state(String erasure) {
    return Sql.single(database, "select state from org_erasure_request where id = ?", erasure);
  }

  private static long completionNotices(Org org) {
    return Mailbox.to(system, DemoRealm.REALM_ADMIN_EMAIL).stream()
        .filter(mail -> mail.subject().contains(org.name()))
        .filter(mail -> !mail.subject().contains("scheduled"))
        .count();
  }

  /** The link, opened on one node rather than through the balancer. */
  private static URI onNode(URI link, URI node) {
    return URI.create(link.toString().replace(cluster.publicUrl().toString(), node.toString()));
  }

  private static List<Member> organisationMembers() {
    return new MemberFactory(adminOnA, REALM)
        .create("cluster-" + UUID.randomUUID().toString().substring(0, 8) + ".example", MEMBERS);
  }

  private static void join(Org org, Member member) {
    adminOnA.post(
        "/admin/realms/" + REALM + "/organizations/" + org.id() + "/members", member.id());
  }

  private static Member newMember() {
    return new MemberFactory(adminOnA, REALM)
        .create("cluster-" + UUID.randomUUID().toString().substring(0, 8) + ".example", 1)
        .get(0);
  }

  /** An organisation of the cluster's realm, and its name, the erasure's confirmation. */
  private record Org(String id, String name) {}

  private static Org organisation(Member member) {
    String alias = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
    String name = "Cluster org " + alias;
    String id = adminOnA.createOrganization(REALM, name, alias, alias + ".example");
    adminOnA.post("/admin/realms/" + REALM + "/organizations/" + id + "/members", member.id());
    return new Org(id, name);
  }

  private static JsonNode user(KeycloakAdminClient admin, Member member) {
    return admin.get("/admin/realms/" + REALM + "/users/" + member.id());
  }

  /**
   * The extension's admin API on one node, as the realm's administrator signed in to the console at
   * the cluster's public address (the console's redirect address is that one, whichever node).
   */
  private static ErasureAdminApi erasures(URI node) {
    return as(realmAdmin, node);
  }

  private static ErasureAdminApi as(Member admin, URI node) {
    return new ErasureAdminApi(
        node,
        REALM,
        new AdminConsoleLogin(cluster.publicUrl())
            .login(REALM, admin.username(), admin.password())
            .accessToken());
  }

  private static String auditKeys(URI node) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(node.resolve("/realms/master/org-erasure/audit-keys"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }
}
