package dev.orgerasure.service.purge;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Sizes the batches of one run of a purge, table by table. Each table starts at the first size; a
 * full batch that took less than half the target doubles the table's next batch, a batch that took
 * longer than the target shrinks it in proportion. Never above the maximum, never below one row.
 * With a maximum no larger than the first size, every batch has the first size (tests count them).
 *
 * <p>Tables are sized apart because their cost per row differs widely (the asset table removes a
 * file per row): a size learnt on one table says nothing about the next.
 */
public class BatchSizer {

  private final int first;
  private final int max;
  private final long targetNanos;
  private final Map<String, Integer> sizes = new HashMap<>();

  public BatchSizer(int first, int max, Duration target) {
    if (first < 1 || max < 1) {
      throw new IllegalArgumentException("batch sizes < 1");
    }
    if (target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("target <= 0");
    }
    this.max = max;
    this.first = Math.min(first, max);
    this.targetNanos = target.toNanos();
  }

  public int sizeFor(String table) {
    return sizes.getOrDefault(table, first);
  }

  /** Learns from a batch of {@code table}: asked for {@code size} rows, got {@code rows}. */
  public void record(String table, int size, long rows, Duration took) {
    if (max <= first) {
      return;
    }
    long nanos = took.toNanos();
    int next = size;
    if (nanos > targetNanos) {
      next = (int) Math.max(1, size * targetNanos / nanos);
    } else if (rows >= size && nanos < targetNanos / 2) {
      next = (int) Math.min(max, 2L * size);
    }
    sizes.put(table, next);
  }
}
