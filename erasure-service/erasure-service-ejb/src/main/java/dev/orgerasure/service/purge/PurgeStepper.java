package dev.orgerasure.service.purge;

import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.service.erasure.Purge;
import dev.orgerasure.service.erasure.PurgeRepository;
import dev.orgerasure.service.filestore.FileStore;
import dev.orgerasure.service.inventory.ApplicationInventory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One short transaction per call: a purge advances by one step (see {@link PurgeStep}: one batch
 * with batches of a fixed size, else batches for up to about half the target time), and the
 * progress of each table it touched is updated in the same transaction, so a crash loses nothing
 * and counts nothing twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PurgeStepper {

  private static final Logger LOG = Logger.getLogger(PurgeStepper.class.getName());

  @Inject private PurgeRepository purges;

  @Inject private SqlSession sql;

  @Inject private FileStore fileStore;

  @Inject private PurgeSettings settings;

  @Inject private ApplicationInventory inventory;

  @Inject private Event<PurgedBatch> purgedBatches;

  private final Clock clock = Clock.systemUTC();

  /**
   * One step of a run: its batches take their sizes from {@code run}, skip the tables the run
   * emptied, and tell the run what they found and how long they took.
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
        return purgeOneStep(purge, now, run);
    }
  }

  private StepOutcome purgeOneStep(Purge purge, Instant now, PurgeRun run) {
    boolean purged =
        PurgeStep.run(
            inventory.inventory(),
            new BatchPurger(sql, fileStore::remove, inventory.inventory()),
            run,
            new PurgeTarget(purge.requestId(), tenantKeyOf(purge), purge.memberPolicy()),
            (batch, size, took) -> {
              purge.recordBatch(
                  batch.table(),
                  batch.rows(),
                  batch.filesDeleted(),
                  batch.fileFailures(),
                  now,
                  settings.fileRetryBackoff());
              purgedBatches.fire(new PurgedBatch(batch.rows(), took));
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
            });
    if (!purged) {
      return StepOutcome.BATCH_DONE;
    }
    purge.finishPurging(now);
    purges.forgetErasedMembers(purge.requestId());
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
   * The key the purge's batches look for: the one resolved when it was accepted; without one, the
   * organisation's id where the tenant column holds Keycloak's ids (a purge an older server
   * accepted), and none where the application maps them (it held no tenant for the organisation).
   */
  private String tenantKeyOf(Purge purge) {
    return purge.tenantKey().orElse(inventory.inventory().mapsKeycloakIds() ? null : purge.orgId());
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
    return purges
        .find(requestId)
        .filter(purge -> purge.state().awaitsReport())
        .map(purge -> purge.report(inventory.counts()));
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
