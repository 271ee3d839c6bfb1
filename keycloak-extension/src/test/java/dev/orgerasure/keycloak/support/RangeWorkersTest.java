package dev.orgerasure.keycloak.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RangeWorkersTest {

  private static final Duration RENEW_EVERY = Duration.ofMillis(20);

  @Test
  void theWorkerRunsOnEveryThreadSideBySide() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch bothRunning = new CountDownLatch(2);
    new RangeWorkers("test", 2, RENEW_EVERY, () -> {})
        .run(
            () -> {
              threads.add(Thread.currentThread().getName());
              bothRunning.countDown();
              await(bothRunning, "the other worker never ran at the same time");
            });

    assertEquals(Set.of("test-1", "test-2"), threads);
  }

  /** The workers end only once the lease has been renewed twice: however slow the machine. */
  @Test
  void theLeaseIsRenewedWhileWorkersRun() {
    CountDownLatch renewedTwice = new CountDownLatch(2);
    new RangeWorkers("test", 2, RENEW_EVERY, renewedTwice::countDown)
        .run(() -> await(renewedTwice, "the lease was not renewed while the workers ran"));

    assertEquals(0, renewedTwice.getCount());
  }

  @Test
  void aFailedWorkerIsThrownAfterTheOthersEnd() {
    IllegalStateException failure = new IllegalStateException("batch failed");
    AtomicInteger started = new AtomicInteger();
    AtomicInteger ended = new AtomicInteger();
    RangeWorkers workers = new RangeWorkers("test", 2, RENEW_EVERY, () -> {});

    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                workers.run(
                    () -> {
                      if (started.incrementAndGet() == 1) {
                        throw failure;
                      }
                      sleep(RENEW_EVERY.multipliedBy(3));
                      ended.incrementAndGet();
                    }));

    assertSame(failure, thrown);
    assertEquals(1, ended.get());
  }

  private static void await(CountDownLatch latch, String otherwise) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), otherwise);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A worker's simulated work: it is busy this long, which is what the test needs, not a wait. */
  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
