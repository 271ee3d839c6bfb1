package dev.orgerasure.e2e.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One organisation's rows in the learning database (schema:
 * db/src/main/resources/db/learning-platform) and its asset files under the file-store root. Every
 * statement that knows the schema is in this class.
 */
final class LearningAppData {

  private static final int COURSES = 3;
  private static final int MODULES_PER_COURSE = 2;
  private static final int LESSONS_PER_MODULE = 2;

  private LearningAppData() {}

  static AppDataSummary insert(
      Connection db,
      Path fileStoreRoot,
      String orgId,
      String orgName,
      Member admin,
      List<Member> members)
      throws SQLException, IOException {
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      AppDataSummary summary = insertRows(db, fileStoreRoot, orgId, orgName, admin, members);
      db.commit();
      return summary;
    } catch (SQLException | IOException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(autoCommit);
    }
  }

  private static AppDataSummary insertRows(
      Connection db,
      Path fileStoreRoot,
      String orgId,
      String orgName,
      Member admin,
      List<Member> members)
      throws SQLException, IOException {
    update(db, "INSERT INTO organizations (org_id, name) VALUES (?, ?)", orgId, orgName);
    List<Long> memberships = new ArrayList<>();
    for (Member member : members) {
      String role = member.id().equals(admin.id()) ? "ADMIN" : "LEARNER";
      memberships.add(
          insertReturningId(
              db,
              "INSERT INTO memberships (org_id, user_id, role) VALUES (?, ?, ?)",
              orgId,
              member.id(),
              role));
      // Each person was onboarded into the organisation they joined.
      update(
          db,
          "INSERT INTO onboarding (user_id, org_id, state, completed_at)"
              + " VALUES (?, ?, 'COMPLETED', now())",
          member.id(),
          orgId);
    }
    int modules = 0;
    int lessons = 0;
    int enrollments = 0;
    int progress = 0;
    int assets = 0;
    for (int c = 0; c < COURSES; c++) {
      long course =
          insertReturningId(
              db,
              "INSERT INTO courses (org_id, title, description) VALUES (?, ?, ?)",
              orgId,
              orgName + " course " + (c + 1),
              "Course " + (c + 1) + " of " + orgName);
      assets += insertAsset(db, fileStoreRoot, orgId, course, null, "syllabus.txt");
      List<Long> courseLessons = new ArrayList<>();
      for (int m = 0; m < MODULES_PER_COURSE; m++) {
        long module =
            insertReturningId(
                db,
                "INSERT INTO modules (org_id, course_id, title, position) VALUES (?, ?, ?, ?)",
                orgId,
                course,
                "Module " + (m + 1),
                m);
        modules++;
        for (int l = 0; l < LESSONS_PER_MODULE; l++) {
          long lesson =
              insertReturningId(
                  db,
                  "INSERT INTO lessons (org_id, module_id, title, content, position) VALUES (?, ?, ?, ?, ?)",
                  orgId,
                  module,
                  "Lesson " + (l + 1),
                  "Text of lesson " + (l + 1),
                  l);
          courseLessons.add(lesson);
          lessons++;
        }
      }
      assets +=
          insertAsset(db, fileStoreRoot, orgId, course, courseLessons.get(0), "lesson-notes.txt");
      // Every member takes the first course, every second member the others; each finished one
      // lesson.
      for (int i = 0; i < memberships.size(); i++) {
        if (c > 0 && i % 2 == 1) {
          continue;
        }
        long enrollment =
            insertReturningId(
                db,
                "INSERT INTO enrollments (org_id, course_id, membership_id) VALUES (?, ?, ?)",
                orgId,
                course,
                memberships.get(i));
        enrollments++;
        update(
            db,
            "INSERT INTO progress (org_id, enrollment_id, lesson_id) VALUES (?, ?, ?)",
            orgId,
            enrollment,
            courseLessons.get(i % courseLessons.size()));
        progress++;
      }
    }
    return new AppDataSummary(
        1, memberships.size(), COURSES, modules, lessons, enrollments, progress, assets, assets);
  }

  private static int insertAsset(
      Connection db, Path fileStoreRoot, String orgId, long course, Long lesson, String fileName)
      throws SQLException, IOException {
    String relativePath = orgId + "/course-" + course + "/" + fileName;
    byte[] content = ("Asset " + relativePath + "\n").getBytes(StandardCharsets.UTF_8);
    Path file = fileStoreRoot.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    update(
        db,
        "INSERT INTO assets (org_id, course_id, lesson_id, file_path, size_bytes, content_type) VALUES (?, ?, ?, ?, ?, ?)",
        orgId,
        course,
        lesson,
        relativePath,
        (long) content.length,
        "text/plain");
    return 1;
  }

  private static void update(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = prepare(db, sql, values)) {
      statement.executeUpdate();
    }
  }

  private static long insertReturningId(Connection db, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement statement = prepare(db, sql + " RETURNING id", values);
        ResultSet id = statement.executeQuery()) {
      id.next();
      return id.getLong(1);
    }
  }

  private static PreparedStatement prepare(Connection db, String sql, Object... values)
      throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    return statement;
  }
}
