package dev.orgerasure.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A server started from a shell script, logging to a file, stopped with all its descendants. */
public final class ServerProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final Path log;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  public static ServerProcess start(
      String name, List<String> command, Map<String, String> env, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      return new ServerProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** Runs a command to completion, failing with the log tail when it does not exit with 0. */
  public static void runToCompletion(
      String name, List<String> command, Map<String, String> env, Path log, Duration timeout) {
    try (ServerProcess run = start(name, command, env, log)) {
      if (!run.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " did not finish in " + timeout + run.logTail());
      }
      if (run.process.exitValue() != 0) {
        throw new IllegalStateException(
            name + " exited with " + run.process.exitValue() + run.logTail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + " interrupted", e);
    }
  }

  /** Polls the URL until it answers 200; fails early if the process dies. */
  public void awaitReady(URI url, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + logTail());
      }
      try {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(name + " readiness interrupted", e);
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        name + " not ready at " + url + " after " + timeout + logTail());
  }

  /**
   * SIGTERM to the script and every descendant (the script does not forward it), then SIGKILL after
   * a grace time.
   */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (ProcessHandle handle : tree) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        handle.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception stillRunning) {
        handle.destroyForcibly();
      }
    }
    tree.forEach(handle -> handle.onExit().join());
  }

  /**
   * SIGKILL to the script and every descendant at once, as a crash would: no shutdown hooks run.
   */
  public void kill() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    tree.forEach(handle -> handle.onExit().join());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The CPU time the script and the server under it have used so far. */
  public Duration cpuTime() {
    return ProcessCpu.ofTree(process.toHandle());
  }

  String logTail() {
    try {
      List<String> lines =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return "\n--- last lines of "
          + log
          + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return " (no log at " + log + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
