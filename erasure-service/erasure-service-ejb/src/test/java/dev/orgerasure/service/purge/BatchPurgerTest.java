package dev.orgerasure.service.purge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.db.inventory.SchemaCatalog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch engine's SQL on a real PostgreSQL with the real migrations. */
class BatchPurgerTest {

  /** No purge: its list of erased members is empty. */
  private static final String NO_PURGE = "no-purge";

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;
  private static DataInventory inventory;

  @TempDir Path fileStore;

  @BeforeAll
  static void migrate() throws IOException, SQLException {
    postgres = EmbeddedPostgres.start();
    ServiceDatabase.withLearningPlatform(postgres);
    dataSource = ServiceDatabase.migrated(postgres, "public");
    try (Connection connection = dataSource.getConnection()) {
      inventory =
          DataInventory.of(
              DeclaredInventory.learningPlatform(), SchemaCatalog.read(connection, "public"));
    }
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void batchesDeleteExactlyTheOrganisationsRowsChildrenFirstAndLeaveOtherOrgsUntouched()
      throws Exception {
    String target = newOrg(7, 3);
    String other = newOrg(5, 2);
    Map<String, Long> before = counts(target);
    Map<String, String> otherBefore = checksums(other);
    List<String> onboarded = strings("SELECT user_id FROM onboarding WHERE org_id = ?", target);

    Purged purged = purgeAll(target, MemberPolicy.ERASE, onboarded);

    assertEquals(before, purged.rows());
    assertTrue(purged.batches() > tables().size(), "several batches per table");
    assertTrue(
        counts(target).values().stream().allMatch(count -> count == 0),
        "nothing of the org is left");
    assertEquals(List.of(), onboardingOf(onboarded), "the erased members' onboarding rows deleted");
    assertEquals(before.get("assets"), purged.filesDeleted());
    assertEquals(0, purged.filesFailed());
    assertEquals(otherBefore, checksums(other), "the other organisation is byte-identical");
    try (var files = Files.walk(fileStore.resolve(target))) {
      assertTrue(files.allMatch(Files::isDirectory), "no file of the org is left");
    }
    assertEquals(2 * 2, countFiles(fileStore.resolve(other)), "two courses with two files each");
  }

  /**
   * Under Erase, a person who keeps their account (an administrator, a member of another
   * organisation) or whom Keycloak did not name keeps their own row, without the organisation.
   */
  @Test
  void underEraseOnlyTheErasedMembersOwnRowsAreDeletedAndEveryOtherPersonsRowIsReset()
      throws Exception {
    String target = newOrg(9, 1);
    List<String> onboarded = strings("SELECT user_id FROM onboarding WHERE org_id = ?", target);
    List<String> erased = onboarded.subList(0, 6);
    List<String> kept = onboarded.subList(6, 9);
    Map<String, Long> before = counts(target);

    Purged purged = purgeAll(target, MemberPolicy.ERASE, erased);

    assertEquals(before, purged.rows(), "rows deleted, or reset for the kept people's onboarding");
    assertEquals(List.of(), onboardingOf(erased), "the erased members' rows deleted");
    assertEquals(
        Collections.nCopies(kept.size(), "PENDING||"),
        onboardingOf(kept),
        "the kept people's rows kept, pending and without the organisation");
  }

  @Test
  void underDetachTheOnboardingRowsAreResetInBatchesAndEveryOtherTableIsDeleted() throws Exception {
    String target = newOrg(9, 1);
    String other = newOrg(5, 1);
    Map<String, Long> before = counts(target);
    Map<String, String> otherBefore = checksums(other);
    List<String> onboarded = strings("SELECT user_id FROM onboarding WHERE org_id = ?", target);
    // Erased under Detach all the same, as a member the organisation's identity provider manages.
    List<String> erased = onboarded.subList(0, 1);
    List<String> detached = onboarded.subList(1, onboarded.size());

    Purged purged = purgeAll(target, MemberPolicy.DETACH, erased);

    assertEquals(before, purged.rows(), "rows deleted, or reset for onboarding");
    assertTrue(
        counts(target).values().stream().allMatch(count -> count == 0),
        "nothing of the org is left");
    assertEquals(
        Collections.nCopies(detached.size(), "PENDING||"),
        onboardingOf(detached),
        "every detached member's onboarding row kept, pending and without the organisation");
    assertEquals(List.of(), onboardingOf(erased), "the erased member's row deleted");
    assertEquals(otherBefore, checksums(other), "the other organisation is byte-identical");
  }

  @Test
  void anEmptyTableGivesAnEmptyBatch() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      BatchPurger purger =
          new BatchPurger(new JdbcSession(connection), path -> Optional.empty(), inventory);
      for (MemberPolicy policy : MemberPolicy.values()) {
        for (InventoryTable table : tables()) {
          assertTrue(
              purger
                  .purgeBatch(table, new PurgeTarget(NO_PURGE, "no-such-org", policy), 10, null)
                  .isEmpty(),
              table.name() + " under " + policy);
        }
      }
    }
  }

  @Test
  void anAdaptiveStepWithTimeLeftEmptiesEveryTableInPurgeOrderInOneTransaction() throws Exception {
    String target = newOrg(9, 3);
    String other = newOrg(5, 2);
    Map<String, Long> before = counts(target);
    Map<String, String> otherBefore = checksums(other);

    Purged purged =
        purgeAll(
            target, MemberPolicy.ERASE, List.of(), new PurgeRun(2, 1_000, Duration.ofHours(1)));

    assertEquals(1, purged.steps(), "one step: it never ran out of time");
    assertEquals(before, purged.rows());
    assertEquals(inPurgeOrder(purged.tablesInBatchOrder()), purged.tablesInBatchOrder());
    assertTrue(purged.batches() > tables().size(), "batches grow from two rows, several per table");
    assertTrue(counts(target).values().stream().allMatch(count -> count == 0));
    assertEquals(otherBefore, checksums(other), "the other organisation is byte-identical");
  }

  @Test
  void anAdaptiveStepOutOfTimeEndsAfterOneBatchAndTheNextStepGoesOnWhereItStopped()
      throws Exception {
    String target = newOrg(9, 3);
    String other = newOrg(5, 2);
    Map<String, Long> before = counts(target);
    Map<String, String> otherBefore = checksums(other);

    Purged purged =
        purgeAll(
            target, MemberPolicy.ERASE, List.of(), new PurgeRun(2, 1_000, Duration.ofNanos(1)));

    assertEquals(
        purged.batches() + 1, purged.steps(), "one batch per step, then one that finds none");
    assertEquals(before, purged.rows());
    assertEquals(inPurgeOrder(purged.tablesInBatchOrder()), purged.tablesInBatchOrder());
    assertTrue(counts(target).values().stream().allMatch(count -> count == 0));
    assertEquals(otherBefore, checksums(other), "the other organisation is byte-identical");
  }

  @Test
  void eachBatchReadsItsOwnRowsOnlyHoweverMuchOfTheTableItsOrganisationHolds() throws Exception {
    // Ids chosen so that the other organisation sorts first: with bounds on one side only, the
    // statistics would then count all of the table as the target's.
    String other = orgWithMembers("00000000-0000-4000-8000-000000000001", 2_000);
    String target = orgWithMembers("ffffffff-0000-4000-8000-000000000001", 20_000);
    String otherBefore = checksums(other).get("memberships");
    try (Connection connection = dataSource.getConnection()) {
      update(connection, "ANALYZE memberships");
    }

    TenantRows.BatchReads batches =
        TenantRows.readsPerBatch(dataSource, inventory, "memberships", target, 500);

    assertEquals(20_000, batches.rows());
    assertEquals(41, batches.readPerBatch().size(), "forty full batches, then one that finds none");
    // A batch reads its rows to find its last key, then again to delete them. A plan over the
    // table's key index or the whole table would read the other organisation's rows too, or all
    // of its own.
    assertTrue(batches.most() <= 2 * 500, "rows read per batch of 500: " + batches.readPerBatch());
    assertEquals(0, counts(target).get("memberships"));
    assertEquals(otherBefore, checksums(other).get("memberships"));
  }

  /** An organisation with {@code members} memberships and nothing else, inserted in one go. */
  private static String orgWithMembers(String org, int members) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      update(c, "INSERT INTO organizations (org_id, name) VALUES (?, ?)", org, "Org " + org);
      update(
          c,
          "INSERT INTO memberships (org_id, user_id, role)"
              + " SELECT ?, gen_random_uuid()::text, 'LEARNER' FROM generate_series(1, ?)",
          org,
          members);
    }
    return org;
  }

  /** What a whole purge did: its steps, each committed as in the service, and their batches. */
  private record Purged(
      Map<String, Long> rows,
      int steps,
      int batches,
      List<String> tablesInBatchOrder,
      long filesDeleted,
      long filesFailed) {}

  private Purged purgeAll(String org, MemberPolicy policy, List<String> erasedMembers)
      throws SQLException {
    return purgeAll(org, policy, erasedMembers, new PurgeRun(4, 4, Duration.ofSeconds(1)));
  }

  /** A purge of the organisation, as handed over with {@code erasedMembers}, run to its end. */
  private Purged purgeAll(String org, MemberPolicy policy, List<String> erasedMembers, PurgeRun run)
      throws SQLException {
    String requestId = handedOver(org, policy, erasedMembers);
    Map<String, Long> rows = new LinkedHashMap<>();
    tables().forEach(table -> rows.put(table.name(), 0L));
    List<String> tablesInBatchOrder = new ArrayList<>();
    long[] files = new long[2];
    int steps = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      BatchPurger purger =
          new BatchPurger(new JdbcSession(connection), this::removeFile, inventory);
      boolean done = false;
      while (!done) {
        done =
            PurgeStep.run(
                inventory,
                purger,
                run,
                new PurgeTarget(requestId, org, policy),
                (batch, size, took) -> {
                  assertTrue(batch.rows() <= size || batch.table().equals("organizations"));
                  tablesInBatchOrder.add(batch.table());
                  rows.merge(batch.table(), batch.rows(), Long::sum);
                  files[0] += batch.filesDeleted();
                  files[1] += batch.filesFailed();
                });
        connection.commit(); // one transaction per step, as in the service
        steps++;
      }
    }
    return new Purged(
        rows, steps, tablesInBatchOrder.size(), tablesInBatchOrder, files[0], files[1]);
  }

  /** The purge's row and its erased members, as the service stores a hand-over. */
  private static String handedOver(String org, MemberPolicy policy, List<String> erasedMembers)
      throws SQLException {
    return HandOvers.stored(dataSource, org, policy, erasedMembers);
  }

  private static List<String> inPurgeOrder(List<String> tableNames) {
    List<String> names = tables().stream().map(InventoryTable::name).toList();
    return tableNames.stream().sorted(Comparator.comparingInt(names::indexOf)).toList();
  }

  /** The users' onboarding rows as {@code state|org_id|completed_at}, by user id. */
  private static List<String> onboardingOf(List<String> users) throws SQLException {
    return strings(
        "SELECT state || '|' || coalesce(org_id, '') || '|' || coalesce(completed_at::text, '')"
            + " FROM onboarding WHERE user_id = ANY (CAST(? AS varchar[])) ORDER BY user_id",
        "{" + String.join(",", users) + "}");
  }

  @Test
  void aFileThatCannotBeDeletedIsReturnedWithItsErrorAndItsRowStillGoes() throws Exception {
    String target = newOrg(2, 2);
    List<String> paths =
        strings("SELECT file_path FROM assets WHERE org_id = ? ORDER BY id", target);
    // Root may delete anything in a read-only directory; a non-empty directory in place of the file
    // fails for all.
    Path stuck = fileStore.resolve(paths.get(0));
    Files.delete(stuck);
    Files.createDirectories(stuck.resolve("inner"));
    Files.writeString(stuck.resolve("inner/keep"), "x");
    // Already missing (e.g. deleted before a crash): counts as deleted.
    Files.delete(fileStore.resolve(paths.get(1)));

    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      BatchPurger purger =
          new BatchPurger(new JdbcSession(connection), this::removeFile, inventory);
      InventoryTable assets = inventory.table("assets").orElseThrow();
      BatchResult batch =
          purger.purgeBatch(
              assets, new PurgeTarget(NO_PURGE, target, MemberPolicy.ERASE), 100, null);
      connection.commit();
      assertEquals(paths.size(), batch.rows());
      assertEquals(
          List.of(paths.get(0)), batch.fileFailures().stream().map(f -> f.path()).toList());
      assertTrue(
          batch.fileFailures().get(0).error().contains("DirectoryNotEmpty"),
          batch.fileFailures().get(0).error());
      assertEquals(paths.size() - 1, batch.filesDeleted());
    }
    assertEquals(0, counts(target).get("assets"));
    assertTrue(Files.isDirectory(stuck));
  }

  private Optional<String> removeFile(String relativePath) {
    try {
      Files.deleteIfExists(fileStore.resolve(relativePath));
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.toString());
    }
  }

  /**
   * An organisation with members onboarded into it, two courses of two modules of two lessons,
   * enrollments, progress, files.
   */
  private String newOrg(int members, int assetsPerCourse) throws SQLException, IOException {
    String org = UUID.randomUUID().toString();
    try (Connection c = dataSource.getConnection()) {
      update(c, "INSERT INTO organizations (org_id, name) VALUES (?, ?)", org, "Org " + org);
      List<Long> memberships = new ArrayList<>();
      for (int m = 0; m < members; m++) {
        String user = UUID.randomUUID().toString();
        memberships.add(
            insert(
                c,
                "INSERT INTO memberships (org_id, user_id, role) VALUES (?, ?, 'LEARNER')",
                org,
                user));
        update(
            c,
            "INSERT INTO onboarding (user_id, org_id, state, completed_at)"
                + " VALUES (?, ?, 'COMPLETED', now())",
            user,
            org);
      }
      for (int course = 0; course < 2; course++) {
        long courseId =
            insert(c, "INSERT INTO courses (org_id, title) VALUES (?, ?)", org, "Course " + course);
        List<Long> lessons = new ArrayList<>();
        for (int module = 0; module < 2; module++) {
          long moduleId =
              insert(
                  c,
                  "INSERT INTO modules (org_id, course_id, title, position) VALUES (?, ?, ?, ?)",
                  org,
                  courseId,
                  "Module " + module,
                  module);
          for (int lesson = 0; lesson < 2; lesson++) {
            lessons.add(
                insert(
                    c,
                    "INSERT INTO lessons (org_id, module_id, title, position) VALUES (?, ?, ?, ?)",
                    org,
                    moduleId,
                    "Lesson " + lesson,
                    lesson));
          }
        }
        for (long membership : memberships) {
          long enrollment =
              insert(
                  c,
                  "INSERT INTO enrollments (org_id, course_id, membership_id) VALUES (?, ?, ?)",
                  org,
                  courseId,
                  membership);
          for (long lesson : lessons.subList(0, 3)) {
            insert(
                c,
                "INSERT INTO progress (org_id, enrollment_id, lesson_id) VALUES (?, ?, ?)",
                org,
                enrollment,
                lesson);
          }
        }
        for (int a = 0; a < assetsPerCourse; a++) {
          String path = org + "/" + courseId + "/asset-" + a + ".bin";
          Files.createDirectories(fileStore.resolve(path).getParent());
          Files.writeString(fileStore.resolve(path), "content " + path);
          insert(
              c,
              "INSERT INTO assets (org_id, course_id, file_path, size_bytes, content_type) "
                  + "VALUES (?, ?, ?, ?, 'application/octet-stream')",
              org,
              courseId,
              path,
              10L);
        }
      }
    }
    return org;
  }

  private Map<String, Long> counts(String org) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (InventoryTable table : tables()) {
      counts.put(
          table.name(),
          Long.parseLong(
              strings("SELECT count(*) FROM " + table.name() + " WHERE org_id = ?", org).get(0)));
    }
    return counts;
  }

  private Map<String, String> checksums(String org) throws SQLException {
    Map<String, String> sums = new LinkedHashMap<>();
    for (InventoryTable table : tables()) {
      sums.put(
          table.name(),
          strings(
                  "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                      + table.name()
                      + " t WHERE org_id = ?",
                  org)
              .get(0));
    }
    return sums;
  }

  private static List<InventoryTable> tables() {
    return inventory.tablesInPurgeOrder();
  }

  private static long countFiles(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static List<String> strings(String sql, Object... parameters) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      JdbcSession.bind(statement, parameters);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }

  private static void update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      JdbcSession.bind(statement, parameters);
      statement.executeUpdate();
    }
  }

  private static long insert(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      JdbcSession.bind(statement, parameters);
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
