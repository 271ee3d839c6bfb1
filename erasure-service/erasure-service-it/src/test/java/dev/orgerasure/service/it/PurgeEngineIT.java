package dev.orgerasure.service.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.FailedFile;
import dev.orgerasure.contract.FileOutcome;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.PurgeState;
import dev.orgerasure.contract.PurgeStatus;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.erasure.Purge;
import dev.orgerasure.service.erasure.PurgeRepository;
import dev.orgerasure.service.filestore.FileStore;
import dev.orgerasure.service.inventory.ApplicationInventory;
import dev.orgerasure.service.purge.ErasureRequests;
import dev.orgerasure.service.purge.PurgeSettings;
import dev.orgerasure.service.purge.PurgeStepper;
import dev.orgerasure.service.purge.StepOutcome;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The purge engine on the service's own beans and JPA repositories. The tests drive a purge step by
 * step ({@link PurgeStepper}, one transaction each) and store it without a timer, so no timer runs
 * batches between the test's observations.
 */
@ExtendWith(ArquillianExtension.class)
public class PurgeEngineIT {

  @Deployment
  public static EnterpriseArchive service() {
    return ServiceArchive.withTest(PurgeEngineIT.class);
  }

  @Inject private PurgeStepper stepper;

  @Inject private PurgeRepository purges;

  @Inject private ErasureRequests requests;

  @Inject private PurgeSettings settings;

  @Inject private FileStore fileStore;

  @Inject private ApplicationInventory inventory;

  @Test
  public void eachStepDeletesOneBatchOfTheFirstTableInPurgeOrderThatStillHasRows()
      throws Exception {
    int batchSize = settings.batchSize();
    String orgId = OrgData.newOrgId();
    Map<String, Long> before;
    try (Connection db = OrgData.connectInContainer()) {
      OrgData.create(db, orgId, batchSize + 1);
      before = OrgData.counts(db, orgId);
    }
    long expectedSteps = before.values().stream().mapToLong(rows -> batches(rows, batchSize)).sum();
    String requestId = storePurgeWithoutTimer(orgId, MemberPolicy.ERASE);

    long steps = 0;
    StepOutcome outcome;
    while ((outcome = stepper.step(requestId, settings.newRun())) == StepOutcome.BATCH_DONE) {
      steps++;
      assertTrue(steps <= expectedSteps, "more steps than batches");
      Map<String, Long> after = counts(orgId);
      String current = firstTableWithRows(before);
      for (InventoryTable table : inventory.inventory().tablesInPurgeOrder()) {
        long deleted = before.get(table.name()) - after.get(table.name());
        if (table.name().equals(current)) {
          assertTrue(
              deleted >= 1 && deleted <= batchSize,
              "step " + steps + " deleted " + deleted + " rows of " + current);
        } else {
          assertEquals(0, deleted, "step " + steps + " touched " + table.name());
        }
      }
      before = after;
    }

    assertEquals(StepOutcome.REPORT_DUE, outcome);
    assertEquals(expectedSteps, steps);
    assertTrue(counts(orgId).values().stream().allMatch(rows -> rows == 0));
  }

  @Test
  public void purgePersistsExactlyTheRowsAndFilesItDeletedPerTable() throws Exception {
    String orgId = OrgData.newOrgId();
    Map<String, Long> before;
    List<String> files;
    try (Connection db = OrgData.connectInContainer()) {
      files = OrgData.create(db, orgId, settings.batchSize() + 1);
      before = OrgData.counts(db, orgId);
    }
    files.forEach(path -> writeFile(path));
    String requestId = storePurgeWithoutTimer(orgId, MemberPolicy.ERASE);

    runToTheEnd(requestId);

    Purge purge = requests.find(requestId).orElseThrow();
    assertEquals(PurgeState.APP_DATA_PURGED, purge.state());
    for (InventoryTable table : inventory.inventory().tablesInPurgeOrder()) {
      assertEquals(before.get(table.name()), purge.rowsDeleted(table.name()), table.name());
    }
    assertEquals(files.size(), purge.filesDeleted());
    assertEquals(0, purge.filesFailed());
    files.forEach(path -> assertEquals(-1, fileStore.sizeOf(path), path));
  }

  @Test
  public void purgeLeavesOtherOrganisationsUntouched() throws Exception {
    String orgId = OrgData.newOrgId();
    String otherId = OrgData.newOrgId();
    Map<String, String> otherBefore;
    List<String> otherFiles;
    try (Connection db = OrgData.connectInContainer()) {
      OrgData.create(db, orgId, settings.batchSize() + 1);
      otherFiles = OrgData.create(db, otherId, settings.batchSize() + 1);
      otherBefore = OrgData.checksums(db, otherId);
    }
    otherFiles.forEach(path -> writeFile(path));
    String requestId = storePurgeWithoutTimer(orgId, MemberPolicy.ERASE);

    runToTheEnd(requestId);

    try (Connection db = OrgData.connectInContainer()) {
      assertTrue(OrgData.counts(db, orgId).values().stream().allMatch(rows -> rows == 0));
      assertEquals(otherBefore, OrgData.checksums(db, otherId));
    }
    otherFiles.forEach(path -> assertEquals(5, fileStore.sizeOf(path), path));
  }

  @Test
  public void underDetachThePurgeResetsTheOrganisationsOnboardingRowsAndDeletesEveryOtherRow()
      throws Exception {
    String orgId = OrgData.newOrgId();
    String otherId = OrgData.newOrgId();
    String detached = UUID.randomUUID().toString();
    Map<String, Long> before;
    Map<String, String> otherBefore;
    List<String> onboarded;
    try (Connection db = OrgData.connectInContainer()) {
      OrgData.create(db, orgId, settings.batchSize() + 1);
      OrgData.create(db, otherId, settings.batchSize() + 1);
      OrgData.update(
          db,
          "INSERT INTO memberships (org_id, user_id, role) VALUES (?, ?, 'LEARNER')",
          orgId,
          detached);
      OrgData.update(
          db,
          "INSERT INTO onboarding (user_id, org_id, state, completed_at)"
              + " VALUES (?, ?, 'COMPLETED', now())",
          detached,
          orgId);
      before = OrgData.counts(db, orgId);
      otherBefore = OrgData.checksums(db, otherId);
      onboarded = OrgData.onboardedInto(db, orgId);
    }
    assertTrue(before.get("onboarding") > settings.batchSize(), "several batches of onboarding");
    String requestId = storePurgeWithoutTimer(orgId, MemberPolicy.DETACH);

    runToTheEnd(requestId);

    Purge purge = requests.find(requestId).orElseThrow();
    for (InventoryTable table : inventory.inventory().tablesInPurgeOrder()) {
      assertEquals(before.get(table.name()), purge.rowsDeleted(table.name()), table.name());
    }
    try (Connection db = OrgData.connectInContainer()) {
      assertTrue(OrgData.counts(db, orgId).values().stream().allMatch(rows -> rows == 0));
      assertEquals(
          Collections.nCopies(onboarded.size(), "PENDING||"),
          OrgData.onboardingOf(db, onboarded),
          "every onboarding row kept, pending and without the organisation");
      assertEquals(otherBefore, OrgData.checksums(db, otherId));
    }
  }

  @Test
  public void underEraseThePurgeDeletesTheErasedMembersOnboardingRowsAndResetsTheKeptPersons()
      throws Exception {
    String orgId = OrgData.newOrgId();
    String otherId = OrgData.newOrgId();
    Map<String, String> otherBefore;
    List<String> onboarded;
    try (Connection db = OrgData.connectInContainer()) {
      OrgData.create(db, orgId, settings.batchSize() + 1);
      OrgData.create(db, otherId, settings.batchSize() + 1);
      otherBefore = OrgData.checksums(db, otherId);
      onboarded = OrgData.onboardedInto(db, orgId);
    }
    List<String> kept = onboarded.subList(0, 1);
    List<String> erased = onboarded.subList(1, onboarded.size());
    String requestId = storePurgeWithoutTimer(orgId, MemberPolicy.ERASE, erased);

    runToTheEnd(requestId);

    assertEquals(
        onboarded.size(), requests.find(requestId).orElseThrow().rowsDeleted("onboarding"));
    try (Connection db = OrgData.connectInContainer()) {
      assertEquals(List.of(), OrgData.onboardingOf(db, erased), "erased members' rows deleted");
      assertEquals(
          List.of("PENDING||"), OrgData.onboardingOf(db, kept), "the kept person's row reset");
      assertTrue(OrgData.counts(db, orgId).values().stream().allMatch(rows -> rows == 0));
      assertEquals(otherBefore, OrgData.checksums(db, otherId));
      assertEquals(
          0,
          OrgData.firstId(
              db, "SELECT count(*) FROM purge_erased_member WHERE request_id = ?", requestId),
          "the erased members are forgotten once the data is purged");
    }
  }

  @Test
  public void aFileThatCannotBeDeletedIsListedWithItsErrorAndARetryDeletesItOnceItCanBe()
      throws Exception {
    String orgId = OrgData.newOrgId();
    List<String> files;
    try (Connection db = OrgData.connectInContainer()) {
      files = OrgData.create(db, orgId, 2);
    }
    String stuck = files.get(0);
    files.stream().skip(1).forEach(path -> writeFile(path));
    // A non-empty directory where the file should be cannot be deleted, whoever runs the server.
    Path stuckPath = OrgData.serviceFiles().resolve(stuck);
    Files.createDirectories(stuckPath);
    Files.writeString(stuckPath.resolve("keep"), "x");
    String requestId = storePurgeWithoutTimer(orgId, MemberPolicy.ERASE);

    runToTheEnd(requestId);

    PurgeStatus failed = requests.find(requestId).orElseThrow().status(inventory.counts());
    assertEquals(new FileOutcome(files.size() - 1, 1), failed.files());
    assertEquals(1, failed.failedFiles().size());
    FailedFile listed = failed.failedFiles().get(0);
    assertEquals(stuck, listed.path());
    assertTrue(listed.error().contains("DirectoryNotEmptyException"), listed.error());
    assertEquals(1, listed.attempts());

    PurgeStatus stillFailing =
        requests.retryFailedFiles(requestId).orElseThrow().status(inventory.counts());
    assertEquals(new FileOutcome(files.size() - 1, 1), stillFailing.files());
    assertEquals(2, stillFailing.failedFiles().get(0).attempts());

    Files.delete(stuckPath.resolve("keep"));
    requests.retryFailedFiles(requestId).orElseThrow();

    PurgeStatus retried = requests.find(requestId).orElseThrow().status(inventory.counts());
    assertEquals(List.of(), retried.failedFiles());
    assertEquals(new FileOutcome(files.size(), 0), retried.files());
    assertFalse(Files.exists(stuckPath));
  }

  private String storePurgeWithoutTimer(String orgId, MemberPolicy policy) throws Exception {
    return storePurgeWithoutTimer(orgId, policy, List.of());
  }

  private String storePurgeWithoutTimer(
      String orgId, MemberPolicy policy, List<String> erasedMembers) throws Exception {
    String requestId = UUID.randomUUID().toString();
    Purge purge =
        new Purge(
            requestId,
            orgId,
            orgId,
            "Org " + orgId,
            policy,
            TenantKind.ORGANIZATION,
            Duration.ZERO,
            Instant.now(),
            inventory.inventory().tablesInPurgeOrder().stream().map(InventoryTable::name).toList());
    UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
    transaction.begin();
    try {
      purges.store(purge);
      purges.storeErasedMembers(requestId, erasedMembers);
    } catch (RuntimeException e) {
      transaction.rollback();
      throw e;
    }
    transaction.commit();
    return requestId;
  }

  private void runToTheEnd(String requestId) {
    StepOutcome outcome;
    do {
      outcome = stepper.step(requestId, settings.newRun());
    } while (outcome == StepOutcome.BATCH_DONE);
    assertEquals(StepOutcome.REPORT_DUE, outcome);
  }

  private static Map<String, Long> counts(String orgId) throws Exception {
    try (Connection db = OrgData.connectInContainer()) {
      return OrgData.counts(db, orgId);
    }
  }

  /** The first table in the purge order that still has rows. */
  private String firstTableWithRows(Map<String, Long> counts) {
    return inventory.inventory().tablesInPurgeOrder().stream()
        .map(InventoryTable::name)
        .filter(table -> counts.get(table) > 0)
        .findFirst()
        .orElseThrow();
  }

  private static long batches(long rows, int batchSize) {
    return (rows + batchSize - 1) / batchSize;
  }

  /** A file of the application's, as the application stores it under the file-store root. */
  private void writeFile(String relativePath) {
    try {
      Path file = OrgData.serviceFiles().resolve(relativePath);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "asset");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
