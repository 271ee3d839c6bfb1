package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.harness.WholeSystem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The members an erasure locked out, with the enabled flag each had before, from Keycloak's
 * database.
 */
final class LockedMembers {

  private LockedMembers() {}

  static Map<String, Boolean> of(WholeSystem system, String organizationId) {
    String sql =
        "select m.user_id, m.was_enabled from org_erasure_locked_member m"
            + " join org_erasure_request r on r.id = m.request_id where r.organization_id = ?";
    try (Connection db = system.keycloakDatabase();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, organizationId);
      Map<String, Boolean> members = new HashMap<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          members.put(rows.getString(1), rows.getBoolean(2));
        }
      }
      return members;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long requestsFor(WholeSystem system, String organizationId) {
    return Sql.count(
        system::keycloakDatabase,
        "select count(*) from org_erasure_request where organization_id = ?",
        organizationId);
  }
}
