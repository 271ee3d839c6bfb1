package dev.orgerasure.service.erasure;

import static dev.orgerasure.contract.MemberPolicy.ERASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.DetachAction;
import dev.orgerasure.contract.FailedFile;
import dev.orgerasure.contract.FileOutcome;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.contract.PurgeState;
import dev.orgerasure.contract.TableCount;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.service.contract.InventoryCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurgeTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final List<String> TABLES = List.of("progress", "assets", "organizations");
  private static final InventoryCounts COUNTS =
      new InventoryCounts(DeclaredInventory.learningPlatform().tables());
  private static final ReportBackoff BACKOFF =
      new ReportBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
  private static final FileFailure STUCK = new FileFailure("org/1/stuck.pdf", "in use");

  private static Purge purge(Duration grace) {
    return new Purge(
        UUID.randomUUID().toString(),
        "org-1",
        "org-1",
        "Org One",
        ERASE,
        TenantKind.ORGANIZATION,
        grace,
        T0,
        TABLES);
  }

  @Test
  void aNewPurgeIsScheduledWithZeroProgressForEveryTableInOrder() {
    Purge purge = purge(Duration.ZERO);
    assertEquals(PurgeState.SCHEDULED, purge.state());
    assertEquals(TABLES, purge.progress().stream().map(PurgeProgress::tableName).toList());
    assertTrue(purge.progress().stream().allMatch(row -> row.rowsDeleted() == 0));
  }

  @Test
  void malformedRequestsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Purge(
                "not-a-uuid",
                "org",
                "org",
                "Org",
                ERASE,
                TenantKind.ORGANIZATION,
                Duration.ZERO,
                T0,
                TABLES));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Purge(
                UUID.randomUUID().toString(),
                " ",
                " ",
                "Org",
                ERASE,
                TenantKind.ORGANIZATION,
                Duration.ZERO,
                T0,
                TABLES));
    assertThrows(
        NullPointerException.class,
        () ->
            new Purge(
                UUID.randomUUID().toString(),
                "org",
                "org",
                null,
                ERASE,
                TenantKind.ORGANIZATION,
                Duration.ZERO,
                T0,
                TABLES));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Purge(
                UUID.randomUUID().toString(),
                "org",
                "org",
                "Org",
                ERASE,
                TenantKind.ORGANIZATION,
                Duration.ofSeconds(-1),
                T0,
                TABLES));
    assertThrows(
        NullPointerException.class,
        () ->
            new Purge(
                UUID.randomUUID().toString(),
                "org",
                "org",
                "Org",
                null,
                TenantKind.ORGANIZATION,
                Duration.ZERO,
                T0,
                TABLES));
  }

  @Test
  void aPurgeKeepsItsMemberPolicyAndItsCountsSayWhatDetachDoesToEachTable() {
    Purge purge =
        new Purge(
            UUID.randomUUID().toString(),
            "org-1",
            "org-1",
            "Org One",
            MemberPolicy.DETACH,
            TenantKind.ORGANIZATION,
            Duration.ZERO,
            T0,
            List.of("onboarding", "organizations"));
    assertEquals(MemberPolicy.DETACH, purge.memberPolicy());
    assertEquals(
        List.of(DetachAction.RESET, DetachAction.DELETE),
        purge.status(COUNTS).tables().stream().map(TableCount::underDetach).toList());
  }

  @Test
  void purgingWaitsForTheGracePeriod() {
    Purge purge = purge(Duration.ofMinutes(5));
    assertFalse(purge.isDue(T0.plusSeconds(299)));
    assertThrows(IllegalStateException.class, () -> purge.startPurging(T0.plusSeconds(299)));
    assertTrue(purge.isDue(T0.plusSeconds(300)));
    purge.startPurging(T0.plusSeconds(300));
    assertEquals(PurgeState.PURGING_APP_DATA, purge.state());
    assertEquals(T0.plusSeconds(300), purge.startedAt());
  }

  @Test
  void batchesAddUpPerTableAndFiles() {
    Purge purge = purge(Duration.ZERO);
    purge.startPurging(T0);
    purge.recordBatch("progress", 500, 0, List.of(), T0, BACKOFF);
    purge.recordBatch("progress", 20, 0, List.of(), T0, BACKOFF);
    purge.recordBatch("assets", 7, 6, List.of(STUCK), T0, BACKOFF);
    assertEquals(520, purge.rowsDeleted("progress"));
    assertEquals(7, purge.rowsDeleted("assets"));
    assertEquals(6, purge.filesDeleted());
    assertEquals(1, purge.filesFailed());
  }

  /** An upgrade between the hand-over and the purge may add a table to the inventory. */
  @Test
  void aTableTheInventoryGainedAfterTheHandOverIsRecordedAfterTheOthers() {
    Purge purge = purge(Duration.ZERO);
    purge.startPurging(T0);
    purge.recordBatch("courses", 3, 0, List.of(), T0, BACKOFF);

    assertEquals(3, purge.rowsDeleted("courses"));
    assertEquals(
        List.of("progress", "assets", "organizations", "courses"),
        purge.report(COUNTS).tables().stream().map(TableCount::table).toList());
  }

  @Test
  void aBatchIsRefusedOutsideOfPurging() {
    Purge purge = purge(Duration.ZERO);
    assertThrows(
        IllegalStateException.class,
        () -> purge.recordBatch("progress", 1, 0, List.of(), T0, BACKOFF));
  }

  @Test
  void finishedPurgeAwaitsItsReportAtOnce() {
    Purge purge = purge(Duration.ZERO);
    purge.startPurging(T0);
    purge.finishPurging(T0.plusSeconds(3));
    assertEquals(PurgeState.APP_DATA_PURGED, purge.state());
    assertTrue(purge.isReportDue(T0.plusSeconds(3)));
    purge.reported(T0.plusSeconds(4));
    assertEquals(PurgeState.REPORTED, purge.state());
    assertEquals(T0.plusSeconds(4), purge.reportedAt());
    assertTrue(purge.state().isFinal());
    assertFalse(purge.isReportDue(T0.plusSeconds(100)));
  }

  @Test
  void aFailedReportIsRetriedAfterTheBackoffUntilItIsDelivered() {
    Purge purge = purge(Duration.ZERO);
    purge.startPurging(T0);
    purge.finishPurging(T0);
    purge.reportFailed(T0, "connection refused", BACKOFF);
    assertEquals(PurgeState.REPORT_RETRYING, purge.state());
    assertEquals(T0.plusSeconds(1), purge.nextReportAt());
    assertFalse(purge.isReportDue(T0.plusMillis(999)));
    assertTrue(purge.isReportDue(T0.plusSeconds(1)));
    purge.reportFailed(T0.plusSeconds(1), "503", BACKOFF);
    assertEquals(T0.plusSeconds(3), purge.nextReportAt());
    purge.reported(T0.plusSeconds(3));
    assertEquals(PurgeState.REPORTED, purge.state());
    assertEquals(3, purge.reportAttempts());
    assertNull(purge.lastReportError());
  }

  @Test
  void aCancelDuringTheGracePeriodEndsThePurgeBeforeAnythingIsDeleted() {
    Purge scheduled = purge(Duration.ofHours(1));
    scheduled.cancel(T0.plusSeconds(3599));
    assertEquals(PurgeState.CANCELLED, scheduled.state());
    assertEquals(Purge.NextStep.NOTHING_LEFT, scheduled.nextStep(T0.plusSeconds(7200)));
    assertThrows(IllegalStateException.class, () -> scheduled.startPurging(T0.plusSeconds(7200)));
  }

  /** Keycloak asks again when it never heard the first answer; the purge stays cancelled. */
  @Test
  void aSecondCancelOfACancelledPurgeSucceedsAndChangesNothing() {
    Purge scheduled = purge(Duration.ofHours(1));
    scheduled.cancel(T0.plusSeconds(10));
    scheduled.cancel(T0.plusSeconds(7200));
    assertEquals(PurgeState.CANCELLED, scheduled.state());
  }

  @Test
  void aCancelAtTheEndOfTheGracePeriodIsRefusedEvenBeforeTheTimerFires() {
    Purge scheduled = purge(Duration.ofHours(1));
    assertThrows(GracePeriodOverException.class, () -> scheduled.cancel(T0.plusSeconds(3600)));
    assertEquals(PurgeState.SCHEDULED, scheduled.state());
  }

  @Test
  void aPurgeThatStartedCannotBeCancelled() {
    Purge purging = purge(Duration.ZERO);
    purging.startPurging(T0);
    assertThrows(GracePeriodOverException.class, () -> purging.cancel(T0));
  }

  @Test
  void thePurgeDecidesItsNextStepByItsStateAndTheTime() {
    Purge purge = purge(Duration.ofSeconds(300));
    assertEquals(Purge.NextStep.WAIT, purge.nextStep(T0.plusSeconds(299)));
    assertEquals(Purge.NextStep.PURGE_BATCH, purge.nextStep(T0.plusSeconds(300)));
    assertTrue(purge.startPurgingIfScheduled(T0.plusSeconds(300)));
    assertFalse(purge.startPurgingIfScheduled(T0.plusSeconds(301)));
    assertEquals(Purge.NextStep.PURGE_BATCH, purge.nextStep(T0.plusSeconds(301)));
    purge.finishPurging(T0.plusSeconds(302));
    assertEquals(Purge.NextStep.REPORT, purge.nextStep(T0.plusSeconds(302)));
    purge.reportFailed(T0.plusSeconds(302), "503", BACKOFF);
    assertEquals(Purge.NextStep.WAIT, purge.nextStep(T0.plusSeconds(302)));
    purge.reported(T0.plusSeconds(400));
    assertEquals(Purge.NextStep.NOTHING_LEFT, purge.nextStep(T0.plusSeconds(400)));
  }

  @Test
  void aFileThatCouldNotBeDeletedIsRetriedAfterTheBackoffAlsoAfterTheReport() {
    Purge purge = purge(Duration.ZERO);
    purge.startPurging(T0);
    purge.recordBatch("assets", 2, 1, List.of(STUCK), T0, BACKOFF);
    purge.finishPurging(T0);
    purge.reported(T0);
    assertEquals(Purge.NextStep.WAIT, purge.nextStep(T0));
    assertEquals(Purge.NextStep.RETRY_FILES, purge.nextStep(T0.plusSeconds(1)));

    purge.undeletedFileFailedAgain(STUCK.path(), "still in use", T0.plusSeconds(1), BACKOFF);
    assertEquals(Purge.NextStep.WAIT, purge.nextStep(T0.plusSeconds(2)));
    assertEquals(
        List.of(new FailedFile(STUCK.path(), "still in use", 2)),
        purge.status(COUNTS).failedFiles());
    assertEquals(new FileOutcome(1, 1), purge.status(COUNTS).files());

    purge.undeletedFileDeleted(STUCK.path());
    assertEquals(Purge.NextStep.NOTHING_LEFT, purge.nextStep(T0.plusSeconds(3)));
    assertEquals(List.of(), purge.status(COUNTS).failedFiles());
    assertEquals(new FileOutcome(2, 0), purge.status(COUNTS).files());
  }

  @Test
  void theReportCountsEveryTableInPurgeOrderWithItsCategoryAndTheFiles() {
    Purge purge = purge(Duration.ZERO);
    purge.startPurging(T0);
    purge.recordBatch("assets", 4, 3, List.of(STUCK), T0, BACKOFF);
    purge.finishPurging(T0);
    PurgeReport report = purge.report(COUNTS);
    assertEquals(TABLES, report.tables().stream().map(TableCount::table).toList());
    assertEquals(4, report.tables().get(1).rows());
    assertEquals("Assets", report.tables().get(1).category());
    assertEquals(new FileOutcome(3, 1), report.files());
    assertTrue(report.hasFailures());
  }
}
