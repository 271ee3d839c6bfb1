package dev.orgerasure.e2e.benchmark;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.db.inventory.SchemaCatalog;
import dev.orgerasure.e2e.benchmark.BenchErasures.Started;
import dev.orgerasure.e2e.benchmark.BenchTenants.Tenant;
import dev.orgerasure.e2e.benchmark.LearningApiReader.Latencies;
import dev.orgerasure.e2e.benchmark.Measures.Measure;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

/**
 * Organisations erased end to end with their app data, one after another, while a member of another
 * organisation reads the learning API; after each, the same rows of a twin deleted in one
 * transaction under the same reader. Each round starts from vacuumed tables, and the reader reads
 * alone before it, so that its idle reads share the rounds' conditions (heap, caches, JIT). Times
 * are the rounds' medians; the latencies pool every round's reads, because half a second of purge
 * holds too few reads for a p99 of its own.
 */
final class WholeErasureMeasure {

  private static final Duration READER_WARM_UP = Duration.ofSeconds(5);
  private static final Duration IDLE_READS_PER_ROUND = Duration.ofSeconds(3);

  private final WholeSystem system;
  private final BenchTenants tenants;
  private final BenchErasures erasures;
  private final DemoOrg readersOrganization;

  WholeErasureMeasure(
      WholeSystem system,
      BenchTenants tenants,
      BenchErasures erasures,
      DemoOrg readersOrganization) {
    this.system = system;
    this.tenants = tenants;
    this.erasures = erasures;
    this.readersOrganization = readersOrganization;
  }

  void measure(int members, int rounds, Measures measures) throws Exception {
    LearningApiReader reader = new LearningApiReader(system, readersOrganization);
    reader.readFor(READER_WARM_UP);
    Latencies idle = Latencies.NONE;
    Latencies duringPurge = Latencies.NONE;
    Latencies duringOneTransaction = Latencies.NONE;
    List<Long> totals = new ArrayList<>();
    List<Long> purges = new ArrayList<>();
    List<Long> oneTransactions = new ArrayList<>();
    long rows = 0;
    for (int round = 1; round <= rounds; round++) {
      Tenant tenant = tenants.organization("Bench Whole " + round, members, 0, "UNMANAGED");
      String twin = UUID.randomUUID().toString();
      try (Connection db = system.learningDatabase()) {
        rows = BulkAppData.insert(db, system.fileStoreRoot(), tenant.id(), tenant.memberIds());
        BulkAppData.insert(
            db,
            system.fileStoreRoot(),
            twin,
            tenant.members().stream().map(member -> UUID.randomUUID().toString()).toList());
      }
      vacuumAppTables();
      idle = idle.plus(reader.readFor(IDLE_READS_PER_ROUND));
      long start = System.nanoTime();
      Started started = erasures.start(tenant, 0);
      FutureTask<Void> purged = inBackground("purge-watch", () -> awaitPurge(started.requestId()));
      duringPurge = duringPurge.plus(reader.readWhile(() -> !purged.isDone()));
      purged.get();
      erasures.awaitCompleted(started.requestId());
      totals.add(Measures.millisSince(start));
      purges.add(purgeMillis(started.requestId()));
      FutureTask<Long> oneTransaction =
          inBackground("one-transaction-delete", () -> deleteInOneTransaction(twin));
      duringOneTransaction =
          duringOneTransaction.plus(reader.readWhile(() -> !oneTransaction.isDone()));
      oneTransactions.add(oneTransaction.get());
    }
    String shape =
        String.format("%,d rows, %,d files; median of %d rounds", rows, BulkAppData.FILES, rounds);
    measures.add(
        new Measure(
            "whole erasure, no grace period",
            "organization",
            members,
            median(totals),
            null,
            null,
            "< 60 s",
            shape + " " + totals));
    measures.add(
        new Measure(
            "app purge",
            "organization",
            members,
            median(purges),
            "the same rows and files deleted in one transaction",
            (double) median(oneTransactions),
            "ratio >= 0.7x",
            shape
                + ", ours "
                + purges
                + ", one transaction "
                + oneTransactions
                + "; both while another organisation reads"));
    measures.add(
        new Measure(
            "other organisation's reads, p99 ms",
            "organization",
            members,
            duringPurge.p99(),
            "p99 when idle",
            idle.p99(),
            "during <= 1.5x idle (ratio >= 0.67x)",
            String.format(
                "%d reads during the purges (p50 %.1f ms), %d idle (p50 %.1f ms), %d during the"
                    + " one transactions (p50 %.1f ms, p99 %.1f ms)",
                duringPurge.count(),
                duringPurge.p50(),
                idle.count(),
                idle.p50(),
                duringOneTransaction.count(),
                duringOneTransaction.p50(),
                duringOneTransaction.p99())));
  }

  /**
   * Clears the dead rows of the rounds before, so that every round starts from the same tables and
   * autovacuum does not start in the middle of one of them.
   */
  private void vacuumAppTables() throws SQLException {
    String tables =
        DeclaredInventory.learningPlatform().tables().stream()
            .map(InventoryTable::name)
            .collect(Collectors.joining(", "));
    try (Connection db = system.learningDatabase();
        Statement vacuum = db.createStatement()) {
      vacuum.execute("vacuum (analyze) " + tables);
    }
  }

  /**
   * Waits on one connection until the purge has finished, so that the reads are not interleaved
   * with opening a connection per look.
   */
  private Void awaitPurge(String requestId) throws Exception {
    try (Connection db = system.learningDatabase();
        PreparedStatement finished =
            db.prepareStatement(
                "select count(*) from purge where request_id = ? and finished_at is not null")) {
      finished.setString(1, requestId);
      while (true) {
        try (ResultSet found = finished.executeQuery()) {
          found.next();
          if (found.getLong(1) > 0) {
            return null;
          }
        }
        Thread.sleep(20);
      }
    }
  }

  private long purgeMillis(String requestId) throws SQLException {
    try (Connection db = system.learningDatabase()) {
      return ErasureQueries.purgeMillis(db, requestId);
    }
  }

  /** What the purge is compared with: every row and file of the organisation in one go. */
  private long deleteInOneTransaction(String orgId) throws Exception {
    long start = System.nanoTime();
    try (Connection db = system.learningDatabase()) {
      db.setAutoCommit(false);
      List<String> files = new ArrayList<>();
      try (PreparedStatement paths =
          db.prepareStatement("select file_path from assets where org_id = ?")) {
        paths.setString(1, orgId);
        try (ResultSet found = paths.executeQuery()) {
          while (found.next()) {
            files.add(found.getString(1));
          }
        }
      }
      DataInventory inventory =
          DataInventory.of(DeclaredInventory.learningPlatform(), SchemaCatalog.read(db, "public"));
      for (InventoryTable table : inventory.tablesInPurgeOrder()) {
        try (PreparedStatement delete =
            db.prepareStatement(
                "delete from " + table.name() + " where " + inventory.tenantColumn() + " = ?")) {
          delete.setString(1, orgId);
          delete.executeUpdate();
        }
      }
      db.commit();
      for (String file : files) {
        Files.deleteIfExists(system.fileStoreRoot().resolve(file));
      }
    }
    return Measures.millisSince(start);
  }

  private static <T> FutureTask<T> inBackground(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    new Thread(task, name).start();
    return task;
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get((values.size() - 1) / 2);
  }
}
