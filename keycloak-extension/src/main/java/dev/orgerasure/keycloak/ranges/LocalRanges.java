package dev.orgerasure.keycloak.ranges;

import dev.orgerasure.keycloak.support.RangeWorkers;
import dev.orgerasure.keycloak.tenant.UserIdRange;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A phase's ranges worked on this node only, one per thread: for a lockout started by a request.
 * Keycloak's back-channel logout, which tells the members' clients that their sessions ended,
 * builds its logout tokens from the request's context, and only the node that took the request has
 * it; a range another node locked out would end its members' sessions without telling their
 * clients. Should this node die, its lease on the erasure lapses and the scheduled task resumes the
 * lockout on every node ({@link SharedRanges}): no node has the request any more.
 */
public final class LocalRanges implements PhaseRanges {

  private final String threadName;
  private final int threads;
  private final Duration renewEvery;
  private final Runnable renewErasureLease;

  public LocalRanges(
      String threadName, int threads, Duration renewEvery, Runnable renewErasureLease) {
    this.threadName = threadName;
    this.threads = threads;
    this.renewEvery = renewEvery;
    this.renewErasureLease = renewErasureLease;
  }

  @Override
  public void run(Consumer<UserIdRange> work) {
    Queue<UserIdRange> left = new ConcurrentLinkedQueue<>(UserIdRange.split(threads));
    new RangeWorkers(threadName, threads, renewEvery, renewErasureLease)
        .run(
            () -> {
              for (UserIdRange range = left.poll(); range != null; range = left.poll()) {
                work.accept(range);
              }
            });
  }
}
