package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * What an erasure could change in a realm ({@code learning} unless named), read straight from
 * Keycloak's database: users, organisations, groups and group memberships, sessions (online and
 * offline, both persisted), erasure requests, who may erase their organisation themselves, and a
 * checksum of every user's enabled flag. Two equal states mean nothing changed.
 */
record RealmState(
    long users,
    long organizations,
    long groups,
    long groupMemberships,
    long sessions,
    long erasureRequests,
    long selfServiceErasers,
    String enabledChecksum) {

  static RealmState read(WholeSystem system) {
    return read(system, DemoRealm.REALM);
  }

  static RealmState read(WholeSystem system, String realm) {
    try (Connection db = system.keycloakDatabase()) {
      String realmId = single(db, "select id from realm where name = ?", realm);
      return new RealmState(
          count(db, "select count(*) from user_entity where realm_id = ?", realmId),
          count(db, "select count(*) from org where realm_id = ?", realmId),
          count(db, "select count(*) from keycloak_group where realm_id = ?", realmId),
          count(
              db,
              "select count(*) from user_group_membership m join user_entity u on u.id = m.user_id"
                  + " where u.realm_id = ?",
              realmId),
          count(db, "select count(*) from offline_user_session where realm_id = ?", realmId),
          count(db, "select count(*) from org_erasure_request where realm_id = ?", realmId),
          count(
              db,
              "select count(*) from org_erasure_self_service_eraser where realm_id = ?",
              realmId),
          sha256(
              single(
                  db,
                  "select coalesce(string_agg(id || ':' || enabled, ',' order by id), '')"
                      + " from user_entity where realm_id = ?",
                  realmId)));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean userExists(WholeSystem system, String userId) {
    return Sql.count(
            system::keycloakDatabase, "select count(*) from user_entity where id = ?", userId)
        > 0;
  }

  static boolean isEnabled(WholeSystem system, String userId) {
    return Boolean.parseBoolean(
        Sql.single(
            system::keycloakDatabase,
            "select enabled::text from user_entity where id = ?",
            userId));
  }

  static long sessionsOf(WholeSystem system, String userId) {
    return Sql.count(
        system::keycloakDatabase,
        "select count(*) from offline_user_session where user_id = ?",
        userId);
  }

  private static long count(Connection db, String sql, String parameter) throws SQLException {
    return Long.parseLong(single(db, sql, parameter));
  }

  private static String single(Connection db, String sql, String parameter) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
