package dev.orgerasure.service.metrics;

import java.util.Locale;

/** How the erasure API answered a hand-over from Keycloak. */
public enum HandOverOutcome {
  /** A new purge was stored and scheduled. */
  ACCEPTED,
  /** A request seen before: answered with its purge, nothing stored. */
  REPEATED,
  /** An invalid hand-over, or the data inventory not ready: nothing stored. */
  REFUSED;

  /** The value of the metric's {@code outcome} tag. */
  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
