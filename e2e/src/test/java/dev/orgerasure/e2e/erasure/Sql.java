package dev.orgerasure.e2e.erasure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/** One-value queries of the tests, against either database. */
final class Sql {

  private Sql() {}

  /** The first column of the first row, or null when there is no row. */
  static String single(Callable<Connection> database, String sql, String parameter) {
    try (Connection db = database.call();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot connect for " + sql, e);
    }
  }

  static long count(Callable<Connection> database, String sql, String parameter) {
    return Long.parseLong(single(database, sql, parameter));
  }
}
