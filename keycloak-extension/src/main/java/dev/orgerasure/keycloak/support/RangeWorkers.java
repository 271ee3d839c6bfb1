package dev.orgerasure.keycloak.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a worker of an erasure's ranges of user ids on several threads of its own, side by side,
 * while the calling thread keeps the erasure's lease. Workers must not write the erasure's own row:
 * two transactions changing it at once would refuse each other (it has a version). A worker that
 * fails lets the others end; its failure is then thrown, and the erasure is resumed from what the
 * workers committed.
 */
public final class RangeWorkers {

  private final String threadName;
  private final int threads;
  private final Duration renewEvery;
  private final Runnable renewLease;

  /**
   * @param threads how many workers run side by side
   * @param renewEvery how often the calling thread renews the lease while workers run
   */
  public RangeWorkers(String threadName, int threads, Duration renewEvery, Runnable renewLease) {
    this.threadName = threadName;
    this.threads = threads;
    this.renewEvery = renewEvery;
    this.renewLease = renewLease;
  }

  /** Runs {@code worker} on every thread and waits until all of them have ended. */
  public void run(Runnable worker) {
    AtomicInteger started = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, threadName + "-" + started.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        running.add(workers.submit(ErasureLogContext.carriedTo(worker)));
      }
      RuntimeException failure = null;
      for (Future<?> runningWorker : running) {
        RuntimeException failed = awaitRenewingLease(runningWorker);
        failure = failure == null ? failed : failure;
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      workers.shutdown();
    }
  }

  /** Waits for the worker, renewing the lease now and then; answers its failure, if any. */
  private RuntimeException awaitRenewingLease(Future<?> worker) {
    while (true) {
      try {
        worker.get(renewEvery.toMillis(), TimeUnit.MILLISECONDS);
        return null;
      } catch (TimeoutException stillWorking) {
        renewLease.run();
      } catch (ExecutionException e) {
        return e.getCause() instanceof RuntimeException cause
            ? cause
            : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while waiting for a worker", e);
      }
    }
  }
}
