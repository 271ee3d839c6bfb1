package dev.orgerasure.service.it;

import dev.orgerasure.db.migration.MigrationLocations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * What the one Liberty of the run needs before Arquillian starts it, and is torn down after
 * Arquillian stops it: an embedded PostgreSQL on a free port, the realm whose tokens the service
 * trusts ({@link TestRealm}), and a server directory made from the ear module's assembled server
 * (its real server.xml and JDBC driver, without the EAR: Arquillian deploys that). The server's
 * settings go into its {@code server.env}, which Liberty reads at start.
 */
public class TestServer {

  /** The rows each purge batch deletes here: small, so that every table takes several batches. */
  static final int BATCH_SIZE = 7;

  private static final String DATABASE = "erasure";

  /** The tests' own data source in the container (see {@link #writeOverrides}). */
  static final String TESTS_DATA_SOURCE = "jdbc/it-tests";

  /** The service's schema, then the application's: the tests read and write both. */
  static final String TESTS_SEARCH_PATH = MigrationLocations.ERASURE_SERVICE_SCHEMA + ",public";

  private static volatile EmbeddedPostgres postgres;
  private static volatile Path fileStore;
  private static volatile TestRealm realm;
  private static volatile int httpPort;

  @Inject private Instance<ContainerRegistry> registry;

  // Before Arquillian's own BeforeSuite observer, which sets the containers up and starts them.
  void prepare(@Observes(precedence = 1000) BeforeSuite event) throws Exception {
    Path workDir = Path.of(requiredProperty("erasure.it.work-dir"));
    Path template = Path.of(requiredProperty("erasure.it.liberty-server-dir"));
    if (!Files.isRegularFile(template.resolve("server.xml"))) {
      throw new IllegalStateException(
          "No Liberty server at " + template + ": build the ear module first (package)");
    }
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(workDir.resolve("postgres-data"))
            .setCleanDataDirectory(true)
            .setPort(freePort())
            .start();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    prepareDatabase();

    // A name of its own, so that the adapter (which finds its server among the machine's JVMs by
    // name) never takes another run's Liberty for this one.
    String serverName = "erasure-it-" + UUID.randomUUID().toString().substring(0, 8);
    Path usrDir = workDir.resolve("wlp-usr");
    deleteRecursively(usrDir);
    Path serverDir = usrDir.resolve("servers").resolve(serverName);
    copyServerWithoutApps(template, serverDir);
    fileStore = Files.createDirectories(workDir.resolve("file-store"));
    realm = TestRealm.start();
    writeOverrides(serverDir);
    writeServerEnv(serverDir);

    registry
        .get()
        .getContainers()
        .forEach(
            container -> container.getContainerConfiguration().property("serverName", serverName));
  }

  // After Arquillian has stopped Liberty.
  void release(@Observes(precedence = -1000) AfterSuite event) throws IOException {
    if (realm != null) {
      realm.close();
      realm = null;
    }
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  /**
   * The database as an administrator prepares it before the first deploy: the service's schema
   * exists (Liberty's timer store may create its tables there before the service's migrations run),
   * and the application's tables are there, as the demo learning platform's own migrations create
   * them; the service creates none of them.
   */
  private static void prepareDatabase() throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
        Statement statement = db.createStatement()) {
      statement.execute("CREATE SCHEMA " + MigrationLocations.ERASURE_SERVICE_SCHEMA);
    }
    Flyway.configure()
        .dataSource(jdbcUrl(), "postgres", "postgres")
        .locations(MigrationLocations.LEARNING_PLATFORM)
        .load()
        .migrate();
  }

  /**
   * A connection to the service's database, for tests that run on the client side: the service's
   * schema first, then the application's.
   */
  static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl() + "?currentSchema=" + TESTS_SEARCH_PATH, "postgres", "postgres");
  }

  /** The service's API at {@code path}, for tests that run on the client side. */
  static URI api(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + "/erasure/api/" + path);
  }

  /** A token of the realm the service trusts, as Keycloak's dispatcher client holds one. */
  static String dispatcherToken() {
    if (realm == null) {
      throw new IllegalStateException("the test server is not prepared");
    }
    return realm.dispatcherToken();
  }

  private static String jdbcUrl() {
    if (postgres == null) {
      throw new IllegalStateException("the test server is not prepared");
    }
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  private static void writeOverrides(Path serverDir) throws IOException {
    // What Arquillian needs of the server beside the real server.xml: the adapter deploys and
    // watches through JMX, and its test servlet needs the Servlet API visible to the application.
    // The tests' own data source sees the service's schema and the application's, where the
    // service's sees its own only.
    // The server.xml's own enterpriseApplication finds no EAR in apps/ and stays down:
    // the EAR under test is deployed by Arquillian as erasure-service-it, which takes its settings
    // from the environment (MicroProfile Config), not from that element's appProperties.
    Path overrides = Files.createDirectories(serverDir.resolve("configDropins/overrides"));
    Files.writeString(
        overrides.resolve("arquillian.xml"),
        """
        <server>
            <featureManager>
                <feature>localConnector-1.0</feature>
                <feature>servlet-6.0</feature>
            </featureManager>
            <applicationMonitor updateTrigger="mbean"/>
            <dataSource id="itTestsDataSource" jndiName="%s">
                <jdbcDriver libraryRef="postgresqlLibrary"/>
                <properties URL="${erasure.db.url}" user="${erasure.db.user}"
                            password="${erasure.db.password}" currentSchema="%s"/>
            </dataSource>
        </server>
        """
            .formatted(TESTS_DATA_SOURCE, TESTS_SEARCH_PATH));
  }

  private static void writeServerEnv(Path serverDir) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    httpPort = freePort();
    env.put("ERASURE_HTTP_PORT", Integer.toString(httpPort));
    env.put("ERASURE_DB_URL", jdbcUrl());
    env.put("ERASURE_DB_USER", "postgres");
    env.put("ERASURE_DB_PASSWORD", "postgres");
    env.put("ERASURE_FILE_STORE_ROOT", fileStore.toString());
    env.put("ERASURE_PURGE_BATCH_SIZE", Integer.toString(BATCH_SIZE));
    // Batches of a fixed size, so that tests can count them.
    env.put("ERASURE_PURGE_BATCH_SIZE_MAX", Integer.toString(BATCH_SIZE));
    // The test realm: mpJwt takes its keys from there. It has no token endpoint and the service no
    // client secret here, so every report to Keycloak fails fast and is retried: a purge ends in
    // REPORT_RETRYING and never reaches a Keycloak running on this machine.
    env.put("ERASURE_KEYCLOAK_URL", realm.url());
    Files.writeString(
        serverDir.resolve("server.env"),
        env.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining("\n", "", "\n")));
  }

  private static void copyServerWithoutApps(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path source : tree.toList()) {
        Path relative = from.relativize(source);
        if (relative.startsWith("apps")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set (run through Maven)");
    }
    return value;
  }
}
