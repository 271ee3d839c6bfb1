package dev.orgerasure.service.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.FileOutcome;
import dev.orgerasure.contract.HandOver;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.PurgeState;
import dev.orgerasure.contract.PurgeStatus;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.erasure.Purge;
import dev.orgerasure.service.filestore.FileStore;
import dev.orgerasure.service.inventory.ApplicationInventory;
import dev.orgerasure.service.purge.ErasureRequests;
import dev.orgerasure.service.purge.InvalidErasureRequestException;
import dev.orgerasure.service.purge.PurgeSettings;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A purge accepted as Keycloak hands it over, run by its persistent EJB timer alone. */
@ExtendWith(ArquillianExtension.class)
public class PurgeTimerIT {

  private static final Duration GRACE = Duration.ofSeconds(3);

  /** How long the purge's timer may take to do what a test awaits. */
  private static final Duration TIMER = Duration.ofSeconds(60);

  /**
   * Between two looks. Polled in the test's own thread, which has the application's context (its
   * beans, JNDI).
   */
  private static final Duration POLL = Duration.ofMillis(100);

  @Deployment
  public static EnterpriseArchive service() {
    return ServiceArchive.withTest(PurgeTimerIT.class);
  }

  @Inject private ErasureRequests requests;

  @Inject private PurgeSettings settings;

  @Inject private FileStore fileStore;

  @Inject private ApplicationInventory inventory;

  @Test
  public void purgeAcceptedWithAGracePeriodStartsOnlyAfterItEndsAndFinishesWithExactCounts()
      throws Exception {
    String orgId = OrgData.newOrgId();
    Map<String, String> checksumsBefore;
    Map<String, Long> before;
    try (Connection db = OrgData.connectInContainer()) {
      OrgData.create(db, orgId, settings.batchSize() + 1);
      checksumsBefore = OrgData.checksums(db, orgId);
      before = OrgData.counts(db, orgId);
    }
    String requestId = UUID.randomUUID().toString();

    Purge accepted =
        requests
            .accept(
                new HandOver(requestId, orgId, "Org " + orgId, GRACE.toSeconds(), null, null, null))
            .purge();
    Instant graceUntil = accepted.graceUntil();
    assertEquals(MemberPolicy.ERASE, accepted.memberPolicy(), "a hand-over without a policy");
    assertEquals(TenantKind.ORGANIZATION, accepted.tenantKind(), "a hand-over without a kind");

    // Until just before the grace period ends, the timer must not have touched anything: looks
    // from now on, every POLL, for as long as untouched; the last look comes at most one POLL
    // later, so about 300 ms before the end. A failed look fails the wait: what the timer did
    // stays.
    Duration untouched = Duration.between(Instant.now(), graceUntil.minusMillis(300).minus(POLL));
    assertTrue(
        untouched.compareTo(Duration.ZERO) > 0, "the grace period was over before the first look");
    await("the organisation untouched by the timer until just before the grace period ends")
        .during(untouched)
        .atMost(untouched.plus(GRACE))
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(POLL)
        .untilAsserted(
            () -> {
              assertEquals(PurgeState.SCHEDULED, requests.find(requestId).orElseThrow().state());
              try (Connection db = OrgData.connectInContainer()) {
                assertEquals(checksumsBefore, OrgData.checksums(db, orgId));
              }
            });

    // Keycloak is not reachable here, so a purged organisation waits in REPORT_RETRYING.
    Purge purged = finished(requestId);
    assertFalse(purged.startedAt().isBefore(graceUntil), "started before the grace period ended");
    assertTrue(
        purged.state() == PurgeState.REPORT_RETRYING
            || purged.state() == PurgeState.APP_DATA_PURGED,
        "state " + purged.state());
    for (InventoryTable table : OrgData.TABLES) {
      assertEquals(before.get(table.name()), purged.rowsDeleted(table.name()), table.name());
    }
    try (Connection db = OrgData.connectInContainer()) {
      assertEquals(Optional.empty(), nonEmptyTable(OrgData.counts(db, orgId)));
    }
  }

  @Test
  public void aDetachHandOverOfAGroupTenantIsPurgedByItsTimerWithOnboardingResetAndItsKindKept()
      throws Exception {
    String orgId = OrgData.newOrgId();
    Map<String, Long> before;
    List<String> onboarded;
    try (Connection db = OrgData.connectInContainer()) {
      OrgData.create(db, orgId, settings.batchSize() + 1);
      before = OrgData.counts(db, orgId);
      onboarded = OrgData.onboardedInto(db, orgId);
    }
    String requestId = UUID.randomUUID().toString();

    requests.accept(
        new HandOver(
            requestId, orgId, "Org " + orgId, 0L, MemberPolicy.DETACH, TenantKind.GROUP, null));
    Purge purged = finished(requestId);

    assertEquals(MemberPolicy.DETACH, purged.memberPolicy());
    assertEquals(TenantKind.GROUP, purged.tenantKind());
    for (InventoryTable table : OrgData.TABLES) {
      assertEquals(before.get(table.name()), purged.rowsDeleted(table.name()), table.name());
    }
    try (Connection db = OrgData.connectInContainer()) {
      assertEquals(Optional.empty(), nonEmptyTable(OrgData.counts(db, orgId)));
      assertEquals(
          Collections.nCopies(onboarded.size(), "PENDING||"), OrgData.onboardingOf(db, onboarded));
    }
  }

  @Test
  public void aHandOverNamingABlankErasedMemberIsRefusedAndStoresNoPurge() {
    String requestId = UUID.randomUUID().toString();
    String orgId = OrgData.newOrgId();
    HandOver blankMember =
        new HandOver(
            requestId, orgId, "Org " + orgId, 0L, null, null, List.of(UUID.randomUUID() + "", " "));

    assertThrows(InvalidErasureRequestException.class, () -> requests.accept(blankMember));
    assertTrue(requests.find(requestId).isEmpty());
  }

  @Test
  public void theTimerRetriesAFileThatCouldNotBeDeletedUntilItIsGone() throws Exception {
    String orgId = OrgData.newOrgId();
    List<String> files;
    try (Connection db = OrgData.connectInContainer()) {
      files = OrgData.create(db, orgId, 2);
    }
    String stuck = files.get(0);
    // A non-empty directory where the file should be cannot be deleted, whoever runs the server.
    Path stuckPath = OrgData.serviceFiles().resolve(stuck);
    Files.createDirectories(stuckPath);
    Files.writeString(stuckPath.resolve("keep"), "x");
    String requestId = UUID.randomUUID().toString();

    requests.accept(new HandOver(requestId, orgId, "Org " + orgId, 0L, null, null, null));
    await("the purge with one file failing")
        .atMost(TIMER)
        .pollInSameThread()
        .pollInterval(POLL)
        .until(
            () -> requests.find(requestId),
            found ->
                found
                    .filter(purge -> purge.finishedAt() != null && purge.filesFailed() == 1)
                    .isPresent());

    Files.delete(stuckPath.resolve("keep"));
    PurgeStatus retried =
        await("the timer's retry of the failed file")
            .atMost(TIMER)
            .pollInSameThread()
            .pollInterval(POLL)
            .until(
                () -> requests.find(requestId).map(purge -> purge.status(inventory.counts())),
                status -> status.filter(found -> found.failedFiles().isEmpty()).isPresent())
            .orElseThrow();
    assertEquals(new FileOutcome(files.size(), 0), retried.files());
    assertFalse(Files.exists(stuckPath));
  }

  /** The purge once it has finished with the organisation's data. */
  private Purge finished(String requestId) {
    return await("the purge of the organisation's data")
        .atMost(TIMER)
        .pollInSameThread()
        .pollInterval(POLL)
        .until(
            () -> requests.find(requestId),
            found -> found.filter(purge -> purge.finishedAt() != null).isPresent())
        .orElseThrow();
  }

  private static Optional<String> nonEmptyTable(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .filter(entry -> entry.getValue() != 0)
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
