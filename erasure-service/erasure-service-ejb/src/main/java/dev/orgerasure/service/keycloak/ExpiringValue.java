package dev.orgerasure.service.keycloak;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value computed at most once per period: callers within the period share the last one, and one
 * caller at a time computes a new one while the others wait for it.
 */
public final class ExpiringValue<T> {

  private final Duration period;
  private final Clock clock;
  private final Supplier<T> compute;
  private T value;
  private Instant computedAt;

  public ExpiringValue(Duration period, Clock clock, Supplier<T> compute) {
    this.period = period;
    this.clock = clock;
    this.compute = compute;
  }

  public synchronized T get() {
    Instant now = clock.instant();
    if (value == null || !now.isBefore(computedAt.plus(period))) {
      value = compute.get();
      computedAt = now;
    }
    return value;
  }
}
