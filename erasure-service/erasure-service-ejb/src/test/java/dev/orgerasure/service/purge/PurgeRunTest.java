package dev.orgerasure.service.purge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PurgeRunTest {

  private static final Duration TARGET = Duration.ofMillis(200);

  @Test
  void everyTableStartsAtTheFirstSize() {
    PurgeRun run = new PurgeRun(100, 10_000, TARGET);
    run.record("progress", 100, 100, Duration.ofMillis(10));

    assertEquals(100, run.sizeFor("assets"));
  }

  @Test
  void aFullBatchUnderHalfTheTargetDoublesTheNext() {
    PurgeRun run = new PurgeRun(100, 10_000, TARGET);
    run.record("progress", 100, 100, Duration.ofMillis(99));

    assertEquals(200, run.sizeFor("progress"));
  }

  @Test
  void aFullBatchBetweenHalfTheTargetAndTheTargetKeepsItsSize() {
    PurgeRun run = new PurgeRun(100, 10_000, TARGET);
    run.record("progress", 100, 100, Duration.ofMillis(150));

    assertEquals(100, run.sizeFor("progress"));
  }

  @Test
  void aPartialBatchDoesNotGrowTheNext() {
    PurgeRun run = new PurgeRun(100, 10_000, TARGET);
    run.record("progress", 100, 40, Duration.ofMillis(1));

    assertEquals(100, run.sizeFor("progress"));
  }

  @Test
  void aBatchOverTheTargetShrinksTheNextInProportion() {
    PurgeRun run = new PurgeRun(1_000, 10_000, TARGET);
    run.record("assets", 1_000, 1_000, Duration.ofMillis(800));

    assertEquals(250, run.sizeFor("assets"));
  }

  @Test
  void batchesNeverGrowBeyondTheMaximum() {
    PurgeRun run = new PurgeRun(3_000, 5_000, TARGET);
    run.record("progress", 3_000, 3_000, Duration.ofMillis(1));
    run.record("progress", 5_000, 5_000, Duration.ofMillis(1));

    assertEquals(5_000, run.sizeFor("progress"));
  }

  @Test
  void batchesNeverShrinkBelowOneRow() {
    PurgeRun run = new PurgeRun(2, 10, TARGET);
    run.record("assets", 2, 2, Duration.ofSeconds(30));

    assertEquals(1, run.sizeFor("assets"));
  }

  @Test
  void aFirstSizeAboveTheMaximumIsCappedByIt() {
    assertEquals(5, new PurgeRun(7, 5, TARGET).sizeFor("progress"));
  }

  @Test
  void aMaximumNoLargerThanTheFirstSizeKeepsEveryBatchAtTheFirstSize() {
    PurgeRun run = new PurgeRun(5, 5, TARGET);
    run.record("progress", 5, 5, Duration.ofNanos(1));
    run.record("assets", 5, 5, Duration.ofMinutes(1));

    assertEquals(5, run.sizeFor("progress"));
    assertEquals(5, run.sizeFor("assets"));
  }

  @Test
  void aBatchThatFoundFewerRowsThanItAskedForEmptiedItsTable() {
    PurgeRun run = new PurgeRun(100, 10_000, TARGET);
    run.record("progress", 100, 99, Duration.ofMillis(1));

    assertTrue(run.hasEmptied("progress"));
    assertFalse(run.hasEmptied("assets"));
  }

  @Test
  void aFullBatchLeavesItsTableToLookAtAgain() {
    PurgeRun run = new PurgeRun(100, 100, TARGET);
    run.record("progress", 100, 100, Duration.ofMillis(1));

    assertFalse(run.hasEmptied("progress"));
  }

  @Test
  void aStepGoesOnWhileItIsUnderHalfTheTarget() {
    PurgeRun run = new PurgeRun(100, 10_000, TARGET);

    assertTrue(run.goesOnAfter(Duration.ofMillis(99)));
    assertFalse(run.goesOnAfter(Duration.ofMillis(100)));
  }

  @Test
  void withBatchesOfAFixedSizeAStepRunsOneBatchOnly() {
    PurgeRun run = new PurgeRun(100, 100, TARGET);

    assertFalse(run.goesOnAfter(Duration.ofMillis(1)));
  }

  @Test
  void sizesBelowOneAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PurgeRun(0, 10, TARGET));
  }

  @Test
  void eachTableStartsFromItsFirstRow() {
    assertNull(new PurgeRun(100, 100, TARGET).lastKeyOf("progress"));
  }

  @Test
  void aTablesNextBatchStartsAfterTheLastKeyItsBatchBeforeTook() {
    PurgeRun run = new PurgeRun(100, 100, TARGET);
    run.tookUpTo("progress", new Object[] {40L});
    run.tookUpTo("progress", new Object[] {90L});

    assertArrayEquals(new Object[] {90L}, run.lastKeyOf("progress"));
    assertNull(run.lastKeyOf("assets"));
  }

  @Test
  void aBatchThatTookNoRowLeavesTheLastKeyWhereItWas() {
    PurgeRun run = new PurgeRun(100, 100, TARGET);
    run.tookUpTo("progress", new Object[] {90L});
    run.tookUpTo("progress", null);

    assertArrayEquals(new Object[] {90L}, run.lastKeyOf("progress"));
  }
}
