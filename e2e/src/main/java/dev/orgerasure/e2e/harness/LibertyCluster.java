package dev.orgerasure.e2e.harness;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Two erasure-services of one site, as production runs Liberty: each a server of its own, both on
 * the site's database and file store, persistent timers failing over between them
 * (docs/operating.md, "Running as a cluster"). Server one listens where Keycloak hands erasures
 * over, as a load balancer's pick would; server two takes over the timers of a server that died.
 */
public final class LibertyCluster implements AutoCloseable {

  /**
   * Liberty's shortest failover threshold: a timer run that its server has not finished this long
   * after it was due is another server's to run.
   */
  public static final String MISSED_TASK_THRESHOLD = "100s";

  private final List<LibertyServer> servers;
  private final Runnable afterClose;

  private LibertyCluster(List<LibertyServer> servers, Runnable afterClose) {
    this.servers = List.copyOf(servers);
    this.afterClose = afterClose;
  }

  /**
   * Starts both servers together, failover on ({@link #MISSED_TASK_THRESHOLD}).
   *
   * @param settings environment of both servers (ear/README.md lists them)
   * @param afterClose what {@link #close()} does once both have stopped
   */
  static LibertyCluster start(
      HarnessPaths paths,
      ServiceSite site,
      PostgresServer db,
      int portOne,
      Map<String, String> settings,
      Runnable afterClose) {
    Map<String, String> withFailover = new HashMap<>(settings);
    withFailover.put("ERASURE_MISSED_TASK_THRESHOLD", MISSED_TASK_THRESHOLD);
    CompletableFuture<LibertyServer> one =
        CompletableFuture.supplyAsync(
            () -> LibertyServer.start(paths, site, "one", db, portOne, withFailover));
    CompletableFuture<LibertyServer> two =
        CompletableFuture.supplyAsync(
            () -> LibertyServer.start(paths, site, "two", db, FreePorts.find(), withFailover));
    LibertyServer first = null;
    LibertyServer second = null;
    RuntimeException failure = null;
    try {
      first = one.join();
    } catch (CompletionException e) {
      failure = e;
    }
    try {
      second = two.join();
    } catch (CompletionException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      if (first != null) {
        first.close();
      }
      if (second != null) {
        second.close();
      }
      throw failure;
    }
    return new LibertyCluster(List.of(first, second), afterClose);
  }

  public LibertyServer serverOne() {
    return servers.get(0);
  }

  public LibertyServer serverTwo() {
    return servers.get(1);
  }

  public URI urlOne() {
    return serverOne().baseUrl();
  }

  @Override
  public void close() {
    servers.forEach(LibertyServer::close);
    afterClose.run();
  }
}
