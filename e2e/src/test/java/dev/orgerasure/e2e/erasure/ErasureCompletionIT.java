package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An erasure runs to its end by itself: app data purged by the service, identities deleted, audit
 * written; for both tenant kinds (docs/erasure.md, "Tenant models").
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TenantKind.class)
@WholeSystemTest
class ErasureCompletionIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);

  /** Long enough to take a member out of the tenant before the purge starts. */
  private static final int GRACE_SECONDS = 10;

  private static final Set<String> DONE = ErasureStates.DONE;

  @Parameter private TenantKind kind;

  private final SystemUnderTest base;
  private Tenancy sut;

  ErasureCompletionIT(SystemUnderTest base) {
    this.base = base;
  }

  @BeforeEach
  void tenancy() {
    sut = Tenancy.of(kind, base);
  }

  private String erase(DemoOrg org) {
    ErasureAdminApi.Answer answer = sut.asRealmAdmin().startErasure(org.id(), org.name());
    assertEquals(201, answer.status(), answer.body());
    return answer.json().path("id").asText();
  }

  /**
   * Once an erasure has completed, no table of Keycloak's names an erased member: not their
   * account, not the login and admin events about them, not the erasure's own member rows. The
   * audit names only who asked.
   */
  @Test
  void noTableNamesAnErasedMemberAfterCompletion() throws Exception {
    DemoOrg org = sut.create(3);
    for (Member member : org.members()) {
      sut.memberLogin(member, true).requireSuccess();
    }

    String requestId = erase(org);
    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(base.system(), requestId, DONE, COMPLETION));

    assertEquals(List.of(), PersonalData.columnsNaming(base.system(), org.members()));
  }

  /**
   * The admin events about erased members go, in one sweep after the last batch; those about
   * another tenant's members stay exactly as they were.
   */
  @Test
  void adminEventsAboutAnotherTenantsMembersStayAsTheyWere() throws Exception {
    DemoOrg org = sut.create(3);
    DemoOrg other = sut.create(2);
    String othersEvents = PersonalData.adminEventsNaming(base.system(), other.members());
    assertFalse(othersEvents.isEmpty(), "the other tenant's members have admin events");
    assertFalse(PersonalData.adminEventsNaming(base.system(), org.members()).isEmpty());

    String requestId = erase(org);
    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(base.system(), requestId, DONE, COMPLETION));

    assertEquals("", PersonalData.adminEventsNaming(base.system(), org.members()));
    assertEquals(othersEvents, PersonalData.adminEventsNaming(base.system(), other.members()));
  }

  /**
   * Someone taken out of the tenant after the lockout, before the erasure completes, is no longer
   * the tenant's to erase: kept with the enabled flag they had, able to sign in, and counted as
   * kept in the audit.
   */
  @Test
  void memberTakenOutOfTheTenantDuringTheGracePeriodIsKept() throws Exception {
    DemoOrg org = sut.create(3);
    Member leaving = org.learners().get(0);
    ErasureAdminApi.Answer started =
        sut.asRealmAdmin().startErasure(org.id(), org.name(), GRACE_SECONDS);
    assertEquals(201, started.status(), started.body());
    String requestId = started.json().path("id").asText();
    assertFalse(RealmState.isEnabled(base.system(), leaving.id()));

    sut.removeMember(org, leaving);
    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(base.system(), requestId, DONE, COMPLETION));

    assertTrue(sut.userExists(leaving));
    assertTrue(RealmState.isEnabled(base.system(), leaving.id()));
    sut.memberLogin(leaving, false).requireSuccess();
    for (Member member : org.members()) {
      assertEquals(member.equals(leaving), sut.userExists(member), member.username());
    }
    ErasureRecords.Audit record = ErasureRecords.completionRecord(base.system(), requestId);
    assertEquals(1, record.counts().path("membersKeptAfterLeaving").asLong(), record.toString());
    assertEquals(2, record.counts().path("identitiesDeleted").asLong(), record.toString());
  }

  @Test
  void erasedOrganisationLeavesNothingBehindButOneAuditRecordWithExactCounts() throws Exception {
    DemoOrg org = sut.create(5);
    Map<String, Long> rowsBefore = sut.appRows(org.id());
    long filesBefore = sut.appFiles(org.id());
    Map<String, String> othersBefore = sut.appDataOfEveryoneBut(org.id());

    String requestId = erase(org);
    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(base.system(), requestId, DONE, COMPLETION));

    sut.appRows(org.id()).forEach((table, rows) -> assertEquals(0L, rows, table));
    assertEquals(0, sut.appFiles(org.id()));
    for (Member member : org.members()) {
      assertFalse(sut.userExists(member), member.username());
    }
    assertFalse(sut.tenantExists(org.id()));
    assertEquals(othersBefore, sut.appDataOfEveryoneBut(org.id()));

    ErasureRecords.Audit record = ErasureRecords.completionRecord(base.system(), requestId);
    assertEquals("COMPLETED", record.status());
    assertEquals(kind.name().toLowerCase(Locale.ROOT), record.tenantKind());
    assertEquals(org.members().size(), record.memberCount());
    assertEquals(org.members().size(), record.counts().path("identitiesDeleted").asLong());
    assertEquals(org.members().size(), record.counts().path("membersLocked").asLong());
    rowsBefore.forEach(
        (table, rows) -> assertEquals((long) rows, record.rowsDeleted(table), table));
    assertEquals(filesBefore, record.appData().files().deleted());
    assertEquals(0, record.appData().files().failed());
  }

  @Test
  void fileThatCannotBeDeletedEndsCompletedWithErrorsAndTheCount() throws Exception {
    DemoOrg org = sut.create(3);
    Path asset = firstFileOf(org);
    // A non-empty directory where the file was: no delete can remove it, not even as root.
    Files.delete(asset);
    Files.createDirectories(asset.resolve("blocker"));
    Files.writeString(asset.resolve("blocker").resolve("keep.txt"), "x");

    String requestId = erase(org);
    assertEquals(
        "COMPLETED_WITH_ERRORS",
        ErasureRecords.awaitState(base.system(), requestId, DONE, COMPLETION));

    sut.appRows(org.id()).forEach((table, rows) -> assertEquals(0L, rows, table));
    ErasureRecords.Audit record = ErasureRecords.completionRecord(base.system(), requestId);
    assertEquals("COMPLETED_WITH_ERRORS", record.status());
    assertEquals(1, record.appData().files().failed());
  }

  @Test
  void erasureHandedOverWhileTheServiceIsDownCompletesOnceItIsBack() throws Exception {
    DemoOrg org = sut.create(3);
    sut.stopService();
    String requestId;
    try {
      requestId = erase(org);
      assertEquals("FAILED_RETRYING", ErasureRecords.state(base.system(), requestId));
      assertFalse(ErasureRecords.lastError(base.system(), requestId).isBlank());
    } finally {
      sut.startService();
    }
    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(base.system(), requestId, DONE, COMPLETION));
    assertEquals(
        ErasureStates.STEPS,
        ErasureRecords.auditRecords(base.system(), requestId).stream()
            .map(ErasureRecords.Audit::event)
            .toList());
  }

  @Test
  void purgeResumesAfterTheServiceIsKilledAndFinishesWithExactCounts() throws Exception {
    DemoOrg org = sut.create(20);
    Map<String, Long> rowsBefore = sut.appRows(org.id());
    long filesBefore = sut.appFiles(org.id());
    Map<String, String> othersBefore = sut.appDataOfEveryoneBut(org.id());

    String requestId = erase(org);
    awaitPurgeUnderWay(org, rowsBefore);
    sut.killService();
    long remaining = sut.appRows(org.id()).values().stream().mapToLong(Long::longValue).sum();
    assertTrue(remaining > 0, "the purge had finished before the kill");
    sut.startService();

    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(base.system(), requestId, DONE, COMPLETION));
    sut.appRows(org.id()).forEach((table, rows) -> assertEquals(0L, rows, table));
    assertEquals(othersBefore, sut.appDataOfEveryoneBut(org.id()));
    ErasureRecords.Audit record = ErasureRecords.completionRecord(base.system(), requestId);
    rowsBefore.forEach(
        (table, rows) -> assertEquals((long) rows, record.rowsDeleted(table), table));
    assertEquals(filesBefore, record.appData().files().deleted());
  }

  /** Waits until some, but not all, of the organisation's rows are gone. */
  private void awaitPurgeUnderWay(DemoOrg org, Map<String, Long> rowsBefore) {
    long total = rowsBefore.values().stream().mapToLong(Long::longValue).sum();
    await("the start of the purge")
        .atMost(Duration.ofMinutes(1))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> sut.appRows(org.id()).values().stream().mapToLong(Long::longValue).sum(),
            rows -> rows != total);
  }

  private Path firstFileOf(DemoOrg org) throws Exception {
    try (var files = Files.walk(sut.fileStoreRoot().resolve(org.id()))) {
      return files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
    }
  }
}
