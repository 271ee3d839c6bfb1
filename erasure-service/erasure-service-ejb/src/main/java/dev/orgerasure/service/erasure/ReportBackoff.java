package dev.orgerasure.service.erasure;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off for the report to Keycloak and for files that could not be deleted: first,
 * first×2, first×4, … capped at max.
 */
public record ReportBackoff(Duration first, Duration max) {

  public ReportBackoff {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= max");
    }
  }

  /** The wait after the given number of failed attempts (1 = after the first failure). */
  public Duration delayAfter(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts < 1");
    }
    int doublings = Math.min(failedAttempts - 1, 30);
    Duration delay = first.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
