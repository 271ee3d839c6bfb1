package dev.orgerasure.e2e.harness;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * PostgreSQL, an SMTP server, Keycloak with our providers and the erasure service on Open Liberty,
 * all on loopback. {@link #close()} stops them in reverse order and leaves no process behind.
 */
public final class WholeSystem implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WholeSystem.class.getName());

  /** The realm whose tokens the (first) erasure service accepts and which it reports to. */
  public static final String ERASURE_SERVICE_REALM = ServiceSite.LEARNING.realm();

  /**
   * The secret of the realm's {@code erasure-service} client, given to Liberty as
   * ERASURE_KEYCLOAK_CLIENT_SECRET.
   */
  public static final String ERASURE_SERVICE_CLIENT_SECRET = "erasure-service-e2e-secret-7f3c9a";

  /**
   * The password of the keystore each Liberty generates at its first start, given as
   * ERASURE_KEYSTORE_PASSWORD: the service refuses the default (ear/README.md, "Default secrets").
   */
  public static final String LIBERTY_KEYSTORE_PASSWORD = "liberty-keystore-e2e-secret-2b9e51";

  /** How long a started erasure-service may take to become ready once its realm exists. */
  private static final Duration SERVICE_READY_TIMEOUT = Duration.ofMinutes(2);

  /** The password of the audit keys in Keycloak's database, the quickstart's and the tests'. */
  public static final String AUDIT_KEYSTORE_PASSWORD = "audit-keys-e2e-secret-4d81b2";

  private final HarnessPaths paths;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private PostgresServer postgres;
  private GreenMail mail;
  private int smtpPort;
  private KeycloakServer keycloak;
  private LibertyServer liberty;
  private LibertyServer groupsLiberty;
  private final StartupTimes times = new StartupTimes();

  private WholeSystem(HarnessPaths paths) {
    this.paths = paths;
  }

  public static WholeSystem start(WholeSystemOptions options) {
    WholeSystem system = new WholeSystem(HarnessPaths.forInstance(options.instanceName()));
    try {
      system.startAll(options);
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  private void startAll(WholeSystemOptions options) {
    postgres =
        times.measure(
            "PostgreSQL",
            () ->
                ExternalPostgresServer.fromEnvironment()
                    .<PostgresServer>map(external -> external)
                    .orElseGet(
                        () ->
                            EmbeddedPostgresServer.start(paths.instanceDir().resolve("postgres"))));
    started.push(postgres);
    if (postgres instanceof EmbeddedPostgresServer) {
      try {
        KeycloakDistribution.deleteRecursively(paths.audit());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot clear " + paths.audit(), e);
      }
    }

    smtpPort = FreePorts.orFree(options.smtpPort());
    mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    times.measure("SMTP", () -> mail.start());
    started.push(mail::stop);

    // The servers start in parallel; both are slow and independent. Keycloak's port is chosen
    // first,
    // so Liberty knows its URL. A Liberty start waits for /health/started only: readiness needs the
    // realm, which the demo data creates later; awaitServicesReady() waits for it.
    int keycloakPort = FreePorts.orFree(options.keycloakPort());
    int libertyPort = FreePorts.orFree(options.libertyPort());
    int groupsLibertyPort = FreePorts.orFree(options.groupsLibertyPort());
    List<String> keycloakOptions = new ArrayList<>(erasureWiring(keycloakPort, libertyPort));
    // Production mode (kc.sh start) wants a password of its own for the audit keys.
    keycloakOptions.add(
        "--spi-org-erasure--default--audit-keystore-password=" + AUDIT_KEYSTORE_PASSWORD);
    keycloakOptions.add(
        "--spi-org-erasure--default--audit-checkpoint-dir=" + paths.auditCheckpoints());
    keycloakOptions.addAll(options.keycloakOptions());
    Map<String, String> libertySettings =
        serviceSettings(URI.create("http://127.0.0.1:" + keycloakPort), options.libertySettings());
    CompletableFuture<KeycloakServer> keycloakStart =
        CompletableFuture.supplyAsync(
            () ->
                times.measure(
                    "Keycloak",
                    () -> KeycloakServer.start(paths, postgres, keycloakPort, keycloakOptions)));
    CompletableFuture<LibertyServer> libertyStart =
        CompletableFuture.supplyAsync(
            () ->
                times.measure(
                    "Open Liberty",
                    () ->
                        LibertyServer.start(
                            paths, ServiceSite.LEARNING, postgres, libertyPort, libertySettings)));
    CompletableFuture<LibertyServer> groupsLibertyStart =
        CompletableFuture.supplyAsync(
            () ->
                times.measure(
                    "Open Liberty (learning-groups)",
                    () ->
                        LibertyServer.start(
                            paths,
                            ServiceSite.LEARNING_GROUPS,
                            postgres,
                            groupsLibertyPort,
                            libertySettings)));
    // Wait for both before failing, so that a server that did come up is tracked and stopped.
    RuntimeException failure = null;
    try {
      keycloak = track(keycloakStart.join());
    } catch (CompletionException e) {
      failure = unwrap(e);
    }
    try {
      liberty = track(libertyStart.join());
    } catch (CompletionException e) {
      failure = failure == null ? unwrap(e) : failure;
    }
    try {
      groupsLiberty = track(groupsLibertyStart.join());
    } catch (CompletionException e) {
      failure = failure == null ? unwrap(e) : failure;
    }
    if (failure != null) {
      throw failure;
    }
    LOG.info("Started in " + times);
  }

  /**
   * Waits until both erasure-services are ready (ear/README.md, "Readiness"): their realms exist
   * with the clients whose secret they hold. Call it once the realms are set up.
   */
  public void awaitServicesReady() {
    liberty.awaitReady(SERVICE_READY_TIMEOUT);
    groupsLiberty.awaitReady(SERVICE_READY_TIMEOUT);
  }

  /** Where the extension hands erasures over to, and the URL it takes its dispatcher token from. */
  private static List<String> erasureWiring(int keycloakPort, int libertyPort) {
    return List.of(
        "--spi-org-erasure--default--service-url=http://127.0.0.1:" + libertyPort + "/erasure/api",
        "--spi-org-erasure--default--keycloak-url=http://127.0.0.1:" + keycloakPort,
        "--spi-org-erasure--default--task-interval-millis=1000",
        "--spi-org-erasure--default--delivery-max-backoff=5");
  }

  /**
   * What every erasure-service of the harness is given: the Keycloak it serves, its client secret
   * and a keystore password of its own (it refuses the default), then {@code extra}.
   */
  private static Map<String, String> serviceSettings(URI keycloak, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("ERASURE_KEYCLOAK_URL", keycloak.toString());
    settings.put("ERASURE_KEYCLOAK_CLIENT_SECRET", ERASURE_SERVICE_CLIENT_SECRET);
    settings.put("ERASURE_KEYSTORE_PASSWORD", LIBERTY_KEYSTORE_PASSWORD);
    settings.putAll(extra);
    return settings;
  }

  private <T extends AutoCloseable> T track(T server) {
    started.push(server);
    return server;
  }

  private static RuntimeException unwrap(CompletionException e) {
    return e.getCause() instanceof RuntimeException cause ? cause : e;
  }

  /** The CPU time the system's Keycloak has used since it last started. */
  public Duration keycloakCpuTime() {
    return keycloak.cpuTime();
  }

  /** Keycloak's metrics, on its management interface. */
  public URI keycloakMetricsUrl() {
    return keycloak.metricsUrl();
  }

  public URI keycloakUrl() {
    return keycloak.baseUrl();
  }

  public URI libertyUrl() {
    return liberty.baseUrl();
  }

  /** The JSON {@code messages.log} files of the erasure-service of realm {@code learning}. */
  public List<Path> libertyMessagesLogs() {
    return liberty.messagesLogs();
  }

  /**
   * Starts one more erasure-service, for a site of its own, with the system's Keycloak and
   * PostgreSQL; it stops with the system, and returns when it has started (not when it is ready:
   * {@link LibertyServer#awaitReady(Duration)}). The site's database and realm are the caller's to
   * set up, as a user's would be.
   *
   * @param port its HTTP port
   * @param settings further environment variables of the server (ear/README.md lists them)
   */
  public LibertyServer startService(ServiceSite site, int port, Map<String, String> settings) {
    return track(
        LibertyServer.start(paths, site, postgres, port, serviceSettings(keycloakUrl(), settings)));
  }

  /**
   * Two Keycloak nodes clustered with each other (not with this system's node), on a database of
   * their own in this system's PostgreSQL, behind their balancer, with an erasure-service of their
   * realm {@code cluster} ({@link ServiceSite#KEYCLOAK_CLUSTER}) that calls them through it; all
   * stopped with the system. Their checkpoint directory is one for both, as a cluster's must be
   * (docs/operating.md, "Running as a cluster").
   *
   * @param extraOptions further settings of the extension, the same on both nodes
   * @param extraServiceSettings further environment variables of the service (ear/README.md)
   */
  public KeycloakCluster startKeycloakCluster(
      List<String> extraOptions, Map<String, String> extraServiceSettings) {
    int balancerPort = FreePorts.find();
    int servicePort = FreePorts.find();
    List<String> options =
        new ArrayList<>(
            List.of(
                "--spi-org-erasure--default--service-url=http://127.0.0.1:"
                    + servicePort
                    + "/erasure/api",
                "--spi-org-erasure--default--task-interval-millis=1000",
                "--spi-org-erasure--default--delivery-max-backoff=5",
                "--spi-org-erasure--default--audit-keystore-password=" + AUDIT_KEYSTORE_PASSWORD,
                "--spi-org-erasure--default--audit-checkpoint-dir=" + clusterAuditCheckpoints()));
    options.addAll(extraOptions);
    Map<String, String> settings =
        serviceSettings(KeycloakCluster.publicUrl(balancerPort), extraServiceSettings);
    // After the cluster, which creates the service's database.
    KeycloakCluster cluster = track(KeycloakCluster.start(paths, postgres, balancerPort, options));
    track(
        LibertyServer.start(paths, ServiceSite.KEYCLOAK_CLUSTER, postgres, servicePort, settings));
    return cluster;
  }

  /**
   * Replaces the erasure-service of realm {@code learning} with two servers of it failing over to
   * each other ({@link LibertyCluster}): the system's server is stopped, server one takes its port,
   * so Keycloak hands erasures over to it. Closing the cluster stops both and starts the system's
   * server again.
   *
   * @param settings further environment variables of both servers, as the system's server's
   */
  public LibertyCluster replaceLibertyWithCluster(Map<String, String> settings) {
    Map<String, String> all = serviceSettings(keycloakUrl(), settings);
    liberty.stop();
    LibertyCluster cluster;
    try {
      cluster =
          LibertyCluster.start(
              paths,
              ServiceSite.LEARNING,
              postgres,
              liberty.baseUrl().getPort(),
              all,
              this::startLiberty);
    } catch (RuntimeException e) {
      startLiberty();
      throw e;
    }
    try {
      cluster.serverOne().awaitReady(SERVICE_READY_TIMEOUT);
      cluster.serverTwo().awaitReady(SERVICE_READY_TIMEOUT);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The erasure-service of realm {@code learning-groups} (one service per realm). */
  public URI groupsLibertyUrl() {
    return groupsLiberty.baseUrl();
  }

  /** Stops the erasure service gracefully; {@link #startLiberty()} brings it back. */
  public void stopLiberty() {
    liberty.stop();
  }

  /** {@code kill -9} of the erasure service's processes, as a crash: no shutdown, no clean-up. */
  public void killLiberty() {
    liberty.kill();
  }

  /**
   * Starts the erasure service again on the same port, user dir, database and file store; waits
   * until ready.
   */
  public void startLiberty() {
    liberty.restart();
    liberty.awaitReady(SERVICE_READY_TIMEOUT);
  }

  /**
   * {@code kill -9} of Keycloak's processes, as a crash: no shutdown, the request in flight and its
   * transaction die.
   */
  public void killKeycloak() {
    keycloak.kill();
  }

  /** Starts Keycloak again on the same ports, options and database; waits until ready. */
  public void startKeycloak() {
    keycloak.restart();
  }

  /** As {@link #stopLiberty()}, for the erasure-service of realm {@code learning-groups}. */
  public void stopGroupsLiberty() {
    groupsLiberty.stop();
  }

  public void killGroupsLiberty() {
    groupsLiberty.kill();
  }

  /** As {@link #startLiberty()}: waits until ready. */
  public void startGroupsLiberty() {
    groupsLiberty.restart();
    groupsLiberty.awaitReady(SERVICE_READY_TIMEOUT);
  }

  public boolean isLibertyRunning() {
    return liberty.isRunning();
  }

  public int smtpPort() {
    return smtpPort;
  }

  public GreenMail mail() {
    return mail;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  /** Whether {@link #restartPostgres()} can: the embedded PostgreSQL can, an existing one not. */
  public boolean canRestartPostgres() {
    return postgres instanceof EmbeddedPostgresServer;
  }

  /**
   * Restarts the embedded PostgreSQL on the same data and port, cutting every connection of
   * Keycloak and the erasure-services; returns once it accepts connections again.
   */
  public void restartPostgres() {
    if (!(postgres instanceof EmbeddedPostgresServer embedded)) {
      throw new UnsupportedOperationException("only the embedded PostgreSQL can be restarted");
    }
    embedded.restart();
  }

  public Connection keycloakDatabase() throws SQLException {
    return postgres.connect(PostgresServer.KEYCLOAK_DB);
  }

  public Connection learningDatabase() throws SQLException {
    return postgres.connect(PostgresServer.LEARNING_DB);
  }

  /** The app database of realm {@code learning-groups}'s erasure-service. */
  public Connection groupsLearningDatabase() throws SQLException {
    return postgres.connect(PostgresServer.LEARNING_GROUPS_DB);
  }

  /** The one checkpoint directory of both nodes of {@link #startKeycloakCluster}. */
  public Path clusterAuditCheckpoints() {
    return paths.audit().resolve("cluster-checkpoints");
  }

  /** The directory outside the database where Keycloak writes every audit checkpoint. */
  public Path auditCheckpoints() {
    return paths.auditCheckpoints();
  }

  public Path fileStoreRoot() {
    return paths.fileStore();
  }

  public Path groupsFileStoreRoot() {
    return paths.fileStore(ServiceSite.LEARNING_GROUPS);
  }

  public Path logsDir() {
    return paths.logs();
  }

  /** The running Keycloak's installation, e.g. for its admin CLI {@code bin/kcadm.sh}. */
  public Path keycloakHome() {
    return paths.instanceDir().resolve("keycloak");
  }

  public StartupTimes startupTimes() {
    return times;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("stopping the whole system failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
