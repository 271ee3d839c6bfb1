package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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

  /** A statement that changes rows; answers how many. */
  static int update(Callable<Connection> database, String sql, Object... parameters) {
    try (Connection db = database.call();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot connect for " + sql, e);
    }
  }

  static long count(Callable<Connection> database, String sql, String parameter) {
    return Long.parseLong(single(database, sql, parameter));
  }

  /**
   * Polls the count every 10 ms, close enough to catch a batch's commit before the next, until it
   * is above zero; answers it.
   */
  static long awaitCount(
      String what, Callable<Connection> database, String sql, String parameter, Duration timeout) {
    return await(what)
        .atMost(timeout)
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(10))
        .until(() -> count(database, sql, parameter), counted -> counted > 0);
  }
}
