package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What an operator's monitoring reads from Keycloak's {@code /metrics} (docs/operating.md, "Metrics
 * and alerts"): the erasures by state and the audit log's appends move with an erasure.
 */
@WholeSystemTest
class MetricsIT {

  private final SystemUnderTest sut;

  MetricsIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void aCompletedErasureShowsInTheErasuresByStateTheAuditAppendsAndTheStepTimers() {
    double completedBefore = completed();
    double appendsBefore = metric("org_erasure_audit_appends_total", null);
    double lockoutsBefore = metric("org_erasure_lockout_seconds_count", null);
    double deletionsBefore = metric("org_erasure_identity_deletion_seconds_count", null);
    DemoOrg org = sut.createOrg(2);

    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                sut.system().keycloakUrl(),
                sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(org.id(), org.name());
    assertEquals(201, started.status(), started.body());
    ErasureRecords.awaitState(
        sut.system(),
        started.json().path("id").asText(),
        ErasureStates.DONE,
        Duration.ofMinutes(3));

    await("the erasures by state, read again from the database")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> completed() >= completedBefore + 1);
    double appended = metric("org_erasure_audit_appends_total", null) - appendsBefore;
    assertTrue(appended >= ErasureStates.STEPS.size(), "records appended: " + appended);
    assertEquals(0.0, metric("org_erasure_erasures", "CANCELLING"), "none stuck cancelling");
    // At least this erasure's: others of earlier tests may finish meanwhile.
    assertTrue(metric("org_erasure_lockout_seconds_count", null) >= lockoutsBefore + 1);
    assertTrue(metric("org_erasure_identity_deletion_seconds_count", null) >= deletionsBefore + 1);
  }

  private double completed() {
    return metric("org_erasure_erasures", "COMPLETED")
        + metric("org_erasure_erasures", "COMPLETED_WITH_ERRORS");
  }

  private double metric(String name, String state) {
    return new MetricsPage(sut.system().keycloakMetricsUrl())
        .value(name, state == null ? null : "state=\"" + state + "\"");
  }
}
