package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL, which holds Keycloak's database and the service's, restarts in the middle of an
 * erasure: every pooled connection of Keycloak and of the erasure-services breaks, the step in
 * flight rolls back, and both pools connect anew by themselves (docs/operating.md, "The database
 * restarting"). The erasure goes on and ends with exact counts. Each test ends only when every
 * server answers through the database again, since the other test classes share them.
 */
@WholeSystemTest
class DatabaseRestartIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);
  private static final Duration RECOVERY = Duration.ofMinutes(2);

  /** Four purge batches per table, some twenty identity batches of three. */
  private static final int PURGE_MEMBERS = 20;

  private static final int DELETION_MEMBERS = 30;

  private final SystemUnderTest sut;
  private final WholeSystem system;

  DatabaseRestartIT(SystemUnderTest sut) {
    this.sut = sut;
    this.system = sut.system();
  }

  @BeforeEach
  void onlyTheEmbeddedDatabaseRestarts() {
    assumeTrue(system.canRestartPostgres(), "an existing PostgreSQL is not restarted by tests");
  }

  @AfterEach
  void everyServerAnswersThroughTheDatabaseAgain() {
    if (system.canRestartPostgres()) {
      await("Keycloak and both erasure-services answering through the database again")
          .atMost(RECOVERY)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(this::everyServerAnswers);
    }
  }

  @Test
  void purgeInterruptedByADatabaseRestartFinishesWithExactCounts() throws Exception {
    DemoOrg org = sut.createOrg(PURGE_MEMBERS);
    Map<String, Long> rowsBefore = AppData.rowsOf(system, org.id());
    long filesBefore = AppData.filesOf(system, org.id());
    Map<String, String> othersBefore = AppData.everythingBut(system, org.id());
    String requestId = erase(org);

    awaitPurgeUnderWay(org, rowsBefore);
    long remaining = total(AppData.rowsOf(system, org.id()));
    system.restartPostgres();
    assertTrue(remaining > 0, "the purge had finished before the restart");

    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(system, requestId, ErasureStates.DONE, COMPLETION));
    AppData.rowsOf(system, org.id()).forEach((table, rows) -> assertEquals(0L, rows, table));
    assertEquals(0, AppData.filesOf(system, org.id()));
    assertEquals(othersBefore, AppData.everythingBut(system, org.id()));
    ErasureRecords.Audit record = ErasureRecords.completionRecord(system, requestId);
    rowsBefore.forEach(
        (table, rows) -> assertEquals((long) rows, record.rowsDeleted(table), table));
    assertEquals(filesBefore, record.appData().files().deleted());
    assertEquals(0, record.appData().files().failed());
    assertEquals(PURGE_MEMBERS, record.counts().path("identitiesDeleted").asLong());
  }

  @Test
  void identityDeletionInterruptedByADatabaseRestartFinishesWithExactCounts() throws Exception {
    DemoOrg org = sut.createOrg(DELETION_MEMBERS);
    DemoOrg other = sut.createOrg(2);
    Map<String, Long> rowsBefore = AppData.rowsOf(system, org.id());
    Map<String, String> othersAppData = AppData.everythingBut(system, org.id());
    String othersEvents = PersonalData.adminEventsNaming(system, other.members());
    String requestId = erase(org);

    Sql.awaitCount(
        "the first identity batch",
        system::keycloakDatabase,
        "select count(*) from org_erasure_locked_member where request_id = ? and identity_deleted",
        requestId,
        COMPLETION);
    system.restartPostgres();
    long deletedAtRestart = org.members().stream().filter(this::isGone).count();
    assertTrue(deletedAtRestart < DELETION_MEMBERS, "deleted before the restart: all");

    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(system, requestId, ErasureStates.DONE, COMPLETION));
    for (Member member : org.members()) {
      assertTrue(isGone(member), member.username());
    }
    assertFalse(
        sut.masterAdmin().find(DemoRealm.ADMIN_PATH + "/organizations/" + org.id()).isPresent());
    ErasureRecords.Audit record = ErasureRecords.completionRecord(system, requestId);
    assertEquals(DELETION_MEMBERS, record.memberCount());
    assertEquals(DELETION_MEMBERS, record.counts().path("identitiesDeleted").asLong());
    assertEquals(DELETION_MEMBERS, record.counts().path("membersLocked").asLong());
    rowsBefore.forEach(
        (table, rows) -> assertEquals((long) rows, record.rowsDeleted(table), table));
    assertEquals(
        List.of(
            "REQUESTED",
            "LOCKED_OUT",
            "HANDED_OVER",
            "APP_DATA_PURGED",
            "NOTIFIED",
            "IDENTITIES_DELETED",
            "COMPLETED"),
        ErasureRecords.auditRecords(system, requestId).stream()
            .map(ErasureRecords.Audit::event)
            .toList());
    assertEquals(List.of(), PersonalData.columnsNaming(system, org.members()));
    assertEquals(othersEvents, PersonalData.adminEventsNaming(system, other.members()));
    assertEquals(othersAppData, AppData.everythingBut(system, org.id()));
  }

  private String erase(DemoOrg org) {
    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                system.keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(org.id(), org.name());
    assertEquals(201, started.status(), started.body());
    return started.json().path("id").asText();
  }

  private boolean isGone(Member member) {
    return !RealmState.userExists(system, member.id());
  }

  private void awaitPurgeUnderWay(DemoOrg org, Map<String, Long> rowsBefore) {
    long before = total(rowsBefore);
    await("the start of the purge")
        .atMost(Duration.ofMinutes(1))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(50))
        .until(() -> total(AppData.rowsOf(system, org.id())), rows -> rows != before);
  }

  private static long total(Map<String, Long> rows) {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Each server's readiness, which asks its database, and a call through Keycloak to each
   * erasure-service, which reads Keycloak's database (the admin's session) and the service's.
   */
  private boolean everyServerAnswers() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (URI readiness :
        List.of(
            system.keycloakMetricsUrl().resolve("/health/ready"),
            system.libertyUrl().resolve("/health/ready"),
            system.groupsLibertyUrl().resolve("/health/ready"))) {
      int status =
          http.send(
                  HttpRequest.newBuilder(readiness).GET().build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      if (status != 200) {
        return false;
      }
    }
    for (TenantKind kind : TenantKind.values()) {
      ErasureAdminApi.Answer counts = Tenancy.of(kind, sut).asRealmAdmin().appDataPage();
      if (counts.status() != 200) {
        return false;
      }
    }
    return true;
  }
}
