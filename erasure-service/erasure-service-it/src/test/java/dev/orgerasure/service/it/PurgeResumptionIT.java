package dev.orgerasure.service.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgerasure.db.inventory.InventoryTable;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A purge interrupted by a stop of the application carries on when it starts again. Arquillian
 * stops and starts the application (undeploy, deploy) on the one running Liberty; the test reaches
 * the database from the test JVM, since the application is down in between.
 *
 * <p>The interruption is what a crash after the first committed batch leaves in the database: the
 * purge in PURGING_APP_DATA with that batch counted, and the rest of the rows. No timer is left for
 * it, so only the resumption at start ({@code PurgeResumption}) can finish it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PurgeResumptionIT {

  private static final String SERVICE = "service";

  @Deployment(name = SERVICE, managed = false, testable = false)
  public static EnterpriseArchive service() {
    return ServiceArchive.asBuilt();
  }

  @ArquillianResource private Deployer deployer;

  @Test
  public void purgeInterruptedByAStopResumesAtStartAndFinishesWithExactCounts() throws Exception {
    String orgId = OrgData.newOrgId();
    String otherId = OrgData.newOrgId();
    String requestId = UUID.randomUUID().toString();
    int batch = TestServer.BATCH_SIZE;

    // Deployed once so that the application migrates the schema.
    deployer.deploy(SERVICE);
    deployer.undeploy(SERVICE);

    Map<String, Long> before;
    Map<String, String> otherBefore;
    try (Connection db = TestServer.connect()) {
      OrgData.create(db, orgId, batch + 1);
      OrgData.create(db, otherId, batch + 1);
      before = OrgData.counts(db, orgId);
      otherBefore = OrgData.checksums(db, otherId);
      interruptedAfterOneBatch(db, requestId, orgId, batch);
    }

    deployer.deploy(SERVICE);
    try {
      Map<String, Long> counted =
          await("the resumed purge")
              .atMost(Duration.ofSeconds(60))
              .pollInSameThread()
              .pollInterval(Duration.ofMillis(100))
              .until(
                  () -> {
                    try (Connection db = TestServer.connect()) {
                      return finishedCounts(db, requestId);
                    }
                  },
                  Optional::isPresent)
              .orElseThrow();
      assertEquals(before, counted);
      try (Connection db = TestServer.connect()) {
        assertEquals(zeroes(before), OrgData.counts(db, orgId));
        assertEquals(otherBefore, OrgData.checksums(db, otherId));
      }
    } finally {
      deployer.undeploy(SERVICE);
    }
  }

  /**
   * The rows of one batch of the first table gone, and counted in the purge's progress, as one
   * committed step leaves them.
   */
  private static void interruptedAfterOneBatch(
      Connection db, String requestId, String orgId, int batch) throws Exception {
    OrgData.update(
        db,
        "INSERT INTO purge (request_id, org_id, org_name, state, member_policy, tenant_kind,"
            + " requested_at, grace_until, started_at) VALUES (?, ?, ?, 'PURGING_APP_DATA',"
            + " 'ERASE', 'ORGANIZATION', now() - interval '1 minute', now() - interval '1 minute',"
            + " now() - interval '1 minute')",
        requestId,
        orgId,
        "Org " + orgId);
    List<InventoryTable> tables = OrgData.tablesInPurgeOrder(db);
    String firstTable = tables.get(0).name();
    for (int position = 0; position < tables.size(); position++) {
      String table = tables.get(position).name();
      int deleted =
          table.equals(firstTable)
              ? OrgData.update(
                  db,
                  "DELETE FROM "
                      + table
                      + " WHERE id IN (SELECT id FROM "
                      + table
                      + " WHERE org_id = ? ORDER BY id LIMIT ?)",
                  orgId,
                  batch)
              : 0;
      OrgData.update(
          db,
          "INSERT INTO purge_progress (request_id, table_name, position, rows_deleted)"
              + " VALUES (?, ?, ?, ?)",
          requestId,
          table,
          position,
          deleted);
    }
  }

  /** The purge's per-table counts, once it has purged the organisation's data. */
  private static Optional<Map<String, Long>> finishedCounts(Connection db, String requestId)
      throws Exception {
    List<Object[]> finished =
        OrgData.query(
            db, "SELECT 1 FROM purge WHERE request_id = ? AND finished_at IS NOT NULL", requestId);
    if (finished.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Object[] row :
        OrgData.query(
            db,
            "SELECT table_name, rows_deleted FROM purge_progress WHERE request_id = ?"
                + " ORDER BY position",
            requestId)) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return Optional.of(counts);
  }

  private static Map<String, Long> zeroes(Map<String, Long> counts) {
    Map<String, Long> zeroes = new LinkedHashMap<>();
    counts.keySet().forEach(table -> zeroes.put(table, 0L));
    return zeroes;
  }
}
