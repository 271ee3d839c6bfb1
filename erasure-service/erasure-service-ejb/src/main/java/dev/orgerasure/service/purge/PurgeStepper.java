package dev.orgerasure.service.purge;

import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.erasure.Purge;
import dev.orgerasure.service.erasure.PurgeRepository;
import dev.orgerasure.service.filestore.FileStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One short transaction per call: a purge advances by at most one batch of one table, and that
 * table's progress is updated in the same transaction, so a crash loses nothing and counts nothing
 * twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PurgeStepper {

  private static final Logger LOG = Logger.getLogger(PurgeStepper.class.getName());

  @Inject private PurgeRepository purges;

  @Inject private SqlSession sql;

  @Inject private FileStore fileStore;

  @Inject private PurgeSettings settings;

  private final Clock clock = Clock.systemUTC();

  /**
   * One step of a run: a batch takes its size from {@code run}, skips the tables the run emptied,
   * and tells the run what it found and how long it took.
   */
  public StepOutcome step(String requestId, PurgeRun run) {
    Optional<Purge> found = purges.lock(requestId);
    if (found.isEmpty()) {
      return StepOutcome.FINISHED;
    }
    Purge purge = found.get();
    Instant now = clock.instant();
    switch (purge.nextStep(now)) {
      case WAIT:
        return StepOutcome.WAIT;
      case REPORT:
        return StepOutcome.REPORT_DUE;
      case NOTHING_LEFT:
        return StepOutcome.FINISHED;
      case RETRY_FILES:
        retryUndeletedFiles(purge, now, false);
        return StepOutcome.WAIT;
      default:
        if (purge.startPurgingIfScheduled(now)) {
          LOG.info(() -> "Purge " + requestId + " of organisation " + purge.orgId() + " started");
        }
        return purgeOneBatch(purge, now, run);
    }
  }

  private StepOutcome purgeOneBatch(Purge purge, Instant now, PurgeRun run) {
    BatchPurger purger = new BatchPurger(sql, fileStore::remove);
    // A table is done when a batch finds fewer of the organisation's rows than it asked for (the
    // run then skips it) or none: deleted rows are gone, and rows reset under Detach no longer
    // carry its org_id. A step that emptied a table early goes on to the next, if the run allows.
    long stepStarted = System.nanoTime();
    for (InventoryTable table : DataInventory.appTablesInPurgeOrder()) {
      if (run.hasEmptied(table.name())) {
        continue;
      }
      int size = run.sizeFor(table.name());
      long started = System.nanoTime();
      BatchResult batch = purger.purgeBatch(table, purge.orgId(), purge.memberPolicy(), size);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      run.record(table.name(), size, batch.rows(), took);
      if (!batch.isEmpty()) {
        purge.recordBatch(
            table.name(),
            batch.rows(),
            batch.filesDeleted(),
            batch.fileFailures(),
            now,
            settings.fileRetryBackoff());
        LOG.fine(
            () ->
                "Purge "
                    + purge.requestId()
                    + ": "
                    + batch
                    + " of at most "
                    + size
                    + " in "
                    + took.toMillis()
                    + " ms");
        if (!run.goesOnAfter(table.name(), Duration.ofNanos(System.nanoTime() - stepStarted))) {
          return StepOutcome.BATCH_DONE;
        }
      }
    }
    purge.finishPurging(now);
    LOG.info(
        () ->
            "Purge "
                + purge.requestId()
                + ": app data of organisation "
                + purge.orgId()
                + " purged, "
                + purge.filesDeleted()
                + " file(s) deleted, "
                + purge.filesFailed()
                + " failed");
    return StepOutcome.REPORT_DUE;
  }

  /**
   * Tries every file of the purge that could not be deleted, due or not; the purge, if it exists.
   */
  public Optional<Purge> retryUndeletedFilesNow(String requestId) {
    Optional<Purge> found = purges.lock(requestId);
    found.ifPresent(purge -> retryUndeletedFiles(purge, clock.instant(), true));
    return found;
  }

  private void retryUndeletedFiles(Purge purge, Instant now, boolean all) {
    for (String path : purge.undeletedFilePaths(now, all)) {
      Optional<String> error = fileStore.remove(path);
      if (error.isEmpty()) {
        purge.undeletedFileDeleted(path);
        LOG.info(() -> "Purge " + purge.requestId() + ": file " + path + " deleted on retry");
      } else {
        purge.undeletedFileFailedAgain(path, error.get(), now, settings.fileRetryBackoff());
      }
    }
  }

  /** The purge's counts for the report, if it still awaits one. */
  public Optional<PurgeReport> pendingReport(String requestId) {
    return purges.find(requestId).filter(purge -> purge.state().awaitsReport()).map(Purge::report);
  }

  public void recordReport(String requestId, ReportOutcome outcome) {
    purges
        .lock(requestId)
        .filter(purge -> purge.state().awaitsReport())
        .ifPresent(
            purge -> {
              Instant now = clock.instant();
              if (outcome.delivered()) {
                purge.reported(now);
                LOG.info(() -> "Purge " + requestId + " reported to Keycloak");
              } else {
                purge.reportFailed(now, outcome.error(), settings.reportBackoff());
                LOG.warning(
                    () ->
                        "Purge "
                            + requestId
                            + ": report to Keycloak failed (attempt "
                            + purge.reportAttempts()
                            + ", next at "
                            + purge.nextReportAt()
                            + "): "
                            + outcome.error());
              }
            });
  }
}
