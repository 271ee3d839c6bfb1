package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log identity teams read (docs/audit.md): one record per step of an erasure, a log that
 * verifies in the server and offline with the verifier jar, receipts, and refusals for readers
 * without the audit role and powers. Tampering with the live table is detected and named.
 */
@WholeSystemTest
class AuditLogIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);
  private static final Set<String> DONE = ErasureStates.DONE;
  private static final List<String> STEPS = ErasureStates.STEPS;

  private final SystemUnderTest sut;
  private DemoOrg org;
  private String erasureId;
  private ErasureAdminApi auditor;

  AuditLogIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  /** An erased organisation, and an auditor who may read the log but not erase. */
  @BeforeEach
  void aCompletedErasureAndAnAuditor() throws Exception {
    org = sut.createOrg(2);
    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                sut.system().keycloakUrl(),
                sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(org.id(), org.name());
    assertEquals(201, started.status(), started.body());
    erasureId = started.json().path("id").asText();
    ErasureRecords.awaitState(sut.system(), erasureId, DONE, COMPLETION);
    auditor = as(Admins.adminWith(sut, "view-events", "view-erasure-audit"));
  }

  private ErasureAdminApi as(Member admin) {
    return new ErasureAdminApi(
        sut.system().keycloakUrl(), sut.adminConsoleLogin(admin).accessToken());
  }

  @Test
  void everyStepOfAnErasureIsOneRecordInLogOrder() {
    ErasureAdminApi.Answer records = auditor.auditGet("records?erasure=" + erasureId);
    assertEquals(200, records.status(), records.body());
    List<String> events = new ArrayList<>();
    long previousSeq = 0;
    for (JsonNode record : records.json()) {
      events.add(record.path("event").asText());
      assertTrue(record.path("seq").asLong() > previousSeq, records.body());
      previousSeq = record.path("seq").asLong();
      assertEquals(DemoRealm.REALM, record.path("realmName").asText());
      assertEquals(
          sut.demo().realmAdmin().id(), record.path("requesterId").asText(), records.body());
    }
    assertEquals(STEPS, events);
  }

  @Test
  void verifySaysInWordsThatTheWholeLogIsConsistent() {
    ErasureAdminApi.Answer verified = auditor.auditVerify();
    assertEquals(200, verified.status(), verified.body());
    assertTrue(verified.json().path("ok").asBoolean(), verified.body());
    assertTrue(
        verified.json().path("summary").asText().contains("all consistent"), verified.body());
  }

  @Test
  void anExportVerifiesOfflineAgainstTheCheckpointDirectory(@TempDir Path dir) throws Exception {
    Path export = write(dir, "export.jsonl", auditor.auditGet("export?format=jsonl"));
    Path keys = dir.resolve("jwks.json");
    Files.writeString(keys, publicKeys());

    Verifier.Result result =
        Verifier.run(
            export.toString(),
            "--keys",
            keys.toString(),
            "--checkpoints",
            sut.system().auditCheckpoints().toString());

    assertEquals(0, result.exitCode(), result.output());
  }

  /**
   * The latest checkpoint is also a C2SP signed note, served to anyone and written beside its JWS;
   * the offline verifier checks it with the published note key alone, and refuses it changed.
   */
  @Test
  void theLatestCheckpointIsASignedNoteThatVerifiesWithThePublishedNoteKey(@TempDir Path dir)
      throws Exception {
    String note = publicText("/realms/master/org-erasure/audit-checkpoint");
    String noteKey = publicText("/realms/" + DemoRealm.REALM + "/org-erasure/audit-note-keys");
    Path file = dir.resolve("checkpoint.note");
    Files.writeString(file, note, StandardCharsets.UTF_8);
    Path changed = dir.resolve("changed.note");
    String[] lines = note.split("\n", -1);
    Files.writeString(
        changed,
        note.replaceFirst("\n" + lines[1] + "\n", "\n" + (Long.parseLong(lines[1]) + 1) + "\n"));

    Verifier.Result verified =
        Verifier.run("--note", file.toString(), "--note-key", noteKey.strip());
    Verifier.Result refused =
        Verifier.run("--note", changed.toString(), "--note-key", noteKey.strip());

    assertEquals(0, verified.exitCode(), verified.output());
    assertEquals(1, refused.exitCode(), refused.output());
    assertEquals(
        note,
        Files.readString(
            sut.system()
                .auditCheckpoints()
                .resolve(String.format("checkpoint-%012d.note", Long.parseLong(lines[1])))),
        "the same note is in the checkpoint directory");
  }

  /** An erasure's receipt as a C2SP tlog proof verifies with the note key alone. */
  @Test
  void theErasuresTlogProofVerifiesWithTheNoteKeyAlone(@TempDir Path dir) throws Exception {
    ErasureAdminApi.Answer proof = auditor.auditGet("erasures/" + erasureId + "/tlog-proof");
    Path file = write(dir, "erasure.tlog-proof", proof);
    String noteKey = publicText("/realms/master/org-erasure/audit-note-keys").strip();

    Verifier.Result verified = Verifier.run("--tlog-proof", file.toString(), "--note-key", noteKey);

    assertEquals(0, verified.exitCode(), verified.output());
    assertTrue(proof.body().startsWith("c2sp.org/tlog-proof@v1\n"), proof.body());
  }

  @Test
  void aReceiptVerifiesOfflineAndOneChangedCountDoesNot(@TempDir Path dir) throws Exception {
    ErasureAdminApi.Answer receipt = auditor.auditGet("erasures/" + erasureId + "/receipt");
    assertEquals(200, receipt.status(), receipt.body());
    Path keys = dir.resolve("jwks.json");
    Files.writeString(keys, publicKeys());
    Path good = dir.resolve("receipt.json");
    Files.writeString(good, receipt.body());
    Path forged = dir.resolve("forged.json");
    Files.writeString(
        forged, receipt.body().replace("\"identitiesDeleted\":2", "\"identitiesDeleted\":1"));
    assertFalse(Files.readString(forged).equals(receipt.body()), "the count was not found");

    Verifier.Result verified =
        Verifier.run("--keys", keys.toString(), "--receipt", good.toString());
    Verifier.Result refused =
        Verifier.run("--keys", keys.toString(), "--receipt", forged.toString());

    assertEquals(0, verified.exitCode(), verified.output());
    assertEquals(1, refused.exitCode(), refused.output());
  }

  @Test
  void theMailsReceiptLinkServesAVerifiableReceiptAndRefusesAnAlteredToken(@TempDir Path dir)
      throws Exception {
    Mailbox.Mail mail =
        Mailbox.to(sut.system(), DemoRealm.REALM_ADMIN_EMAIL).stream()
            .filter(m -> m.subject().contains(org.name()))
            .findFirst()
            .orElseThrow();
    URI link = ReceiptLink.in(mail.text());
    HttpResponse<String> receipt = ReceiptLink.fetch(link);
    assertEquals(200, receipt.statusCode(), receipt.body());
    Path file = dir.resolve("receipt.json");
    Files.writeString(file, receipt.body());
    Path keys = dir.resolve("jwks.json");
    Files.writeString(keys, publicKeys());

    Verifier.Result verified =
        Verifier.run("--keys", keys.toString(), "--receipt", file.toString());
    String token = link.getQuery().substring("token=".length());
    String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    HttpResponse<String> refused =
        ReceiptLink.fetch(URI.create(link.toString().replace(token, altered)));

    assertEquals(0, verified.exitCode(), verified.output());
    assertEquals(403, refused.statusCode(), refused.body());
  }

  @Test
  void anAlteredRecordInTheTableIsNamed() throws Exception {
    long seq = completionSeq();
    try (TamperedLog log = TamperedLog.of(sut)) {
      log.execute(
          "update org_erasure_audit set record_json = replace(record_json,"
              + " '\"identitiesDeleted\":2', '\"identitiesDeleted\":1') where seq = "
              + seq);
      assertNamed(seq, auditor.auditVerify());
    }
    assertTrue(auditor.auditVerify().json().path("ok").asBoolean());
  }

  @Test
  void aDeletedRecordIsNamed() throws Exception {
    long seq = completionSeq() - 1;
    try (TamperedLog log = TamperedLog.of(sut)) {
      log.execute("delete from org_erasure_audit where seq = " + seq);
      assertNamed(seq, auditor.auditVerify());
    }
  }

  @Test
  void twoRecordsSwappedAreNamed() throws Exception {
    long seq = completionSeq();
    try (TamperedLog log = TamperedLog.of(sut)) {
      // The two records exchange their content; each keeps its place and its stored hash.
      log.execute(
          "update org_erasure_audit a set record_json = b.record_json, leaf_hash = b.leaf_hash"
              + " from audit_saved b where (a.seq, b.seq) in (("
              + (seq - 1)
              + ", "
              + seq
              + "), ("
              + seq
              + ", "
              + (seq - 1)
              + "))");
      assertNamed(seq - 1, auditor.auditVerify());
    }
  }

  @Test
  void aTruncatedTailIsNamed() throws Exception {
    long seq = completionSeq();
    try (TamperedLog log = TamperedLog.of(sut)) {
      log.execute("delete from org_erasure_audit where seq >= " + seq);
      log.execute("delete from org_erasure_audit_checkpoint where tree_size >= " + seq);
      ErasureAdminApi.Answer verified = auditor.auditVerify();
      assertFalse(verified.json().path("ok").asBoolean(), verified.body());
      assertTrue(
          verified.json().path("summary").asText().contains(Long.toString(seq)), verified.body());
    }
  }

  @Test
  void aForgedRecordAtTheEndIsNotCoveredByAnySignedCheckpoint() throws Exception {
    long seq = completionSeq();
    try (TamperedLog log = TamperedLog.of(sut)) {
      log.execute(
          "insert into org_erasure_audit select 'forged-record', seq + 1000000, recorded_at, event,"
              + " 'forged', realm_id, realm_name, organization_id, organization_name,"
              + " requester_id, requester_email, member_count, counts, notification_sent,"
              + " notified_to, status, notification_error, replace(record_json, '\"seq\":' || seq,"
              + " '\"seq\":' || (select max(seq) + 1 from org_erasure_audit)), null"
              + " from org_erasure_audit where seq = "
              + seq);
      log.execute(
          "update org_erasure_audit set seq = (select max(seq) from org_erasure_audit"
              + " where id <> 'forged-record') + 1 where id = 'forged-record'");
      ErasureAdminApi.Answer verified = auditor.auditVerify();
      assertFalse(verified.json().path("ok").asBoolean(), verified.body());
    }
  }

  @Test
  void aTableRewrittenWithRecomputedHashesDisagreesWithTheCheckpointsOutsideTheDatabase()
      throws Exception {
    long seq = completionSeq();
    try (TamperedLog log = TamperedLog.of(sut)) {
      // Altered record, its stored hash forgotten, and the database's checkpoints dropped: only
      // the directory outside the database is left to tell.
      log.execute(
          "update org_erasure_audit set leaf_hash = null, record_json = replace(record_json,"
              + " '\"identitiesDeleted\":2', '\"identitiesDeleted\":1') where seq = "
              + seq);
      log.execute("delete from org_erasure_audit_checkpoint");
      ErasureAdminApi.Answer verified = auditor.auditVerify();
      assertFalse(verified.json().path("ok").asBoolean(), verified.body());
    }
  }

  /**
   * A realm whose erasure has started is deleted through Keycloak's admin API: its records stay,
   * readable from the master realm, and the log still verifies. (The service is down meanwhile, so
   * the realm it does not serve is not refused: see docs/contract.md, "The realm rule".)
   */
  @Test
  void recordsOutliveTheRealmTheyDescribe() throws Exception {
    String realm = "doomed";
    String adminPath = "/admin/realms/" + realm;
    KeycloakAdminClient admin = sut.masterAdmin();
    DemoData.createRealm(admin, realm, sut.system().smtpPort());
    Member realmAdmin = DemoData.createRealmAdmin(admin, realm);
    String orgId =
        admin.post(
            adminPath + "/organizations",
            Map.of(
                "name", "Doomed Ltd",
                "alias", "doomed-ltd",
                "domains", List.of(Map.of("name", "doomed.example"))));
    String erasure;
    sut.system().stopLiberty();
    try {
      ErasureAdminApi.Answer started =
          new ErasureAdminApi(
                  sut.system().keycloakUrl(),
                  realm,
                  new AdminConsoleLogin(sut.system().keycloakUrl())
                      .login(realm, realmAdmin.username(), realmAdmin.password())
                      .accessToken())
              .startErasure(orgId, "Doomed Ltd");
      assertEquals(201, started.status(), started.body());
      erasure = started.json().path("id").asText();
      admin.delete(adminPath);
    } finally {
      sut.system().startLiberty();
    }
    grantMasterAdminTheAuditRole(admin);

    JsonNode records =
        admin.get("/admin/realms/master/org-erasure/audit/records?erasure=" + erasure);

    assertEquals(List.of("REQUESTED", "LOCKED_OUT"), events(records));
    assertEquals(realm, records.get(0).path("realmName").asText());
    assertTrue(auditor.auditVerify().json().path("ok").asBoolean());
  }

  /** Erasures finishing at the same time append through one lock: the log stays one chain. */
  @Test
  void concurrentCompletionsAppendToOneLog() throws Exception {
    List<DemoOrg> orgs = List.of(sut.createOrg(2), sut.createOrg(2), sut.createOrg(2));
    String token = sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken();
    List<CompletableFuture<ErasureAdminApi.Answer>> starts = new ArrayList<>();
    for (DemoOrg org : orgs) {
      starts.add(
          CompletableFuture.supplyAsync(
              () ->
                  new ErasureAdminApi(sut.system().keycloakUrl(), token)
                      .startErasure(org.id(), org.name())));
    }
    for (CompletableFuture<ErasureAdminApi.Answer> start : starts) {
      ErasureAdminApi.Answer started = start.join();
      assertEquals(201, started.status(), started.body());
      ErasureRecords.awaitState(sut.system(), started.json().path("id").asText(), DONE, COMPLETION);
    }

    ErasureAdminApi.Answer verified = auditor.auditVerify();
    assertTrue(verified.json().path("ok").asBoolean(), verified.body());
  }

  private static List<String> events(JsonNode records) {
    List<String> events = new ArrayList<>();
    records.forEach(record -> events.add(record.path("event").asText()));
    return events;
  }

  private static void grantMasterAdminTheAuditRole(KeycloakAdminClient admin) {
    String userId =
        admin
            .get("/admin/realms/master/users?exact=true&username=admin")
            .get(0)
            .path("id")
            .asText();
    String clientId =
        admin.get("/admin/realms/master/clients?clientId=master-realm").get(0).path("id").asText();
    JsonNode role =
        admin.get("/admin/realms/master/clients/" + clientId + "/roles/view-erasure-audit");
    admin.post(
        "/admin/realms/master/users/" + userId + "/role-mappings/clients/" + clientId,
        List.of(role));
  }

  /**
   * A crash between the commit and the file write loses the latest checkpoint's copy outside the
   * database: Verify says so, and the next append writes it again.
   */
  @Test
  void aCheckpointFileLostToACrashIsMadeUpAtTheNextAppend() throws Exception {
    Path latest;
    try (Stream<Path> files = Files.list(sut.system().auditCheckpoints())) {
      latest =
          files
              .filter(file -> file.getFileName().toString().endsWith(".jws"))
              .max(Comparator.naturalOrder())
              .orElseThrow();
    }
    Files.delete(latest);
    assertFalse(auditor.auditVerify().json().path("ok").asBoolean());

    DemoOrg next = sut.createOrg(1);
    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                sut.system().keycloakUrl(),
                sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(next.id(), next.name());
    assertEquals(201, started.status(), started.body());

    assertTrue(Files.exists(latest), latest.toString());
    ErasureAdminApi.Answer verified = auditor.auditVerify();
    assertTrue(verified.json().path("ok").asBoolean(), verified.body());
    ErasureRecords.awaitState(sut.system(), started.json().path("id").asText(), DONE, COMPLETION);
  }

  @Test
  void theAuditNeedsItsRoleAndThePowerToViewEvents() {
    ErasureAdminApi eraser =
        new ErasureAdminApi(
            sut.system().keycloakUrl(),
            sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
    ErasureAdminApi roleWithoutPower = as(Admins.adminWith(sut, "view-erasure-audit"));
    ErasureAdminApi powerWithoutRole = as(Admins.adminWith(sut, "view-events"));
    for (ErasureAdminApi refused : List.of(eraser, roleWithoutPower, powerWithoutRole)) {
      assertEquals(403, refused.auditGet("records").status());
      assertEquals(403, refused.auditGet("export?format=jsonl").status());
      assertEquals(403, refused.auditGet("erasures/" + erasureId + "/receipt").status());
      assertEquals(403, refused.auditVerify().status());
    }
  }

  @Test
  void theSameKeysAreServedUnderEveryRealm() throws Exception {
    assertEquals(publicKeys(), publicKeys(DemoRealm.REALM));
    assertTrue(publicKeys().contains("\"kid\""));
  }

  private long completionSeq() {
    for (JsonNode record : auditor.auditGet("records?erasure=" + erasureId).json()) {
      if (record.path("event").asText().equals("COMPLETED")) {
        return record.path("seq").asLong();
      }
    }
    throw new AssertionError("no completion record");
  }

  private static void assertNamed(long seq, ErasureAdminApi.Answer verified) {
    assertEquals(200, verified.status(), verified.body());
    assertFalse(verified.json().path("ok").asBoolean(), verified.body());
    assertEquals(
        seq, verified.json().path("problems").get(0).path("seq").asLong(), verified.body());
    assertTrue(
        verified.json().path("summary").asText().contains(Long.toString(seq)), verified.body());
  }

  private String publicKeys() throws IOException, InterruptedException {
    return publicKeys("master");
  }

  private String publicText(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sut.system().keycloakUrl().resolve(URI.create(path)))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private String publicKeys(String realm) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        sut.system()
                            .keycloakUrl()
                            .resolve(URI.create("/realms/" + realm + "/org-erasure/audit-keys")))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static Path write(Path dir, String name, ErasureAdminApi.Answer answer)
      throws IOException {
    assertEquals(200, answer.status(), answer.body());
    Path file = dir.resolve(name);
    Files.writeString(file, answer.body(), StandardCharsets.UTF_8);
    return file;
  }

  /**
   * The audit tables as they were, saved before a test tampers with them and put back after, so
   * every other test sees the log whole.
   */
  private static final class TamperedLog implements AutoCloseable {
    private final Connection db;

    private TamperedLog(Connection db) {
      this.db = db;
    }

    static TamperedLog of(SystemUnderTest sut) throws SQLException {
      TamperedLog log = new TamperedLog(sut.system().keycloakDatabase());
      log.execute("create table audit_saved as select * from org_erasure_audit");
      log.execute("create table checkpoint_saved as select * from org_erasure_audit_checkpoint");
      return log;
    }

    void execute(String sql) throws SQLException {
      try (Statement statement = db.createStatement()) {
        statement.execute(sql);
      }
    }

    @Override
    public void close() throws SQLException {
      try {
        execute("delete from org_erasure_audit");
        execute("insert into org_erasure_audit select * from audit_saved");
        execute("delete from org_erasure_audit_checkpoint");
        execute("insert into org_erasure_audit_checkpoint select * from checkpoint_saved");
        execute("drop table audit_saved");
        execute("drop table checkpoint_saved");
      } finally {
        db.close();
      }
    }
  }
}
