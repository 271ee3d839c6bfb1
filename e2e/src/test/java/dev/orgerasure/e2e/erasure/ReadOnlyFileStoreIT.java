package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The file store turns read-only in the middle of a purge (docs/erasure.md, "Completion"): the
 * purge still deletes every row, the erasure completes with errors and the service names each file
 * it could not delete; once the store is writable again, the service's own retries delete them.
 */
@WholeSystemTest
class ReadOnlyFileStoreIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);

  private final SystemUnderTest sut;
  private final WholeSystem system;

  ReadOnlyFileStoreIT(SystemUnderTest sut) {
    this.sut = sut;
    this.system = sut.system();
  }

  @Test
  void filesThatAReadOnlyStoreKeptAreNamedThenDeletedByTheRetriesOnceItIsWritable()
      throws Exception {
    DemoOrg org = sut.createOrg(5);
    Map<String, Long> rowsBefore = AppData.rowsOf(system, org.id());
    long filesBefore = AppData.filesOf(system, org.id());
    Map<String, String> othersBefore = AppData.everythingBut(system, org.id());
    Path orgFiles = system.fileStoreRoot().resolve(org.id());
    ErasureAdminApi admin =
        new ErasureAdminApi(
            system.keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
    ErasureAdminApi.Answer started = admin.startErasure(org.id(), org.name());
    assertEquals(201, started.status(), started.body());
    String requestId = started.json().path("id").asText();

    String status;
    try (ReadOnlyTree readOnly = awaitRowsPurgedBeforeTheAssets(requestId, orgFiles)) {
      status = ErasureRecords.awaitState(system, requestId, ErasureStates.DONE, COMPLETION);

      assertEquals(filesBefore, AppData.filesOf(system, org.id()));
      JsonNode purge = admin.purge(requestId).json();
      assertEquals(filesOnDisk(org), failedFiles(purge), purge.toString());
    }
    assertEquals("COMPLETED_WITH_ERRORS", status);
    AppData.rowsOf(system, org.id()).forEach((table, rows) -> assertEquals(0L, rows, table));
    ErasureRecords.Audit record = ErasureRecords.completionRecord(system, requestId);
    assertEquals("COMPLETED_WITH_ERRORS", record.status());
    rowsBefore.forEach(
        (table, rows) -> assertEquals((long) rows, record.rowsDeleted(table), table));
    assertEquals(0, record.appData().files().deleted());
    assertEquals(filesBefore, record.appData().files().failed());

    await("the service's retries of the files")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> AppData.filesOf(system, org.id()), files -> files == 0);
    JsonNode purge =
        await("the retries recorded")
            .atMost(Duration.ofSeconds(30))
            .until(() -> admin.purge(requestId).json(), now -> now.path("failedFiles").isEmpty());
    assertEquals(filesBefore, purge.path("files").path("deleted").asLong(), purge.toString());
    assertEquals(0, purge.path("files").path("failed").asLong(), purge.toString());
    assertEquals(othersBefore, AppData.everythingBut(system, org.id()));
  }

  /**
   * Waits until the purge has deleted rows of the tables it empties before the assets and none of
   * the assets yet, then makes the organisation's files read-only.
   */
  private ReadOnlyTree awaitRowsPurgedBeforeTheAssets(String requestId, Path orgFiles)
      throws Exception {
    String assetsDeleted =
        "select rows_deleted from purge_progress where request_id = ? and table_name = 'assets'";
    await("rows purged before the assets")
        .atMost(Duration.ofMinutes(1))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                Sql.count(
                    system::learningDatabase,
                    "select coalesce(sum(rows_deleted), 0) from purge_progress p"
                        + " where request_id = ? and position < (select position from"
                        + " purge_progress a where a.request_id = p.request_id"
                        + " and a.table_name = 'assets')",
                    requestId),
            rows -> rows > 0);
    ReadOnlyTree readOnly = ReadOnlyTree.of(orgFiles);
    assertEquals(
        0,
        Sql.count(system::learningDatabase, assetsDeleted, requestId),
        "the purge reached the assets before the store went read-only");
    return readOnly;
  }

  private SortedSet<String> filesOnDisk(DemoOrg org) throws IOException {
    Path root = system.fileStoreRoot();
    try (Stream<Path> files = Files.walk(root.resolve(org.id()))) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static SortedSet<String> failedFiles(JsonNode purge) {
    return StreamSupport.stream(purge.path("failedFiles").spliterator(), false)
        .map(file -> file.path("path").asText())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
