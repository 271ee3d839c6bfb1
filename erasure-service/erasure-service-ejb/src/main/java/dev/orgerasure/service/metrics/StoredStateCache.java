package dev.orgerasure.service.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link StoredState} the gauges show, read again once it is older than {@link #REFRESH}: one
 * scrape reads every gauge, and several scrapers may ask at once, so the database answers once per
 * refresh, not once per gauge and scraper. A read that fails keeps the last state and is not tried
 * again before the next refresh (the readiness check reports the database).
 */
final class StoredStateCache {

  private static final Logger LOG = Logger.getLogger(StoredStateCache.class.getName());

  static final Duration REFRESH = Duration.ofSeconds(10);

  private final Supplier<StoredState> reader;
  private final Clock clock;
  private StoredState known = StoredState.NONE;
  private Instant readAt;

  StoredStateCache(Supplier<StoredState> reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  synchronized StoredState current() {
    Instant now = clock.instant();
    if (readAt != null && now.isBefore(readAt.plus(REFRESH))) {
      return known;
    }
    readAt = now;
    try {
      known = reader.get();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Cannot read the purges' states for the metrics", e);
    }
    return known;
  }
}
