package dev.orgerasure.e2e.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** A throwaway PostgreSQL 17 on a free loopback port, its data under the instance directory. */
public final class EmbeddedPostgresServer implements PostgresServer {

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedPostgresServer start(Path dataDir) {
    try {
      Files.createDirectories(dataDir.getParent());
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(true)
              .setPort(FreePorts.find())
              .start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
      try (Connection admin = server.connect("postgres")) {
        PostgresServer.createDatabasesIfMissing(admin, DATABASES);
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create databases", e);
    }
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
  }

  @Override
  public String user() {
    return "postgres";
  }

  @Override
  public String password() {
    return "postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
