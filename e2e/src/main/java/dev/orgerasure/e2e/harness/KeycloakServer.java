package dev.orgerasure.e2e.harness;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Keycloak node with our providers, in production mode on loopback, backed by PostgreSQL. It can
 * be killed and started again on the same ports and database, as a node that crashed and came back.
 */
public final class KeycloakServer extends RestartableServer {

  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_PASSWORD = "admin";

  private final HarnessPaths paths;
  private final String node;
  private final int port;
  private final List<String> command;
  private final URI readiness;
  private final URI metrics;

  private KeycloakServer(
      HarnessPaths paths, String node, int port, List<String> command, URI readiness) {
    super("Keycloak (" + node + ")");
    this.paths = paths;
    this.node = node;
    this.port = port;
    this.command = List.copyOf(command);
    this.readiness = readiness;
    this.metrics = readiness.resolve("/metrics");
  }

  /**
   * Prepares a fresh copy of the distribution and starts it; returns when it is ready.
   *
   * @param extraOptions further {@code kc.sh start} options, e.g. {@code
   *     --spi-org-erasure--default--max-auth-age=60}
   */
  public static KeycloakServer start(
      HarnessPaths paths, PostgresServer db, int port, List<String> extraOptions) {
    List<String> options = new ArrayList<>(List.of("--cache=local"));
    options.addAll(extraOptions);
    return start(paths, "keycloak", db, PostgresServer.KEYCLOAK_DB, port, options);
  }

  /**
   * Starts a node named {@code node} (its own copy of the distribution and its own log) on {@code
   * database}; {@code options} say how it caches: {@code --cache=local} alone, or a cluster's.
   */
  public static KeycloakServer start(
      HarnessPaths paths,
      String node,
      PostgresServer db,
      String database,
      int port,
      List<String> options) {
    Path home = KeycloakDistribution.prepareCopy(paths, paths.instanceDir().resolve(node));
    int managementPort = FreePorts.find();
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/kc.sh").toString());
    command.addAll(
        List.of(
            "start",
            "--optimized",
            "--http-enabled=true",
            "--http-host=127.0.0.1",
            "--http-port=" + port,
            "--http-management-port=" + managementPort,
            "--hostname-strict=false",
            "--db-url=" + db.jdbcUrl(database),
            "--db-username=" + db.user(),
            "--db-password=" + db.password()));
    command.addAll(options);
    KeycloakServer server =
        new KeycloakServer(
            paths,
            node,
            port,
            command,
            URI.create("http://127.0.0.1:" + managementPort + "/health/ready"));
    server.start();
    return server;
  }

  @Override
  protected Launch launch() {
    return new Launch(
        command,
        Map.of(
            "KC_BOOTSTRAP_ADMIN_USERNAME",
            ADMIN_USER,
            "KC_BOOTSTRAP_ADMIN_PASSWORD",
            ADMIN_PASSWORD),
        log(),
        readiness);
  }

  /** The node's console output, as the harness captures it. */
  public Path log() {
    return paths.logs().resolve(node + ".log");
  }

  /** The management interface's {@code /metrics} (Prometheus text format). */
  public URI metricsUrl() {
    return metrics;
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }
}
