package dev.orgerasure.service.purge;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one run of a purge (a timer expiry, or the resumption at start) learns as it goes, table by
 * table: how large the next batch may be, and which tables it has emptied.
 *
 * <p>Sizes: each table starts at the first size; a full batch that took less than half the target
 * doubles the table's next batch, a batch that took longer than the target shrinks it in
 * proportion. Never above the maximum, never below one row. With a maximum no larger than the first
 * size, every batch has the first size and takes rows of one table only (tests count them). Tables
 * are sized apart because their cost per row differs widely (the asset table removes a file per
 * row).
 *
 * <p>Emptied: a batch that found fewer rows than it asked for took the table's last rows, so the
 * run does not look at that table again, not even for the statement a look costs. A step goes on
 * with further batches (of the same table until it is emptied, then of the next) while it is under
 * half the target time, so that small batches and small tables do not cost a step each. A row the
 * run would miss cannot stay: every application table refers to the organisation's row, which the
 * purge deletes last, and the next run looks at every table again.
 *
 * <p>Where: each table's batches go on after the key of the last row the run took from it, so that
 * no batch walks the index entries of the rows the batches before it deleted (they stay until
 * PostgreSQL vacuums them); a new run starts each table from its first row. A run lives for one
 * timer expiry and is dropped when a step fails, so it never remembers a key of rows whose deletion
 * rolled back.
 */
public class PurgeRun {

  private final int first;
  private final int max;
  private final long targetNanos;
  private final Map<String, Integer> sizes = new HashMap<>();
  private final Set<String> emptied = new HashSet<>();
  private final Map<String, Object[]> lastKeys = new HashMap<>();

  public PurgeRun(int first, int max, Duration target) {
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

  public boolean hasEmptied(String table) {
    return emptied.contains(table);
  }

  /**
   * Whether a step that has run for {@code stepTime} goes on with another batch in the same
   * transaction: while it is under half the target, so that a step's fixed cost (lock, progress,
   * commit) is paid once for several batches and no transaction runs much past the target.
   */
  public boolean goesOnAfter(Duration stepTime) {
    return max > first && stepTime.toNanos() < targetNanos / 2;
  }

  /** The key of the last row this run's batches took from {@code table}, null before the first. */
  public Object[] lastKeyOf(String table) {
    return lastKeys.get(table);
  }

  /**
   * Remembers where the last batch of {@code table} ended; a batch that took no row changes none.
   */
  public void tookUpTo(String table, Object[] lastKey) {
    if (lastKey != null) {
      lastKeys.put(table, lastKey);
    }
  }

  /** Learns from a batch of {@code table}: asked for {@code size} rows, got {@code rows}. */
  public void record(String table, int size, long rows, Duration took) {
    if (rows < size) {
      emptied.add(table);
    }
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
