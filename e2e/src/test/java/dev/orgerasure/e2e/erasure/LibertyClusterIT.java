package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemExtension;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.harness.LibertyCluster;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The erasure-service as production runs it: two Liberty servers on one database, persistent timers
 * failing over (docs/operating.md, "Running as a cluster"). The system's server of realm {@code
 * learning} gives way to the two for this class and comes back after it.
 */
@WholeSystemTest
class LibertyClusterIT {

  /** Liberty's failover threshold, the next poll, the rest of the purge and the identities. */
  private static final Duration COMPLETION = Duration.ofMinutes(6);

  private static SystemUnderTest base;
  private static Tenancy sut;
  private static LibertyCluster cluster;

  @BeforeAll
  static void twoServers(SystemUnderTest system) {
    base = system;
    sut = Tenancy.of(TenantKind.ORGANIZATION, system);
    cluster = system.system().replaceLibertyWithCluster(WholeSystemExtension.LIBERTY_SETTINGS);
  }

  @AfterAll
  static void theSystemsServerBack() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * Server one, which received the erasure and runs its timer, dies ({@code kill -9}) in the middle
   * of the purge; server two runs the timer once Liberty's failover threshold has passed and
   * finishes: every row of the organisation gone, the report's counts those that existed (no batch
   * counted twice), everyone else's data as it was.
   */
  @Test
  void aPurgeWhoseServerDiesIsFinishedByTheOtherWithExactCounts() throws Exception {
    DemoOrg org = sut.create(20);
    Map<String, Long> rowsBefore = sut.appRows(org.id());
    long filesBefore = sut.appFiles(org.id());
    Map<String, String> othersBefore = sut.appDataOfEveryoneBut(org.id());
    long total = rowsBefore.values().stream().mapToLong(Long::longValue).sum();

    ErasureAdminApi.Answer started = sut.asRealmAdmin().startErasure(org.id(), org.name());
    assertEquals(201, started.status(), started.body());
    String requestId = started.json().path("id").asText();
    await("the start of the purge on server one")
        .atMost(Duration.ofMinutes(1))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(50))
        .until(() -> remainingRows(org), rows -> rows != total);
    cluster.serverOne().kill();
    assertTrue(remainingRows(org) > 0, "the purge had finished before the kill");

    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(base.system(), requestId, ErasureStates.DONE, COMPLETION));
    assertFalse(cluster.serverOne().isRunning(), "server two finished it alone");
    sut.appRows(org.id()).forEach((table, rows) -> assertEquals(0L, rows, table));
    assertEquals(othersBefore, sut.appDataOfEveryoneBut(org.id()));
    ErasureRecords.Audit record = ErasureRecords.completionRecord(base.system(), requestId);
    rowsBefore.forEach(
        (table, rows) -> assertEquals((long) rows, record.rowsDeleted(table), table));
    assertEquals(filesBefore, record.appData().files().deleted());
  }

  private static long remainingRows(DemoOrg org) {
    return sut.appRows(org.id()).values().stream().mapToLong(Long::longValue).sum();
  }
}
