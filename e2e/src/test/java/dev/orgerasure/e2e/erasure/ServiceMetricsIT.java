package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What an operator's monitoring reads from the erasure-service's {@code /metrics} on Open Liberty
 * (docs/operating.md, "Metrics and alerts"), without credentials: one erasure moves the rows purged
 * by exactly the organisation's rows, the batch timer, the hand-overs accepted and the purges by
 * state.
 */
@WholeSystemTest
class ServiceMetricsIT {

  private final SystemUnderTest sut;

  ServiceMetricsIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void aCompletedErasureShowsInTheRowsPurgedTheBatchTimerTheHandOversAndThePurgesByState() {
    // The counters are the server's: no purge of an earlier test may purge meanwhile.
    await("no other purge running or about to start")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> otherPurgesDue() == 0);
    double rowsBefore = metric("org_erasure_service_rows_purged_total", null);
    double batchesBefore = metric("org_erasure_service_purge_batch_seconds_count", null);
    double acceptedBefore = metric("org_erasure_service_hand_overs_total", "outcome=\"accepted\"");
    double reportedBefore = metric("org_erasure_service_purges", "state=\"REPORTED\"");
    DemoOrg org = sut.createOrg(2);
    long rows =
        AppData.rowsOf(sut.system(), org.id()).values().stream().mapToLong(Long::longValue).sum();
    assertTrue(rows > 0, "the organisation has app data");

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

    assertEquals((double) rows, metric("org_erasure_service_rows_purged_total", null) - rowsBefore);
    assertTrue(
        metric("org_erasure_service_purge_batch_seconds_count", null) > batchesBefore,
        "a batch timed");
    assertTrue(
        metric("org_erasure_service_hand_overs_total", "outcome=\"accepted\"") > acceptedBefore,
        "the hand-over counted");
    await("the purges by state, read again from the database")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> metric("org_erasure_service_purges", "state=\"REPORTED\"") > reportedBefore);
    assertEquals(0.0, metric("org_erasure_service_undeleted_files", null), "every file deleted");
  }

  /** Purges of the service that purge now or within the next minutes. */
  private long otherPurgesDue() throws SQLException {
    try (Connection db = sut.system().learningDatabase();
        Statement statement = db.createStatement();
        ResultSet counted =
            statement.executeQuery(
                "select count(*) from erasure.purge where state = 'PURGING_APP_DATA'"
                    + " or (state = 'SCHEDULED' and grace_until < now() + interval '5 minutes')")) {
      counted.next();
      return counted.getLong(1);
    }
  }

  private double metric(String name, String label) {
    return new MetricsPage(sut.system().libertyUrl().resolve("/metrics")).value(name, label);
  }
}
