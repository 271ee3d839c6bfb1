package dev.orgerasure.e2e.harness;

import dev.orgerasure.db.migration.MigrationLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The erasure service on Open Liberty, with the demo learning platform deployed beside it. The ear
 * module's {@code liberty-server} directory is copied to {@code servers/erasure} of a user dir of
 * this instance ({@code WLP_USER_DIR}), so several systems can share one Liberty install, and the
 * platform's {@code liberty-app} directory over it; a site without the platform gets the service
 * alone, deployed into a server of its own as ear/README.md says. Before the first start the
 * service's schema is created, as ear/README.md asks of an administrator. It can be stopped, killed
 * and started again on the same port, user dir and database, so its persistent timers resume.
 */
public final class LibertyServer extends RestartableServer {

  public static final String SERVER_NAME = "erasure";

  private final HarnessPaths paths;
  private final ServiceSite site;
  private final String name;
  private final PostgresServer db;
  private final int port;
  private Map<String, String> settings;
  private final Path userDir;

  private LibertyServer(
      HarnessPaths paths,
      ServiceSite site,
      String name,
      PostgresServer db,
      int port,
      Map<String, String> settings,
      Path userDir) {
    super("Open Liberty" + name);
    this.paths = paths;
    this.site = site;
    this.name = name;
    this.db = db;
    this.port = port;
    this.settings = Map.copyOf(settings);
    this.userDir = userDir;
  }

  /**
   * Prepares a fresh user dir and starts the server; returns when it has started ({@code
   * /health/started}: the application is up and its schema migrated). It is ready ({@code
   * /health/ready}) only once Keycloak's realm accepts its client secret, which may come later: see
   * {@link #awaitReady(Duration)}.
   *
   * @param settings further environment variables of the server (ear/README.md lists them), e.g.
   *     {@code ERASURE_KEYCLOAK_URL}, {@code ERASURE_PURGE_BATCH_SIZE}
   */
  public static LibertyServer start(
      HarnessPaths paths,
      ServiceSite site,
      PostgresServer db,
      int port,
      Map<String, String> settings) {
    return start(paths, site, "", db, port, settings);
  }

  /**
   * As {@link #start(HarnessPaths, ServiceSite, PostgresServer, int, Map)}, for one of several
   * servers of the site: {@code node} names its user dir and log apart from the others', so that
   * Liberty sees each as a member of its own (its persistent timers' partition), while the site's
   * database and file store are theirs together.
   */
  public static LibertyServer start(
      HarnessPaths paths,
      ServiceSite site,
      String node,
      PostgresServer db,
      int port,
      Map<String, String> settings) {
    HarnessPaths.requireDirectory(
        paths.libertyInstall(), "run the Maven build of e2e (it unpacks Open Liberty)");
    HarnessPaths.requireDirectory(
        paths.libertyServerTemplate(),
        "build the ear module (it assembles the Liberty server directory)");
    if (site.withLearningPlatform()) {
      HarnessPaths.requireDirectory(
          paths.learningPlatformOverlay(),
          "build the demo-learning-platform module (it lays out its Liberty application)");
    }
    String name = site.suffix() + (node.isEmpty() ? "" : "-" + node);
    Path userDir = paths.instanceDir().resolve("wlp-usr" + name);
    try {
      KeycloakDistribution.deleteRecursively(userDir);
      Path serverDir = userDir.resolve("servers").resolve(SERVER_NAME);
      if (site.withLearningPlatform()) {
        copyTree(paths.libertyServerTemplate(), serverDir);
        copyTree(paths.learningPlatformOverlay(), serverDir);
      } else {
        deployIntoAnExistingServer(paths.libertyServerTemplate(), serverDir);
      }
      Files.createDirectories(paths.fileStore(site));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the Liberty server in " + userDir, e);
    }
    createServiceSchema(db, site);
    LibertyServer server = new LibertyServer(paths, site, name, db, port, settings, userDir);
    server.start();
    return server;
  }

  @Override
  protected Launch launch() {
    Map<String, String> env = new java.util.HashMap<>(settings);
    env.putAll(
        Map.of(
            "WLP_USER_DIR", userDir.toString(),
            "ERASURE_HTTP_PORT", Integer.toString(port),
            "ERASURE_KEYCLOAK_REALM", site.realm(),
            "ERASURE_DB_URL", db.jdbcUrl(site.database()),
            "ERASURE_DB_USER", db.user(),
            "ERASURE_DB_PASSWORD", db.password(),
            "ERASURE_FILE_STORE_ROOT", paths.fileStore(site).toString(),
            "LEARNING_FILE_STORE_ROOT", paths.fileStore(site).toString(),
            // messages.log in JSON, as production collects it; the console stays readable.
            "WLP_LOGGING_MESSAGE_FORMAT", "json"));
    return new Launch(
        List.of(paths.libertyInstall().resolve("bin/server").toString(), "run", SERVER_NAME),
        env,
        log(),
        URI.create("http://127.0.0.1:" + port + "/health/started"));
  }

  /** The server's console output, as the harness captures it. */
  public Path log() {
    return paths.logs().resolve("liberty" + name + ".log");
  }

  /**
   * The server's {@code messages.log} files, in JSON: the current one and those Liberty kept from
   * earlier starts on this user dir.
   */
  public List<Path> messagesLogs() {
    Path logs = userDir.resolve("servers").resolve(SERVER_NAME).resolve("logs");
    if (!Files.isDirectory(logs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(logs)) {
      return files
          .filter(file -> file.getFileName().toString().matches("messages(_.*)?\\.log"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + logs, e);
    }
  }

  /** MicroProfile Health's readiness: every check of ear/README.md, "Readiness", up. */
  public URI readinessUrl() {
    return baseUrl().resolve("/health/ready");
  }

  /**
   * Waits until the service is ready: started, its realm accepts its client secret, its keys are
   * readable, its inventory matches and no default secret is left.
   */
  public void awaitReady(Duration timeout) {
    awaitAnswer(readinessUrl(), timeout);
  }

  /**
   * Stops the server, changes some of its environment variables and starts it again on the same
   * user dir, port and database; returns when it has started.
   */
  public synchronized void restartWith(Map<String, String> changes) {
    stop();
    Map<String, String> changed = new java.util.HashMap<>(settings);
    changed.putAll(changes);
    settings = Map.copyOf(changed);
    start();
  }

  /**
   * The steps of ear/README.md, "Deploying to an existing Liberty server", word for word: the EAR
   * in the server's {@code apps/}, the driver in its {@code resources/}, the service's {@code
   * server.xml} copied as {@code erasure.xml} without its {@code httpEndpoint}, and an include in
   * the server's own {@code server.xml}, which keeps its own endpoint and features.
   */
  private static void deployIntoAnExistingServer(Path template, Path serverDir) throws IOException {
    Files.createDirectories(serverDir.resolve("apps"));
    Files.createDirectories(serverDir.resolve("resources"));
    Files.writeString(
        serverDir.resolve("server.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <server description="The application's own server">
            <featureManager>
                <feature>servlet-6.0</feature>
            </featureManager>
            <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1"
                          httpPort="${env.ERASURE_HTTP_PORT}" httpsPort="-1"/>
            <include location="erasure.xml"/>
        </server>
        """);
    String erasureXml = Files.readString(template.resolve("server.xml"));
    String withoutEndpoint = erasureXml.replaceAll("(?s)<httpEndpoint\\b.*?/>", "");
    if (withoutEndpoint.equals(erasureXml)) {
      throw new IllegalStateException("no httpEndpoint in " + template.resolve("server.xml"));
    }
    Files.writeString(serverDir.resolve("erasure.xml"), withoutEndpoint);
    copyTree(template.resolve("apps"), serverDir.resolve("apps"));
    copyTree(template.resolve("resources"), serverDir.resolve("resources"));
  }

  private static void createServiceSchema(PostgresServer db, ServiceSite site) {
    try (Connection connection = db.connect(site.database());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + MigrationLocations.ERASURE_SERVICE_SCHEMA);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the service's schema", e);
    }
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
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
