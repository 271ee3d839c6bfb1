package dev.orgerasure.e2e.harness;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Keycloak node with our providers, in production mode on loopback, backed by PostgreSQL. */
public final class KeycloakServer implements AutoCloseable {

  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_PASSWORD = "admin";

  private final int port;
  private final ServerProcess process;

  private KeycloakServer(int port, ServerProcess process) {
    this.port = port;
    this.process = process;
  }

  /**
   * @param extraOptions further {@code kc.sh start} options, e.g. {@code
   *     --spi-org-erasure--default--max-auth-age=60}
   */
  public static KeycloakServer start(
      HarnessPaths paths, PostgresServer db, int port, List<String> extraOptions) {
    Path home = KeycloakDistribution.prepareCopy(paths, paths.instanceDir().resolve("keycloak"));
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
            "--cache=local",
            "--db-url=" + db.jdbcUrl(PostgresServer.KEYCLOAK_DB),
            "--db-username=" + db.user(),
            "--db-password=" + db.password()));
    command.addAll(extraOptions);
    ServerProcess process =
        ServerProcess.start(
            "Keycloak",
            command,
            Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME",
                ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                ADMIN_PASSWORD),
            paths.logs().resolve("keycloak.log"));
    try {
      process.awaitReady(
          URI.create("http://127.0.0.1:" + managementPort + "/health/ready"),
          Duration.ofMinutes(3));
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return new KeycloakServer(port, process);
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    process.close();
  }
}
