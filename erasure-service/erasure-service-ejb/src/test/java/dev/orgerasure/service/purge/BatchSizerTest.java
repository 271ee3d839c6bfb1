package dev.orgerasure.service.purge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchSizerTest {

  private static final Duration TARGET = Duration.ofMillis(200);

  @Test
  void everyTableStartsAtTheFirstSize() {
    BatchSizer sizer = new BatchSizer(100, 10_000, TARGET);
    sizer.record("progress", 100, 100, Duration.ofMillis(10));

    assertEquals(100, sizer.sizeFor("assets"));
  }

  @Test
  void aFullBatchUnderHalfTheTargetDoublesTheNext() {
    BatchSizer sizer = new BatchSizer(100, 10_000, TARGET);
    sizer.record("progress", 100, 100, Duration.ofMillis(99));

    assertEquals(200, sizer.sizeFor("progress"));
  }

  @Test
  void aFullBatchBetweenHalfTheTargetAndTheTargetKeepsItsSize() {
    BatchSizer sizer = new BatchSizer(100, 10_000, TARGET);
    sizer.record("progress", 100, 100, Duration.ofMillis(150));

    assertEquals(100, sizer.sizeFor("progress"));
  }

  @Test
  void aPartialBatchDoesNotGrowTheNext() {
    BatchSizer sizer = new BatchSizer(100, 10_000, TARGET);
    sizer.record("progress", 100, 40, Duration.ofMillis(1));

    assertEquals(100, sizer.sizeFor("progress"));
  }

  @Test
  void aBatchOverTheTargetShrinksTheNextInProportion() {
    BatchSizer sizer = new BatchSizer(1_000, 10_000, TARGET);
    sizer.record("assets", 1_000, 1_000, Duration.ofMillis(800));

    assertEquals(250, sizer.sizeFor("assets"));
  }

  @Test
  void batchesNeverGrowBeyondTheMaximum() {
    BatchSizer sizer = new BatchSizer(3_000, 5_000, TARGET);
    sizer.record("progress", 3_000, 3_000, Duration.ofMillis(1));
    sizer.record("progress", 5_000, 5_000, Duration.ofMillis(1));

    assertEquals(5_000, sizer.sizeFor("progress"));
  }

  @Test
  void batchesNeverShrinkBelowOneRow() {
    BatchSizer sizer = new BatchSizer(2, 10, TARGET);
    sizer.record("assets", 2, 2, Duration.ofSeconds(30));

    assertEquals(1, sizer.sizeFor("assets"));
  }

  @Test
  void aFirstSizeAboveTheMaximumIsCappedByIt() {
    assertEquals(5, new BatchSizer(7, 5, TARGET).sizeFor("progress"));
  }

  @Test
  void aMaximumNoLargerThanTheFirstSizeKeepsEveryBatchAtTheFirstSize() {
    BatchSizer sizer = new BatchSizer(5, 5, TARGET);
    sizer.record("progress", 5, 5, Duration.ofNanos(1));
    sizer.record("assets", 5, 5, Duration.ofMinutes(1));

    assertEquals(5, sizer.sizeFor("progress"));
    assertEquals(5, sizer.sizeFor("assets"));
  }

  @Test
  void sizesBelowOneAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BatchSizer(0, 10, TARGET));
  }
}
