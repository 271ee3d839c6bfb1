package dev.orgerasure.service.it;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.db.inventory.SchemaCatalog;
import dev.orgerasure.service.filestore.LocalFileStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * One organisation's learning data made with plain SQL (in the container through the service's data
 * source, or from the test JVM), and what proves it changed or not: per-table counts and checksums
 * over every column of every row.
 */
final class OrgData {

  /** A member of every organisation made here. */
  static final String MEMBER = "user-1";

  private OrgData() {}

  /** The demo's inventory tables, in the file's order. */
  static final List<InventoryTable> TABLES = DeclaredInventory.learningPlatform().tables();

  /** The demo's inventory tables in the purge order the service reads from the foreign keys. */
  static List<InventoryTable> tablesInPurgeOrder(Connection db) throws SQLException {
    return DataInventory.of(DeclaredInventory.learningPlatform(), SchemaCatalog.read(db, "public"))
        .tablesInPurgeOrder();
  }

  static String newOrgId() {
    return UUID.randomUUID().toString();
  }

  /** The service's file store, the directory TestServer gives it; only in the container. */
  static LocalFileStore serviceFiles() {
    return new LocalFileStore(System.getenv("ERASURE_FILE_STORE_ROOT"));
  }

  /**
   * The tests' own data source (the service's schema and the application's); only in the container.
   */
  static Connection connectInContainer() throws SQLException {
    try {
      return InitialContext.<DataSource>doLookup(TestServer.TESTS_DATA_SOURCE).getConnection();
    } catch (NamingException e) {
      throw new IllegalStateException("no data source " + TestServer.TESTS_DATA_SOURCE, e);
    }
  }

  /**
   * Rows in every inventory table: {@code members} members, each enrolled in two courses of two
   * modules of two lessons, progress on the first lesson of each module, one asset per module; as
   * many people onboarded into it. These have user ids of their own: a person has one onboarding
   * row, and {@link #MEMBER} is a member of every organisation made here.
   *
   * @return the file-store paths of the organisation's assets
   */
  static List<String> create(Connection db, String orgId, int members) throws SQLException {
    update(db, "INSERT INTO organizations (org_id, name) VALUES (?, ?)", orgId, "Org " + orgId);
    update(
        db,
        "INSERT INTO memberships (org_id, user_id, role)"
            + " SELECT ?, 'user-' || g, 'LEARNER' FROM generate_series(1, ?) g",
        orgId,
        members);
    update(
        db,
        "INSERT INTO onboarding (user_id, org_id, state, completed_at)"
            + " SELECT gen_random_uuid()::text, ?, 'COMPLETED', now() FROM generate_series(1, ?) g",
        orgId,
        members);
    update(
        db,
        "INSERT INTO courses (org_id, title, description)"
            + " SELECT ?, 'Course ' || g, 'About ' || g FROM generate_series(1, 2) g",
        orgId);
    update(
        db,
        "INSERT INTO modules (org_id, course_id, title, position)"
            + " SELECT c.org_id, c.id, 'Module ' || g, g FROM courses c, generate_series(0, 1) g"
            + " WHERE c.org_id = ?",
        orgId);
    update(
        db,
        "INSERT INTO lessons (org_id, module_id, title, content, position)"
            + " SELECT m.org_id, m.id, 'Lesson ' || g, 'Text ' || g, g"
            + " FROM modules m, generate_series(0, 1) g WHERE m.org_id = ?",
        orgId);
    update(
        db,
        "INSERT INTO enrollments (org_id, course_id, membership_id)"
            + " SELECT c.org_id, c.id, mb.id FROM courses c"
            + " JOIN memberships mb ON mb.org_id = c.org_id WHERE c.org_id = ?",
        orgId);
    update(
        db,
        "INSERT INTO progress (org_id, enrollment_id, lesson_id)"
            + " SELECT e.org_id, e.id, l.id FROM enrollments e"
            + " JOIN modules m ON m.course_id = e.course_id"
            + " JOIN lessons l ON l.module_id = m.id AND l.position = 0"
            + " WHERE e.org_id = ?",
        orgId);
    update(
        db,
        "INSERT INTO assets (org_id, course_id, lesson_id, file_path, size_bytes, content_type)"
            + " SELECT l.org_id, m.course_id, l.id, l.org_id || '/asset-' || l.id || '.txt', 5,"
            + " 'text/plain' FROM lessons l JOIN modules m ON m.id = l.module_id"
            + " WHERE l.org_id = ? AND l.position = 0",
        orgId);
    List<String> paths = new ArrayList<>();
    for (Object[] row :
        query(db, "SELECT file_path FROM assets WHERE org_id = ? ORDER BY id", orgId)) {
      paths.add((String) row[0]);
    }
    return paths;
  }

  /** Rows of the organisation per inventory table, in the inventory file's order. */
  static Map<String, Long> counts(Connection db, String orgId) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (InventoryTable table : TABLES) {
      counts.put(
          table.name(),
          ((Number)
                  query(db, "SELECT count(*) FROM " + table.name() + " WHERE org_id = ?", orgId)
                      .get(0)[0])
              .longValue());
    }
    return counts;
  }

  /** Per inventory table: the organisation's row count and an MD5 over all its rows' text. */
  static Map<String, String> checksums(Connection db, String orgId) throws SQLException {
    Map<String, String> sums = new LinkedHashMap<>();
    for (InventoryTable table : TABLES) {
      Object[] row =
          query(
                  db,
                  "SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
                      + " FROM "
                      + table.name()
                      + " t WHERE org_id = ?",
                  orgId)
              .get(0);
      sums.put(table.name(), row[0] + ":" + row[1]);
    }
    return sums;
  }

  /** The people onboarded into the organisation, by user id. */
  static List<String> onboardedInto(Connection db, String orgId) throws SQLException {
    List<String> users = new ArrayList<>();
    for (Object[] row :
        query(db, "SELECT user_id FROM onboarding WHERE org_id = ? ORDER BY user_id", orgId)) {
      users.add((String) row[0]);
    }
    return users;
  }

  /**
   * The people's onboarding rows as {@code state|org_id|completed_at} (empty when NULL), by user
   * id; nothing for a person without one.
   */
  static List<String> onboardingOf(Connection db, List<String> userIds) throws SQLException {
    List<String> rows = new ArrayList<>();
    for (Object[] row :
        query(
            db,
            "SELECT state || '|' || coalesce(org_id, '') || '|' || coalesce(completed_at::text, '')"
                + " FROM onboarding WHERE user_id = ANY (?) ORDER BY user_id",
            db.createArrayOf("varchar", userIds.toArray()))) {
      rows.add((String) row[0]);
    }
    return rows;
  }

  static long firstId(Connection db, String sql, Object... parameters) throws SQLException {
    return ((Number) query(db, sql, parameters).get(0)[0]).longValue();
  }

  static int update(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    }
  }

  static List<Object[]> query(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        List<Object[]> result = new ArrayList<>();
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rows.getObject(i + 1);
          }
          result.add(row);
        }
        return result;
      }
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }
}
