package dev.orgerasure.e2e.harness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/** How long each server took to start, for the log and the quickstart's banner. */
public final class StartupTimes {

  private final Map<String, Duration> times = new ConcurrentSkipListMap<>();

  <T> T measure(String server, Supplier<T> start) {
    long begin = System.nanoTime();
    T result = start.get();
    times.put(server, Duration.ofNanos(System.nanoTime() - begin));
    return result;
  }

  void measure(String server, Runnable start) {
    measure(
        server,
        () -> {
          start.run();
          return null;
        });
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    times.forEach(
        (server, time) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(server)
                .append(' ')
                .append(time.toMillis() / 100 / 10.0)
                .append(" s"));
    return text.toString();
  }
}
