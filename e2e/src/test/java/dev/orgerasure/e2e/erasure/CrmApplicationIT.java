package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.contract.FileOutcome;
import dev.orgerasure.contract.HandOver;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.demo.MemberFactory;
import dev.orgerasure.e2e.deploy.RealmSetupScript;
import dev.orgerasure.e2e.harness.FreePorts;
import dev.orgerasure.e2e.harness.LibertyServer;
import dev.orgerasure.e2e.harness.PostgresServer;
import dev.orgerasure.e2e.harness.S3BucketServer;
import dev.orgerasure.e2e.harness.ServiceSite;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second application, unlike the demo, erased through the same service with nothing but its
 * inventory file: the example CRM (docs/examples/crm). Its realm is set up with the realm set-up
 * script; the service runs alone in a Liberty of its own, pointed at the CRM's database (its tables
 * made by the CRM's own DDL) through the inventory file, its files in a bucket of an S3-compatible
 * server. Keycloak is the system's. The tests run in order on that one service.
 */
@WholeSystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrmApplicationIT {

  private static final Path CRM = Path.of("../docs/examples/crm");
  private static final String REALM = ServiceSite.CRM.realm();
  private static final String ADMIN_PATH = "/admin/realms/" + REALM;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;

  private static WholeSystem system;
  private static KeycloakAdminClient admin;
  private static MemberFactory people;
  private static Member realmAdmin;

  private static final String DISPATCHER_SECRET = "crm-dispatcher-" + UUID.randomUUID();

  private static SystemUnderTest sut;

  /** The CRM's files: a bucket of a real S3-compatible server, where the service deletes them. */
  private static S3BucketServer files;

  private static int servicePort;
  private static CompletableFuture<LibertyServer> service;

  /**
   * The realm is set up, and the service is deployed before the CRM's tables exist (the application
   * may come after the service); the first test creates them.
   */
  @BeforeAll
  static void deployTheServiceBeforeTheCrmsTables(SystemUnderTest system) throws Exception {
    sut = system;
    CrmApplicationIT.system = system.system();
    admin = system.masterAdmin();
    people = new MemberFactory(admin, REALM);
    try (Connection postgres = CrmApplicationIT.system.postgres().connect("postgres")) {
      PostgresServer.createDatabasesIfMissing(postgres, List.of(PostgresServer.CRM_DB));
    }
    admin.post("/admin/realms", Map.of("realm", REALM, "enabled", true));
    RealmSetupScript.Run setUp =
        new RealmSetupScript(CrmApplicationIT.system, directory)
            .setUp(
                REALM,
                Map.of(
                    "ERASURE_SERVICE_CLIENT_SECRET",
                    WholeSystem.ERASURE_SERVICE_CLIENT_SECRET,
                    "ERASURE_DISPATCHER_CLIENT_SECRET",
                    DISPATCHER_SECRET));
    assertEquals(0, setUp.exitCode(), setUp.output());
    realmAdmin = DemoData.createRealmAdmin(admin, REALM);
    servicePort = FreePorts.find();
    JsonNode realm = admin.get(ADMIN_PATH);
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes =
        new HashMap<>(JSON.convertValue(realm.path("attributes"), Map.class));
    attributes.put("org-erasure-service-url", serviceUrl().resolve("/erasure/api").toString());
    admin.put(ADMIN_PATH, Map.of("attributes", attributes));
    files = S3BucketServer.start("crm-files", Files.createDirectories(directory.resolve("s3")));
    Map<String, String> settings = new HashMap<>(files.serviceSettings());
    settings.put(
        "ERASURE_INVENTORY_FILE",
        CRM.resolve("inventory.json").toAbsolutePath().normalize().toString());
    service =
        CompletableFuture.supplyAsync(
            () -> CrmApplicationIT.system.startService(ServiceSite.CRM, servicePort, settings));
  }

  @AfterAll
  static void removeTheRealmAndTheBucket() {
    if (admin != null && admin.find(ADMIN_PATH).isPresent()) {
      admin.delete(ADMIN_PATH);
    }
    if (files != null) {
      files.close();
    }
  }

  /**
   * The inventory names tables the database does not have yet: readiness is down naming them, and a
   * hand-over is refused with 503 and leaves nothing behind; once the CRM's own DDL has run, the
   * service becomes ready by itself.
   */
  @Test
  @Order(1)
  void beforeTheCrmsTablesExistTheServiceRefusesHandOversThenBecomesReadyOnItsOwn()
      throws Exception {
    await("the service answering")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> get(serviceUrl().resolve("/health/started")).statusCode() == 200);
    await("the service's inventory check")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> get(serviceUrl().resolve("/health/ready")).body().contains("data-inventory"));

    HttpResponse<String> readiness = get(serviceUrl().resolve("/health/ready"));
    assertEquals(503, readiness.statusCode(), readiness.body());
    assertTrue(readiness.body().contains("organisations"), readiness.body());
    String token =
        sut.tokens()
            .clientCredentials(REALM, ServiceApi.DISPATCHER_CLIENT, DISPATCHER_SECRET)
            .requireSuccess()
            .accessToken();
    HandOver handOver =
        new HandOver(
            UUID.randomUUID().toString(), "some-tenant", "Some tenant", 0L, null, null, null);
    HttpResponse<String> refused =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(serviceUrl().resolve("/erasure/api/erasures"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(handOver)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(503, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("\"error\":\"inventory-not-ready\""), refused.body());
    try (Connection crm = crmDatabase()) {
      assertEquals(0, count(crm, "SELECT count(*) FROM erasure.purge"), "no purge was accepted");
    }

    try (Connection crm = crmDatabase();
        Statement statement = crm.createStatement()) {
      // The CRM's own DDL, into its own schema (the harness's connections look in the service's
      // first).
      statement.execute("SET search_path TO public");
      statement.execute(Files.readString(CRM.resolve("schema.sql")));
    }

    service.get(3, TimeUnit.MINUTES).awaitReady(Duration.ofMinutes(1));
    assertEquals(
        200,
        get(serviceUrl().resolve("/health/ready")).statusCode(),
        "ready once the tables exist");
  }

  @Test
  @Order(2)
  void aCrmTenantIsErasedWithExactCountsItsKeptMemberKeepsTheirRowsAndAnotherTenantIsUntouched()
      throws Exception {
    service.get(3, TimeUnit.MINUTES);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    List<Member> leaving = people.create("crm-a-" + suffix + ".example", 2);
    List<Member> others = people.create("crm-b-" + suffix + ".example", 1);
    Member shared = people.create("crm-shared-" + suffix + ".example", 1).get(0);
    String erasedName = "CRM tenant A " + suffix;
    String erasedOrganisation = organisation(erasedName, "crm-a-" + suffix, leaving, shared);
    String otherOrganisation =
        organisation("CRM tenant B " + suffix, "crm-b-" + suffix, others, shared);
    // The CRM keys its tenants by ids of its own, each mapped to its Keycloak organisation.
    String erased = "acme-" + suffix;
    String other = "globex-" + suffix;
    try (Connection crm = crmDatabase()) {
      CrmRows.insert(
          crm,
          files,
          erased,
          erasedOrganisation,
          erasedName,
          ids(leaving.get(0), leaving.get(1), shared),
          ids(leaving.get(0), leaving.get(1), shared));
      CrmRows.insert(
          crm,
          files,
          other,
          otherOrganisation,
          "B",
          ids(others.get(0), shared),
          ids(others.get(0)));
    }
    Map<String, Long> before;
    Map<String, String> otherBefore;
    List<String> erasedFiles;
    List<String> otherFiles;
    String sharedPerson;
    String otherPerson;
    try (Connection crm = crmDatabase()) {
      before = CrmRows.counts(crm, erased);
      otherBefore = CrmRows.checksums(crm, other);
      erasedFiles = CrmRows.attachmentFiles(crm, erased);
      otherFiles = CrmRows.attachmentFiles(crm, other);
      sharedPerson = CrmRows.personRow(crm, shared.id());
      otherPerson = CrmRows.personRow(crm, others.get(0).id());
    }

    eraseWithExactCounts(
        erasedOrganisation, erasedName, "ERASE", before, leaving.size(), erasedFiles);
    assertFilesGoneAndOthersKept(erasedFiles, otherFiles);
    try (Connection crm = crmDatabase()) {
      assertTrue(
          CrmRows.counts(crm, erased).values().stream().allMatch(rows -> rows == 0),
          "no row of the erased tenant is left");
      assertEquals(otherBefore, CrmRows.checksums(crm, other), "the other tenant is untouched");
      for (Member gone : leaving) {
        assertEquals(List.of(), CrmRows.ownedBy(crm, "contacts", "owner_id", gone.id()));
        assertEquals(List.of(), CrmRows.ownedBy(crm, "deals", "owner_id", gone.id()));
        assertNull(CrmRows.onboardingOf(crm, gone.id()));
        assertNull(CrmRows.personRow(crm, gone.id()), "the erased member's name is gone");
      }
      assertEquals(sharedPerson, CrmRows.personRow(crm, shared.id()), "the kept member's person");
      assertEquals(otherPerson, CrmRows.personRow(crm, others.get(0).id()), "B's member's person");
      // The member of both tenants keeps their account, so their own rows stay, without A.
      List<String> sharedContacts = CrmRows.ownedBy(crm, "contacts", "owner_id", shared.id());
      assertEquals(4, sharedContacts.size(), sharedContacts.toString());
      assertEquals(2, sharedContacts.stream().filter(orgId -> orgId == null).count());
      assertEquals("|0", CrmRows.onboardingOf(crm, shared.id()));
    }
    assertTrue(admin.find(ADMIN_PATH + "/organizations/" + erasedOrganisation).isEmpty());
    for (Member gone : leaving) {
      assertTrue(admin.find(ADMIN_PATH + "/users/" + gone.id()).isEmpty(), gone.username());
    }
    assertTrue(admin.get(ADMIN_PATH + "/users/" + shared.id()).path("enabled").asBoolean());
    assertFalse(admin.find(ADMIN_PATH + "/organizations/" + otherOrganisation).isEmpty());
  }

  /**
   * Under Detach the tenant's own tables go, and every member keeps their account and their own
   * sales data without the tenant, their onboarding restarted.
   */
  @Test
  @Order(3)
  void underDetachACrmTenantsOwnTablesGoAndEveryMemberKeepsTheirSalesDataWithoutIt()
      throws Exception {
    service.get(3, TimeUnit.MINUTES);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    List<Member> members = people.create("crm-c-" + suffix + ".example", 2);
    Member shared = people.create("crm-d-" + suffix + ".example", 1).get(0);
    String detachedName = "CRM tenant C " + suffix;
    String detachedOrganisation = organisation(detachedName, "crm-c-" + suffix, members, shared);
    String otherOrganisation =
        organisation("CRM tenant D " + suffix, "crm-d-" + suffix, List.of(), shared);
    String detached = "initech-" + suffix;
    String other = "umbrella-" + suffix;
    try (Connection crm = crmDatabase()) {
      CrmRows.insert(
          crm,
          files,
          detached,
          detachedOrganisation,
          detachedName,
          ids(members.get(0), members.get(1), shared),
          ids(members.get(0), members.get(1)));
      CrmRows.insert(crm, files, other, otherOrganisation, "D", ids(shared), ids(shared));
    }
    Map<String, Long> before;
    Map<String, String> otherBefore;
    List<String> detachedFiles;
    List<String> otherFiles;
    Map<String, String> peopleBefore = new LinkedHashMap<>();
    try (Connection crm = crmDatabase()) {
      before = CrmRows.counts(crm, detached);
      otherBefore = CrmRows.checksums(crm, other);
      detachedFiles = CrmRows.attachmentFiles(crm, detached);
      otherFiles = CrmRows.attachmentFiles(crm, other);
      for (String userId : ids(members.get(0), members.get(1), shared)) {
        peopleBefore.put(userId, CrmRows.personRow(crm, userId));
      }
    }

    // No member is managed by an identity provider of the tenant: Keycloak erases nobody.
    eraseWithExactCounts(detachedOrganisation, detachedName, "DETACH", before, 0, detachedFiles);
    assertFilesGoneAndOthersKept(detachedFiles, otherFiles);
    try (Connection crm = crmDatabase()) {
      assertTrue(
          CrmRows.counts(crm, detached).values().stream().allMatch(rows -> rows == 0),
          "no row is the detached tenant's any more");
      assertEquals(peopleBefore.get(shared.id()), CrmRows.personRow(crm, shared.id()));
      assertEquals(otherBefore, CrmRows.checksums(crm, other), "the other tenant is untouched");
      for (Member member : members) {
        assertEquals(
            Arrays.asList(null, null), CrmRows.ownedBy(crm, "contacts", "owner_id", member.id()));
        assertEquals(
            Collections.singletonList(null),
            CrmRows.ownedBy(crm, "deals", "owner_id", member.id()));
        assertEquals("|0", CrmRows.onboardingOf(crm, member.id()));
        assertEquals(peopleBefore.get(member.id()), CrmRows.personRow(crm, member.id()));
        assertTrue(
            admin.get(ADMIN_PATH + "/users/" + member.id()).path("enabled").asBoolean(),
            member.username());
      }
    }
    assertTrue(admin.find(ADMIN_PATH + "/organizations/" + detachedOrganisation).isEmpty());
  }

  private static String organisation(
      String name, String alias, List<Member> members, Member shared) {
    String id = admin.createOrganization(REALM, name, alias, alias + ".example");
    for (Member member : members) {
      admin.post(ADMIN_PATH + "/organizations/" + id + "/members", member.id());
    }
    admin.post(ADMIN_PATH + "/organizations/" + id + "/members", shared.id());
    return id;
  }

  private static List<String> ids(Member... members) {
    return Arrays.stream(members).map(Member::id).toList();
  }

  /** The extension's admin API as the realm's administrator, as the console calls it. */
  private static ErasureAdminApi asRealmAdmin() {
    return new ErasureAdminApi(
        system.keycloakUrl(),
        REALM,
        new AdminConsoleLogin(system.keycloakUrl())
            .login(REALM, realmAdmin.username(), realmAdmin.password())
            .accessToken());
  }

  /**
   * Erases the tenant as the realm admin does from the console, once its dialog has shown the
   * tenant's rows ({@code before}, without the people table, which belongs to no tenant) and files;
   * the completion's audit record counts exactly those, per table, the {@code peopleErased} rows of
   * the people table of the members Keycloak erased, and the files deleted.
   */
  private static void eraseWithExactCounts(
      String tenant,
      String name,
      String memberPolicy,
      Map<String, Long> before,
      long peopleErased,
      List<String> tenantFiles) {
    assertEquals(before, dialogCounts(tenant), "what the erase dialog shows");
    assertEquals(before, pageCounts(tenant), "what the admin page's list shows");
    assertTrue(tenantFiles.stream().allMatch(files::holds), "the tenant's files are in the bucket");

    ErasureAdminApi.Answer started = asRealmAdmin().startErasure(tenant, name, 0, memberPolicy);
    assertEquals(201, started.status(), started.body());
    String requestId = started.json().path("id").asText();
    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(system, requestId, ErasureStates.DONE, Duration.ofMinutes(3)));

    ErasureRecords.Audit record = ErasureRecords.completionRecord(system, requestId);
    for (String table : CrmRows.TABLES) {
      assertEquals((long) before.get(table), record.rowsDeleted(table), table);
    }
    assertEquals(peopleErased, record.rowsDeleted("people"), "people");
    assertEquals(new FileOutcome(tenantFiles.size(), 0), record.appData().files());
  }

  /** The erased tenant's objects are gone from the bucket, the other tenant's all there. */
  private static void assertFilesGoneAndOthersKept(List<String> erased, List<String> other) {
    assertFalse(erased.isEmpty());
    for (String key : erased) {
      assertFalse(files.holds(key), key);
    }
    for (String key : other) {
      assertTrue(files.holds(key), key);
    }
  }

  /** The rows per table the console's erase dialog shows, from the service through Keycloak. */
  private static Map<String, Long> dialogCounts(String organisation) {
    ErasureAdminApi.Answer answer = asRealmAdmin().appData(organisation);
    assertEquals(200, answer.status(), answer.body());
    Map<String, Long> counts = new LinkedHashMap<>();
    answer
        .json()
        .path("tables")
        .forEach(table -> counts.put(table.path("table").asText(), table.path("rows").asLong()));
    return counts;
  }

  /** The organisation's rows per table in the admin page's list, counted for the page at once. */
  private static Map<String, Long> pageCounts(String organisation) {
    ErasureAdminApi.Answer answer = asRealmAdmin().appDataPage();
    assertEquals(200, answer.status(), answer.body());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JsonNode organisationData : answer.json()) {
      if (organisationData.path("organizationId").asText().equals(organisation)) {
        organisationData
            .path("tables")
            .forEach(
                table -> counts.put(table.path("table").asText(), table.path("rows").asLong()));
      }
    }
    return counts;
  }

  private static URI serviceUrl() {
    return URI.create("http://127.0.0.1:" + servicePort);
  }

  private static HttpResponse<String> get(URI url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long count(Connection db, String sql) throws Exception {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection crmDatabase() throws Exception {
    return system.postgres().connect(PostgresServer.CRM_DB);
  }
}
