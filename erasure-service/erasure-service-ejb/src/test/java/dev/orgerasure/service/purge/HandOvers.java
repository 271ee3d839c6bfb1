package dev.orgerasure.service.purge;

import dev.orgerasure.contract.MemberPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Purges stored as the service stores a hand-over, in its own tables, for the batch tests. */
final class HandOvers {

  private HandOvers() {}

  /** A purge of {@code org} under {@code policy}, naming the members Keycloak erases. */
  static String stored(
      DataSource dataSource, String org, MemberPolicy policy, List<String> erasedMembers)
      throws SQLException {
    String requestId = UUID.randomUUID().toString();
    try (Connection connection = dataSource.getConnection()) {
      update(
          connection,
          "INSERT INTO purge (request_id, org_id, org_name, state, requested_at, grace_until,"
              + " member_policy, tenant_kind)"
              + " VALUES (?, ?, ?, 'PURGING_APP_DATA', now(), now(), ?, 'ORGANIZATION')",
          requestId,
          org,
          "Org " + org,
          policy.name());
      for (String userId : erasedMembers) {
        update(
            connection,
            "INSERT INTO purge_erased_member (request_id, user_id) VALUES (?, ?)",
            requestId,
            userId);
      }
    }
    return requestId;
  }

  private static void update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      JdbcSession.bind(statement, parameters);
      statement.executeUpdate();
    }
  }
}
