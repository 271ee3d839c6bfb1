package dev.orgerasure.service.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringValueTest {

  /** A clock a test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void healthPollsWithinThePeriodShareOneProbeAndTheNextPeriodProbesAgain() {
    HandClock clock = new HandClock();
    AtomicInteger probes = new AtomicInteger();
    ExpiringValue<Integer> value =
        new ExpiringValue<>(Duration.ofSeconds(5), clock, probes::incrementAndGet);

    assertEquals(1, value.get());
    clock.advance(Duration.ofMillis(4_999));
    assertEquals(1, value.get());
    assertEquals(1, value.get());
    clock.advance(Duration.ofMillis(1));
    assertEquals(2, value.get());
    assertEquals(2, probes.get());
  }
}
