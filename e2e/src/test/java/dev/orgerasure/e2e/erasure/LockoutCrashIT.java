package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Keycloak dies in the middle of a lockout and comes back: the scheduled task takes the erasure
 * over once the dead node's lease ran out and finishes the lockout where it stopped. The suite runs
 * Keycloak with small lockout batches and a short lease (see {@code WholeSystemExtension}), so that
 * the lockout can be caught between two batches and the restart does not wait long.
 */
@WholeSystemTest
class LockoutCrashIT {

  /** Enough members for a dozen lockout batches: the kill lands while most are still to do. */
  private static final int MEMBERS = 60;

  /** Long enough to look at the locked-out members before the purge, short to finish the test. */
  private static final int GRACE_PERIOD_SECONDS = 20;

  private static final Duration LOCKOUT_START_TIMEOUT = Duration.ofSeconds(30);

  private final SystemUnderTest sut;

  LockoutCrashIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void lockoutInterruptedByACrashResumesAfterRestartAndFinishesWithExactCounts() throws Exception {
    WholeSystem system = sut.system();
    DemoOrg org = sut.createOrg(MEMBERS);
    for (Member member : org.members()) {
      sut.memberLogin(member, true).requireSuccess();
    }
    Map<String, String> othersBefore = AppData.everythingBut(system, org.id());
    ErasureAdminApi api =
        new ErasureAdminApi(
            system.keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());

    // The request locks out every member before it answers: it is sent aside and dies with
    // Keycloak.
    CompletableFuture<ErasureAdminApi.Answer> request =
        CompletableFuture.supplyAsync(
            () -> api.startErasure(org.id(), org.name(), GRACE_PERIOD_SECONDS));
    long lockedBeforeKill = awaitFirstLockedMembers(org);
    system.killKeycloak();

    assertTrue(request.handle((answer, failure) -> failure != null).join());
    String requestId = ErasureRecords.requestIdOf(system, org.id());
    long lockedAtCrash = LockedMembers.of(system, org.id()).size();
    assertTrue(lockedBeforeKill <= lockedAtCrash && lockedAtCrash < MEMBERS, "" + lockedAtCrash);
    assertEquals("REQUESTED", ErasureRecords.state(system, requestId));

    system.startKeycloak();

    ErasureRecords.awaitState(system, requestId, Set.of("SCHEDULED"), Duration.ofSeconds(60));
    assertEquals(MEMBERS, LockedMembers.of(system, org.id()).size());
    for (Member member : org.members()) {
      assertFalse(RealmState.isEnabled(system, member.id()), member.username());
      assertEquals(0, RealmState.sessionsOf(system, member.id()), member.username());
    }
    ErasureRecords.awaitState(system, requestId, Set.of("COMPLETED"), Duration.ofMinutes(3));
    ErasureAdminApi.Answer erasure =
        new ErasureAdminApi(
                system.keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .erasure(requestId);
    assertEquals(MEMBERS, erasure.json().path("membersLocked").asInt(), erasure.body());
    assertEquals(MEMBERS, ErasureRecords.completionRecord(system, requestId).memberCount());
    for (Member member : org.members()) {
      assertFalse(RealmState.userExists(system, member.id()), member.username());
    }
    assertEquals(othersBefore, AppData.everythingBut(system, org.id()));
  }

  /** Waits until a first lockout batch is committed; answers its size. */
  private long awaitFirstLockedMembers(DemoOrg org) {
    return Sql.awaitCount(
        "the first lockout batch",
        sut.system()::keycloakDatabase,
        "select count(*) from org_erasure_locked_member m"
            + " join org_erasure_request r on r.id = m.request_id"
            + " where r.organization_id = ?",
        org.id(),
        LOCKOUT_START_TIMEOUT);
  }
}
