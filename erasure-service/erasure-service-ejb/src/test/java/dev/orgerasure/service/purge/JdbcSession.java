package dev.orgerasure.service.purge;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The service's native SQL over plain JDBC: {@code ?n} placeholders become {@code ?}, in order. */
final class JdbcSession implements SqlSession {
  private final Connection connection;

  JdbcSession(Connection connection) {
    this.connection = connection;
  }

  @Override
  public int update(String sql, Object... parameters) {
    try (PreparedStatement statement = connection.prepareStatement(jdbc(sql))) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Object[]> query(String sql, Object... parameters) {
    try (PreparedStatement statement = connection.prepareStatement(jdbc(sql))) {
      bind(statement, parameters);
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = result.getObject(i + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Binds the parameters to the statement's {@code ?}, in order. */
  static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  private static String jdbc(String sql) {
    assertFalse(sql.contains("??"));
    return sql.replaceAll("\\?\\d+", "?");
  }
}
