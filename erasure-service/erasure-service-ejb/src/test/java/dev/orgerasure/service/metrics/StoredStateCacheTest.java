package dev.orgerasure.service.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgerasure.contract.PurgeState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StoredStateCacheTest {

  private final MovableClock clock = new MovableClock();
  private final Deque<Supplier<StoredState>> reads = new ArrayDeque<>();
  private int readCount;
  private final StoredStateCache cache =
      new StoredStateCache(
          () -> {
            readCount++;
            return reads.removeFirst().get();
          },
          clock);

  @Test
  void readsTheDatabaseOncePerRefreshWhateverTheGaugesAndScrapes() {
    reads.add(() -> state(3, 1));
    reads.add(() -> state(4, 0));

    assertEquals(3, cache.current().purges(PurgeState.PURGING_APP_DATA));
    clock.advance(StoredStateCache.REFRESH.minusMillis(1));
    assertEquals(1, cache.current().undeletedFiles());
    assertEquals(1, readCount);

    clock.advance(Duration.ofMillis(1));
    assertEquals(4, cache.current().purges(PurgeState.PURGING_APP_DATA));
    assertEquals(0, cache.current().undeletedFiles());
    assertEquals(2, readCount);
  }

  @Test
  void aFailedReadKeepsTheLastStateUntilTheNextRefresh() {
    reads.add(() -> state(2, 5));
    reads.add(
        () -> {
          throw new IllegalStateException("database down");
        });
    reads.add(() -> state(0, 0));

    assertEquals(5, cache.current().undeletedFiles());
    clock.advance(StoredStateCache.REFRESH);
    assertEquals(5, cache.current().undeletedFiles());
    assertEquals(2, cache.current().purges(PurgeState.PURGING_APP_DATA));
    assertEquals(2, readCount);

    clock.advance(StoredStateCache.REFRESH);
    assertEquals(0, cache.current().undeletedFiles());
    assertEquals(3, readCount);
  }

  @Test
  void statesWithoutPurgesAreZero() {
    reads.add(() -> state(1, 0));
    assertEquals(0, cache.current().purges(PurgeState.REPORT_RETRYING));
  }

  private static StoredState state(long purging, long undeletedFiles) {
    return new StoredState(Map.of(PurgeState.PURGING_APP_DATA, purging), undeletedFiles);
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
