package dev.orgerasure.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The erasure service on Open Liberty. The ear module's {@code liberty-server} directory is copied to
 * {@code servers/erasure} of a user dir of this instance ({@code WLP_USER_DIR}), so several systems
 * can share one Liberty install.
 */
public final class LibertyServer implements AutoCloseable {

  public static final String SERVER_NAME = "erasure";

  private final int port;
  private final ServerProcess process;

  private LibertyServer(int port, ServerProcess process) {
    this.port = port;
    this.process = process;
  }

  public static LibertyServer start(HarnessPaths paths, PostgresServer db, int port) {
    HarnessPaths.requireDirectory(paths.libertyInstall(), "run the Maven build of e2e (it unpacks Open Liberty)");
    HarnessPaths.requireDirectory(
        paths.libertyServerTemplate(), "build the ear module (it assembles the Liberty server directory)");
    Path userDir = paths.instanceDir().resolve("wlp-usr");
    try {
      KeycloakDistribution.deleteRecursively(userDir);
      copyTree(paths.libertyServerTemplate(), userDir.resolve("servers").resolve(SERVER_NAME));
      Files.createDirectories(paths.fileStore());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the Liberty server in " + userDir, e);
    }
    ServerProcess process =
        ServerProcess.start(
            "Open Liberty",
            List.of(paths.libertyInstall().resolve("bin/server").toString(), "run", SERVER_NAME),
            Map.of(
                "WLP_USER_DIR", userDir.toString(),
                "HTTP_PORT", Integer.toString(port),
                "DB_URL", db.jdbcUrl(PostgresServer.LEARNING_DB),
                "DB_USER", db.user(),
                "DB_PASSWORD", db.password(),
                "FILE_STORE_ROOT", paths.fileStore().toString()),
            paths.logs().resolve("liberty.log"));
    try {
      process.awaitReady(URI.create("http://127.0.0.1:" + port + "/health/ready"), Duration.ofMinutes(3));
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return new LibertyServer(port, process);
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    process.close();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path source : tree.collect(Collectors.toList())) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
