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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keycloak dies while it deletes an erased organisation's members and comes back: the scheduled
 * task takes the erasure over once the dead node's lease ran out, deletes the rest, sweeps the
 * admin events of every erased member (those deleted before the crash too: their names were kept on
 * their rows), and completes with exact counts. The suite runs Keycloak with identity batches of
 * three and a short lease (see {@code WholeSystemExtension}), so that the deletion can be caught
 * between two batches.
 */
@WholeSystemTest
class IdentityDeletionCrashIT {

  /** Twenty identity batches: the kill lands while most members are still to delete. */
  private static final int MEMBERS = 60;

  private static final Duration DELETION_START_TIMEOUT = Duration.ofMinutes(2);

  private final SystemUnderTest sut;

  IdentityDeletionCrashIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void deletionInterruptedByACrashResumesAfterRestartAndLeavesNoTraceOfAnyMember()
      throws Exception {
    WholeSystem system = sut.system();
    DemoOrg org = sut.createOrg(MEMBERS);
    DemoOrg other = sut.createOrg(2);
    Map<String, String> othersAppData = AppData.everythingBut(system, org.id());
    String othersEvents = PersonalData.adminEventsNaming(system, other.members());
    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                system.keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(org.id(), org.name());
    assertEquals(201, started.status(), started.body());
    String requestId = started.json().path("id").asText();

    awaitFirstDeletedIdentities(requestId);
    system.killKeycloak();
    long deletedAtCrash = org.members().stream().filter(m -> !exists(m)).count();
    assertTrue(0 < deletedAtCrash && deletedAtCrash < MEMBERS, "deleted: " + deletedAtCrash);

    system.startKeycloak();

    ErasureRecords.awaitState(system, requestId, Set.of("COMPLETED"), Duration.ofMinutes(3));
    for (Member member : org.members()) {
      assertFalse(exists(member), member.username());
    }
    ErasureRecords.Audit record = ErasureRecords.completionRecord(system, requestId);
    assertEquals(MEMBERS, record.memberCount());
    assertEquals(MEMBERS, record.counts().path("identitiesDeleted").asLong());
    assertEquals(List.of(), PersonalData.columnsNaming(system, org.members()));
    assertEquals(othersEvents, PersonalData.adminEventsNaming(system, other.members()));
    assertEquals(othersAppData, AppData.everythingBut(system, org.id()));
  }

  private boolean exists(Member member) {
    return RealmState.userExists(sut.system(), member.id());
  }

  /** Waits until a first identity batch is committed. */
  private void awaitFirstDeletedIdentities(String requestId) {
    Sql.awaitCount(
        "the first identity batch",
        sut.system()::keycloakDatabase,
        "select count(*) from org_erasure_locked_member"
            + " where request_id = ? and identity_deleted",
        requestId,
        DELETION_START_TIMEOUT);
  }
}
