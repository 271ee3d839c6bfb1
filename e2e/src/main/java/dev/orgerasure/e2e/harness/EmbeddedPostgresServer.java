package dev.orgerasure.e2e.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A throwaway PostgreSQL 17 on a free loopback port, its data under the instance directory. It can
 * be restarted on the same data and port, as a database server that went away and came back.
 */
public final class EmbeddedPostgresServer implements PostgresServer {

  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  public static EmbeddedPostgresServer start(Path dataDir) {
    try {
      KeycloakDistribution.deleteRecursively(dataDir);
      Files.createDirectories(dataDir.getParent());
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, FreePorts.find());
      server.startPostgres();
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

  /**
   * The data directory is kept when PostgreSQL stops (zonky's clean-up would delete it), so that a
   * restart finds the databases; a fresh directory is initialised.
   */
  private void startPostgres() throws IOException {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .start();
  }

  /**
   * Stops PostgreSQL with a fast shutdown, which cuts every client's connection and rolls their
   * transactions back, and starts it again on the same data directory and port; returns once it
   * accepts connections. The clients' pools are left to find out by themselves.
   */
  public synchronized void restart() {
    try {
      postgres.close();
      startPostgres();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not restart", e);
    }
  }

  /**
   * The CPU time PostgreSQL has used since it last started: the postmaster, named by the first line
   * of its {@code postmaster.pid}, and its backends and workers, those that ended included.
   */
  public synchronized Duration cpuTime() {
    try {
      long pid =
          Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
      return ProcessHandle.of(pid).map(ProcessCpu::ofTree).orElse(Duration.ZERO);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read PostgreSQL's pid in " + dataDir, e);
    }
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
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
  public synchronized void close() {
    try {
      postgres.close();
      KeycloakDistribution.deleteRecursively(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
