package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak records the service's report, but its answer never reaches the service: the test holds a
 * row lock on the erasure in Keycloak's database, so the report's transaction waits, until the
 * service has given up on the answer (its HTTP timeout, 10 s); released, Keycloak records the
 * report and answers a connection the service has closed. The service reports again, Keycloak
 * answers that it already has it (docs/contract.md, "Idempotency"), and the erasure completes once,
 * with its counts recorded once.
 */
@WholeSystemTest
class LostReportIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);

  private final SystemUnderTest sut;
  private final WholeSystem system;

  LostReportIT(SystemUnderTest sut) {
    this.sut = sut;
    this.system = sut.system();
  }

  @Test
  void reportWhoseAnswerWasLostIsSentAgainAndRecordedOnce() throws Exception {
    DemoOrg org = sut.createOrg(5);
    Map<String, Long> rowsBefore = AppData.rowsOf(system, org.id());
    long filesBefore = AppData.filesOf(system, org.id());
    Map<String, String> othersBefore = AppData.everythingBut(system, org.id());
    ErasureAdminApi admin =
        new ErasureAdminApi(
            system.keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());

    String requestId;
    ServicePurge unanswered;
    try (Connection lock = system.keycloakDatabase()) {
      ErasureAdminApi.Answer started = admin.startErasure(org.id(), org.name());
      assertEquals(201, started.status(), started.body());
      requestId = started.json().path("id").asText();
      holdTheErasure(lock, requestId);
      assertEquals("PURGING_APP_DATA", ErasureRecords.state(system, requestId));

      unanswered =
          await("the service giving up on its first report's answer")
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(200))
              .until(() -> ServicePurge.of(system, requestId), p -> p.reportAttempts() == 1);
      assertEquals("PURGING_APP_DATA", ErasureRecords.state(system, requestId));
      lock.rollback();
    }
    assertEquals("REPORT_RETRYING", unanswered.state(), unanswered.toString());
    assertTrue(unanswered.lastReportError().contains("timed out"), unanswered.toString());

    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(system, requestId, ErasureStates.DONE, COMPLETION));
    ServicePurge reported =
        await("the second report's answer")
            .atMost(Duration.ofMinutes(1))
            .until(() -> ServicePurge.of(system, requestId), p -> p.state().equals("REPORTED"));
    assertEquals(2, reported.reportAttempts(), reported.toString());
    assertEquals(
        ErasureStates.STEPS,
        ErasureRecords.auditRecords(system, requestId).stream()
            .map(ErasureRecords.Audit::event)
            .toList());
    assertEquals(
        1,
        Sql.count(
            system::keycloakDatabase,
            "select count(*) from admin_event_entity"
                + " where resource_path like '%/' || ? || '/app-data-purged'",
            requestId));
    ErasureRecords.Audit record = ErasureRecords.completionRecord(system, requestId);
    rowsBefore.forEach(
        (table, rows) -> assertEquals((long) rows, record.rowsDeleted(table), table));
    assertEquals(filesBefore, record.appData().files().deleted());
    assertEquals(org.members().size(), record.counts().path("identitiesDeleted").asLong());
    AppData.rowsOf(system, org.id()).forEach((table, rows) -> assertEquals(0L, rows, table));
    assertEquals(othersBefore, AppData.everythingBut(system, org.id()));
  }

  /** Locks the erasure's row, as a transaction that writes it would, until rolled back. */
  private static void holdTheErasure(Connection lock, String requestId) throws Exception {
    lock.setAutoCommit(false);
    try (PreparedStatement statement =
        lock.prepareStatement("select id from org_erasure_request where id = ? for update")) {
      statement.setString(1, requestId);
      try (ResultSet row = statement.executeQuery()) {
        assertTrue(row.next(), requestId);
      }
    }
  }
}
