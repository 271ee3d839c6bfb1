package dev.orgerasure.service.it;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Waits for something the service does in the background (its timers). */
final class Eventually {

  private static final Duration POLL = Duration.ofMillis(100);

  private Eventually() {}

  /** The first value the probe finds within the timeout; fails the test otherwise. */
  static <T> T await(String what, Duration timeout, Callable<Optional<T>> probe) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> found = probe.call();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError(what + " did not happen within " + timeout);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
