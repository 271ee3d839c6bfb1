package dev.orgerasure.keycloak.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.FileOutcome;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.contract.TenantKind;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErasureStateTest {

  @Test
  void happyPathIsAllowedStepByStep() {
    ErasureState[] path = {
      ErasureState.REQUESTED,
      ErasureState.LOCKED,
      ErasureState.SCHEDULED,
      ErasureState.PURGING_APP_DATA,
      ErasureState.APP_DATA_PURGED,
      ErasureState.DELETING_IDENTITIES,
      ErasureState.COMPLETED
    };
    for (int i = 1; i < path.length; i++) {
      assertTrue(path[i - 1].canMoveTo(path[i]), path[i - 1] + " -> " + path[i]);
    }
  }

  @Test
  void cancelIsOnlyPossibleBeforeThePurgeStartsAndEndsAfterTheRestore() {
    EnumSet<ErasureState> beforeThePurge =
        EnumSet.of(ErasureState.LOCKED, ErasureState.FAILED_RETRYING, ErasureState.SCHEDULED);
    assertTrue(
        ErasureState.where(state -> state.canMoveTo(ErasureState.CANCELLING))
            .equals(beforeThePurge));
    assertTrue(
        ErasureState.where(state -> state.canMoveTo(ErasureState.CANCELLED))
            .equals(EnumSet.of(ErasureState.CANCELLING)));
    assertTrue(ErasureState.where(ErasureState::isCancellable).equals(beforeThePurge));
    assertTrue(
        ErasureState.where(ErasureState::isInGracePeriod)
            .equals(EnumSet.of(ErasureState.SCHEDULED)));
  }

  @Test
  void terminalStatesLeadNowhere() {
    for (ErasureState terminal :
        EnumSet.of(
            ErasureState.COMPLETED, ErasureState.COMPLETED_WITH_ERRORS, ErasureState.CANCELLED)) {
      assertTrue(terminal.isFinal());
      for (ErasureState target : ErasureState.values()) {
        assertFalse(terminal.canMoveTo(target));
      }
    }
  }

  @Test
  void everyFinalStateReadsAsAnEndAndNoWorkingStateDoes() {
    for (ErasureState state : ErasureState.values()) {
      boolean endPhase =
          state.phase() != ErasureState.Phase.WORKING
              && state.phase() != ErasureState.Phase.RETRYING;
      assertEquals(state.isFinal(), endPhase, state.name());
    }
  }

  @Test
  void onlyAnErasureWhoseAppDataIsGoneMayBeFinished() {
    assertEquals(
        EnumSet.of(ErasureState.APP_DATA_PURGED, ErasureState.DELETING_IDENTITIES),
        ErasureState.where(ErasureState::isFinishable));
  }

  @Test
  void aHandedOverErasureAwaitsTheReportAndNoLongerTheHandOver() {
    ErasureRequestEntity request = request(60);
    request.lockedOut(new MemberCounts(3, 0, 0, 0, 0), 1_000);
    assertTrue(request.getState().awaitsHandOver());
    request.handedOver(2_000);
    assertFalse(request.getState().awaitsHandOver());
    assertTrue(request.getState().awaitsReport());
    assertTrue(request.handOver().isDelivered());
  }

  @Test
  void aReportThatNamesAnotherErasureIsRefused() {
    ErasureRequestEntity request = request(0);
    request.lockedOut(new MemberCounts(3, 0, 0, 0, 0), 1_000);
    request.handedOver(2_000);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            request.appDataPurged(
                new PurgeReport("another", "org", List.of(), new FileOutcome(0, 0))));
    assertEquals(ErasureState.PURGING_APP_DATA, request.getState());
  }

  @Test
  void anErasureHeldByAFinisherIsNotClaimedAgainUntilItsLeaseEnds() {
    ErasureRequestEntity request = request(0);
    request.lockedOut(new MemberCounts(3, 0, 0, 0, 0), 1_000);
    request.handedOver(2_000);
    request.appDataPurged(
        new PurgeReport(request.getId(), "org", List.of(), new FileOutcome(0, 0)));
    assertTrue(request.claimFinishing(3_000, 10_000));
    assertFalse(request.claimFinishing(9_999, 20_000));
    assertTrue(request.claimFinishing(10_001, 20_000));
  }

  @Test
  void aFailedFinishShowsItsErrorUntilTheErasureCompletes() {
    ErasureRequestEntity request = request(0);
    request.lockedOut(new MemberCounts(3, 0, 0, 0, 0), 1_000);
    request.handOverFailed("service down", false, 2_000);
    request.handedOver(3_000);
    request.appDataPurged(
        new PurgeReport(request.getId(), "org", List.of(), new FileOutcome(0, 0)));
    assertTrue(request.claimFinishing(4_000, 10_000));
    request.finishingFailed("database gone");
    assertEquals("database gone", request.lastError());
    assertFalse(request.claimFinishing(5_000, 20_000));
    assertTrue(request.claimFinishing(10_001, 20_000));
    request.completed(false, "audit", 11_000);
    assertNull(request.lastError());
  }

  private static ErasureRequestEntity request(int gracePeriodSeconds) {
    return new ErasureRequestEntity(
        "realm",
        TenantKind.ORGANIZATION,
        "org",
        "Org",
        "user",
        "admin",
        "admin@example.org",
        gracePeriodSeconds,
        MemberPolicy.ERASE,
        3,
        0);
  }

  @Test
  void requestRefusesASkippedStep() {
    ErasureRequestEntity request = request(0);
    assertThrows(
        IllegalStateTransitionException.class, () -> request.moveTo(ErasureState.COMPLETED));
  }

  @Test
  void handOverWithAGracePeriodSchedulesThePurge() {
    ErasureRequestEntity request = request(60);
    request.lockedOut(new MemberCounts(3, 0, 0, 0, 0), 1_000);
    request.handedOver(2_000);
    assertEquals(ErasureState.SCHEDULED, request.getState());
  }

  @Test
  void handOverWithoutAGracePeriodStartsThePurge() {
    ErasureRequestEntity request = request(0);
    request.lockedOut(new MemberCounts(3, 0, 0, 0, 0), 1_000);
    request.handedOver(2_000);
    assertEquals(ErasureState.PURGING_APP_DATA, request.getState());
  }

  /**
   * A cancel asks the service unless no attempt can have reached it: a connection never made is the
   * only failure that says the service did not get the erasure.
   */
  @Test
  void onlyAnErasureNoAttemptMayHaveReachedIsNotTheServicesToCancel() {
    ErasureRequestEntity neverConnected = request(0);
    neverConnected.lockedOut(new MemberCounts(3, 0, 0, 0, 0), 1_000);
    neverConnected.handOverFailed("connection refused", false, 2_000);
    assertFalse(neverConnected.handOver().mayBeAtTheService());

    ErasureRequestEntity answered = request(0);
    answered.lockedOut(new MemberCounts(3, 0, 0, 0, 0), 1_000);
    answered.handOverFailed("connection refused", false, 2_000);
    answered.handOverFailed("timed out", true, 3_000);
    answered.handOverFailed("connection refused", false, 4_000);
    assertTrue(answered.handOver().mayBeAtTheService());
  }

  @Test
  void failedHandOverIsRetriedAndThenSucceeds() {
    ErasureRequestEntity request = request(0);
    request.lockedOut(new MemberCounts(3, 0, 0, 0, 0), 1_000);
    request.handOverFailed("down", false, 5_000);
    request.handOverFailed("down", false, 9_000);
    assertEquals(ErasureState.FAILED_RETRYING, request.getState());
    assertEquals(2, request.handOver().attempts());
    request.handedOver(10_000);
    assertEquals(ErasureState.PURGING_APP_DATA, request.getState());
    assertNull(request.handOver().lastError());
  }

  @Test
  void reportAfterTheGracePeriodCompletesThePurgeStep() {
    ErasureRequestEntity request = request(60);
    request.lockedOut(new MemberCounts(3, 0, 0, 0, 0), 1_000);
    request.handedOver(2_000);
    request.appDataPurged(
        new PurgeReport(request.getId(), "org", List.of(), new FileOutcome(0, 0)));
    assertEquals(ErasureState.APP_DATA_PURGED, request.getState());
  }
}
