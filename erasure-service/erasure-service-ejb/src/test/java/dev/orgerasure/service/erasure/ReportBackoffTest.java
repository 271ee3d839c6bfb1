package dev.orgerasure.service.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReportBackoffTest {

  private final ReportBackoff backoff =
      new ReportBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

  @Test
  void doublesFromTheFirstDelayUpToTheMaximum() {
    assertEquals(Duration.ofSeconds(1), backoff.delayAfter(1));
    assertEquals(Duration.ofSeconds(2), backoff.delayAfter(2));
    assertEquals(Duration.ofSeconds(32), backoff.delayAfter(6));
    assertEquals(Duration.ofSeconds(60), backoff.delayAfter(7));
    assertEquals(Duration.ofSeconds(60), backoff.delayAfter(10_000));
  }

  @Test
  void refusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> backoff.delayAfter(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ReportBackoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ReportBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
