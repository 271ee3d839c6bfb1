package dev.orgerasure.e2e.harness;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A server the harness starts and waits for, and that a test may stop or kill and start again with
 * the same command, environment and data (a crash test).
 */
abstract class RestartableServer implements AutoCloseable {

  /**
   * How long a start may take: far above a start on a quiet machine (Keycloak under a minute); on
   * two cores shared with other builds a first start has taken three. {@code
   * -Derasure.e2e.start-timeout=PT10M} gives a loaded machine longer.
   */
  private static final Duration READY_TIMEOUT =
      Duration.parse(System.getProperty("erasure.e2e.start-timeout", "PT6M"));

  /**
   * What one start of the server runs, where it logs, and where it says it has started (a start
   * waits for that address to answer 200).
   */
  protected record Launch(
      List<String> command, Map<String, String> environment, Path log, URI readiness) {}

  private final String name;
  private ServerProcess process;

  protected RestartableServer(String name) {
    this.name = name;
  }

  protected abstract Launch launch();

  protected final synchronized void start() {
    Launch launch = launch();
    ServerProcess started =
        ServerProcess.start(name, launch.command(), launch.environment(), launch.log());
    try {
      started.awaitReady(launch.readiness(), READY_TIMEOUT);
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    process = started;
  }

  /**
   * Waits until {@code url} answers 200 while the process runs; fails at once when it exits.
   *
   * @throws IllegalStateException when the server is not running or the time is up
   */
  protected final void awaitAnswer(URI url, Duration timeout) {
    ServerProcess running;
    synchronized (this) {
      running = process;
    }
    if (running == null) {
      throw new IllegalStateException(name + " is not running");
    }
    running.awaitReady(url, timeout);
  }

  /** Starts the server again after {@link #stop()} or {@link #kill()}. */
  public synchronized void restart() {
    if (isRunning()) {
      throw new IllegalStateException(name + " is still running");
    }
    start();
  }

  /** Graceful stop: SIGTERM, the server shuts down its applications. */
  public synchronized void stop() {
    if (process != null) {
      process.close();
      process = null;
    }
  }

  /** {@code kill -9} of the script and the Java process under it: in-flight transactions die. */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
      process = null;
    }
  }

  /** The CPU time the running server has used since its last start; zero when it is not running. */
  public synchronized Duration cpuTime() {
    return process == null ? Duration.ZERO : process.cpuTime();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    stop();
  }
}
