package dev.orgerasure.service.purge;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import java.time.Duration;

/**
 * The batches of one step of a purge, all in the caller's transaction: tables in the data
 * inventory's purge order, each until a batch finds fewer of the organisation's rows than it asked
 * for, for as long as the run lets the step go on. A step never passes a table that still holds
 * rows of the organisation, so children always go before the rows they refer to.
 */
public final class PurgeStep {

  /** Told of every batch that found rows, with the size it asked for and how long it took. */
  @FunctionalInterface
  public interface BatchListener {
    void purged(BatchResult batch, int size, Duration took);
  }

  private PurgeStep() {}

  /**
   * Runs the step; answers whether it found every table empty of the organisation (rows deleted, or
   * reset under Detach), so that the purge's data is gone. A step that ends after a batch answers
   * false, even if that batch took the last rows: the next step finds them gone.
   */
  public static boolean run(
      DataInventory inventory,
      BatchPurger purger,
      PurgeRun run,
      PurgeTarget target,
      BatchListener listener) {
    long stepStarted = System.nanoTime();
    for (InventoryTable table : inventory.tablesInPurgeOrder()) {
      while (!run.hasEmptied(table.name())) {
        int size = run.sizeFor(table.name());
        long started = System.nanoTime();
        BatchResult batch = purger.purgeBatch(table, target, size, run.lastKeyOf(table.name()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        run.record(table.name(), size, batch.rows(), took);
        run.tookUpTo(table.name(), batch.lastKey());
        if (!batch.isEmpty()) {
          listener.purged(batch, size, took);
          if (!run.goesOnAfter(Duration.ofNanos(System.nanoTime() - stepStarted))) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
