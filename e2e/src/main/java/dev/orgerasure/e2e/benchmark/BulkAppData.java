package dev.orgerasure.e2e.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Benchmark data only: about 100,000 rows and 1,000 asset files of one organisation in the learning
 * database (schema: db/src/main/resources/db/learning-platform), written set-based by the database
 * itself. 20 courses of 5 modules of 10 lessons; each member enrolled in 5 courses with progress on
 * 20 lessons of each; one asset file per lesson.
 */
final class BulkAppData {

  private static final int FILE_BYTES = 1024;

  /** Asset files per organisation: one per lesson. */
  static final int FILES = 1_000;

  private BulkAppData() {}

  /** Inserts the organisation's rows and files; answers how many rows. */
  static long insert(Connection db, Path fileStoreRoot, String orgId, List<String> memberIds)
      throws SQLException, IOException {
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      long rows = 0;
      rows += update(db, "INSERT INTO organizations (org_id, name) VALUES (?1, 'Bench')", orgId);
      Array members = db.createArrayOf("varchar", memberIds.toArray());
      try (PreparedStatement memberships =
          db.prepareStatement(
              "INSERT INTO memberships (org_id, user_id, role)"
                  + " SELECT ?, unnest(?::varchar[]), 'LEARNER'")) {
        memberships.setString(1, orgId);
        memberships.setArray(2, members);
        rows += memberships.executeUpdate();
      }
      rows +=
          update(
              db,
              "INSERT INTO courses (org_id, title) SELECT ?1, 'Course ' || g"
                  + " FROM generate_series(1, 20) g",
              orgId);
      rows +=
          update(
              db,
              "INSERT INTO modules (org_id, course_id, title, position)"
                  + " SELECT ?1, c.id, 'Module ' || g, g FROM courses c, generate_series(1, 5) g"
                  + " WHERE c.org_id = ?1",
              orgId);
      rows +=
          update(
              db,
              "INSERT INTO lessons (org_id, module_id, title, content, position)"
                  + " SELECT ?1, m.id, 'Lesson ' || g, 'Lesson text', g"
                  + " FROM modules m, generate_series(1, 10) g WHERE m.org_id = ?1",
              orgId);
      rows +=
          update(
              db,
              "INSERT INTO enrollments (org_id, course_id, membership_id)"
                  + " SELECT ?1, c.id, ms.id FROM courses c, memberships ms"
                  + " WHERE c.org_id = ?1 AND ms.org_id = ?1 AND (c.id + ms.id) % 4 = 0",
              orgId);
      rows +=
          update(
              db,
              "INSERT INTO progress (org_id, enrollment_id, lesson_id)"
                  + " SELECT ?1, e.id, l.id FROM enrollments e"
                  + " JOIN modules m ON m.course_id = e.course_id"
                  + " JOIN lessons l ON l.module_id = m.id"
                  + " WHERE e.org_id = ?1 AND l.position <= 4",
              orgId);
      rows +=
          update(
              db,
              "INSERT INTO assets (org_id, course_id, lesson_id, file_path, size_bytes, content_type)"
                  + " SELECT ?1, m.course_id, l.id, ?1 || '/bench/lesson-' || l.id || '.bin', "
                  + FILE_BYTES
                  + ", 'application/octet-stream'"
                  + " FROM lessons l JOIN modules m ON m.id = l.module_id WHERE l.org_id = ?1",
              orgId);
      writeFiles(db, fileStoreRoot, orgId);
      db.commit();
      BulkMembers.analyze(
          db,
          "organizations, memberships, courses, modules, lessons, enrollments, progress, assets");
      return rows;
    } catch (SQLException | IOException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(autoCommit);
    }
  }

  private static void writeFiles(Connection db, Path fileStoreRoot, String orgId)
      throws SQLException, IOException {
    byte[] content = new byte[FILE_BYTES];
    try (PreparedStatement paths =
        db.prepareStatement("SELECT file_path FROM assets WHERE org_id = ?")) {
      paths.setString(1, orgId);
      try (ResultSet rows = paths.executeQuery()) {
        while (rows.next()) {
          Path file = fileStoreRoot.resolve(rows.getString(1));
          Files.createDirectories(file.getParent());
          Files.write(file, content);
        }
      }
    }
  }

  /** A statement whose every parameter is the organisation's id (PostgreSQL's {@code ?1}). */
  private static int update(Connection db, String sql, String orgId) throws SQLException {
    int uses = sql.split("\\?1", -1).length - 1;
    try (PreparedStatement statement = db.prepareStatement(sql.replace("?1", "?"))) {
      for (int i = 1; i <= uses; i++) {
        statement.setString(i, orgId);
      }
      return statement.executeUpdate();
    }
  }
}
