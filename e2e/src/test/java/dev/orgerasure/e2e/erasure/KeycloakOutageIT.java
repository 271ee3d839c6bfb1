package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak is down when the service has purged an organisation's app data, and stays down past the
 * point where the service's report back-off has grown to its longest wait (the suite's is {@value
 * dev.orgerasure.e2e.WholeSystemExtension#LONGEST_BACKOFF_MS} ms, after three failed reports): the
 * service keeps reporting at that pace, and once Keycloak is back the erasure completes, with its
 * counts exact and recorded once.
 */
@WholeSystemTest
class KeycloakOutageIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);

  /** Waits of 1, 2 and 4 s: the fourth failed report came after a wait at the longest. */
  private static final int REPORTS_PAST_THE_LONGEST_WAIT = 4;

  private final SystemUnderTest sut;
  private final WholeSystem system;

  KeycloakOutageIT(SystemUnderTest sut) {
    this.sut = sut;
    this.system = sut.system();
  }

  @Test
  void erasureCompletesWithExactCountsWhenKeycloakReturnsAfterTheReportBackOffPeaked()
      throws Exception {
    DemoOrg org = sut.createOrg(5);
    Map<String, Long> rowsBefore = AppData.rowsOf(system, org.id());
    long filesBefore = AppData.filesOf(system, org.id());
    Map<String, String> othersBefore = AppData.everythingBut(system, org.id());
    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                system.keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(org.id(), org.name());
    assertEquals(201, started.status(), started.body());
    String requestId = started.json().path("id").asText();

    system.killKeycloak();
    ServicePurge retrying;
    try {
      retrying =
          await("the service's reports to a Keycloak that is down")
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> ServicePurge.of(system, requestId),
                  purge -> purge.reportAttempts() >= REPORTS_PAST_THE_LONGEST_WAIT);
    } finally {
      system.startKeycloak();
    }
    assertEquals("REPORT_RETRYING", retrying.state(), retrying.toString());
    assertFalse(retrying.lastReportError().isBlank(), retrying.toString());

    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(system, requestId, ErasureStates.DONE, COMPLETION));
    assertEquals("REPORTED", ServicePurge.of(system, requestId).state());
    AppData.rowsOf(system, org.id()).forEach((table, rows) -> assertEquals(0L, rows, table));
    assertEquals(0, AppData.filesOf(system, org.id()));
    for (Member member : org.members()) {
      assertFalse(RealmState.userExists(system, member.id()), member.username());
    }
    assertEquals(othersBefore, AppData.everythingBut(system, org.id()));
    assertEquals(
        ErasureStates.STEPS,
        ErasureRecords.auditRecords(system, requestId).stream()
            .map(ErasureRecords.Audit::event)
            .toList());
    ErasureRecords.Audit record = ErasureRecords.completionRecord(system, requestId);
    rowsBefore.forEach(
        (table, rows) -> assertEquals((long) rows, record.rowsDeleted(table), table));
    assertEquals(filesBefore, record.appData().files().deleted());
    assertEquals(org.members().size(), record.counts().path("identitiesDeleted").asLong());
  }
}
