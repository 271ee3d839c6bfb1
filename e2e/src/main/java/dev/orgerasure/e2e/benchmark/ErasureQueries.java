package dev.orgerasure.e2e.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the benchmarks read straight from the databases: an erasure's state and its purge. */
final class ErasureQueries {

  private ErasureQueries() {}

  /** The erasure's state in Keycloak's database. */
  static String state(Connection keycloakDb, String requestId) throws SQLException {
    return single(keycloakDb, "select state from org_erasure_request where id = ?", requestId);
  }

  /** How long the service's purge ran, first batch to last, from its own database. */
  static long purgeMillis(Connection appDb, String requestId) throws SQLException {
    return Long.parseLong(
        single(
            appDb,
            "select (extract(epoch from finished_at - started_at) * 1000)::bigint"
                + " from purge where request_id = ?",
            requestId));
  }

  /** The first column of the first row of a query with one string parameter. */
  static String single(Connection db, String sql, String parameter) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }
}
