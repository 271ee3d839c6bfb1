package dev.orgerasure.e2e.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * An existing PostgreSQL, chosen with {@code ERASURE_EXTERNAL_DB_URL} (a JDBC URL of any database
 * on that server, e.g. {@code jdbc:postgresql://localhost:5432/postgres}), {@code
 * ERASURE_EXTERNAL_DB_USER} and {@code ERASURE_EXTERNAL_DB_PASSWORD}, or the system properties
 * {@code erasure.external-db.url}, {@code .user}, {@code .password}. The user must be allowed to
 * create databases.
 */
public final class ExternalPostgresServer implements PostgresServer {

  private final String serverUrl;
  private final String user;
  private final String password;

  private ExternalPostgresServer(String serverUrl, String user, String password) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
  }

  public static Optional<ExternalPostgresServer> fromEnvironment() {
    return setting("url")
        .map(
            url -> {
              ExternalPostgresServer server =
                  new ExternalPostgresServer(
                      url.substring(0, url.lastIndexOf('/') + 1),
                      setting("user").orElse("postgres"),
                      setting("password").orElse(""));
              try (Connection admin =
                  DriverManager.getConnection(url, server.user, server.password)) {
                PostgresServer.createDatabasesIfMissing(admin, DATABASES);
              } catch (SQLException e) {
                throw new IllegalStateException("cannot use the external PostgreSQL at " + url, e);
              }
              return server;
            });
  }

  private static Optional<String> setting(String key) {
    String property = System.getProperty("erasure.external-db." + key);
    if (property != null) {
      return Optional.of(property);
    }
    return Optional.ofNullable(System.getenv("ERASURE_EXTERNAL_DB_" + key.toUpperCase()));
  }

  @Override
  public String jdbcUrl(String database) {
    return serverUrl + database;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public void close() {
    // The server is not ours to stop.
  }
}
