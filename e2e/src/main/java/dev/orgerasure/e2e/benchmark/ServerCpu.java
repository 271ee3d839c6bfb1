package dev.orgerasure.e2e.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The CPU time of the servers a measure runs on, read before and after it: which server did the
 * work, and how many cores it kept busy meanwhile.
 */
final class ServerCpu {

  /** Each server's CPU time so far, and when it was read. */
  record Reading(Map<String, Duration> byServer, long nanoTime) {}

  private final Map<String, Supplier<Duration>> servers;

  /**
   * @param servers each server's CPU time so far, by the name the notes give it, in their order
   */
  ServerCpu(Map<String, Supplier<Duration>> servers) {
    this.servers = new LinkedHashMap<>(servers);
  }

  Reading read() {
    Map<String, Duration> byServer = new LinkedHashMap<>();
    servers.forEach((name, cpu) -> byServer.put(name, cpu.get()));
    return new Reading(byServer, System.nanoTime());
  }

  /** E.g. "node A 2.10 s (0.91 cores), PostgreSQL 0.80 s (0.35 cores) in 2.31 s". */
  static String spent(Reading from, Reading to) {
    double wallSeconds = (to.nanoTime() - from.nanoTime()) / 1e9;
    StringJoiner spent = new StringJoiner(", ");
    from.byServer()
        .forEach(
            (name, before) -> {
              double seconds = to.byServer().get(name).minus(before).toMillis() / 1e3;
              spent.add(
                  String.format("%s %.2f s (%.2f cores)", name, seconds, seconds / wallSeconds));
            });
    return spent + String.format(" in %.2f s", wallSeconds);
  }
}
