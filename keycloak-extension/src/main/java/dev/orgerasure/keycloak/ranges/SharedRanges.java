package dev.orgerasure.keycloak.ranges;

import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.support.RangeWorkers;
import dev.orgerasure.keycloak.tenant.UserIdRange;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One phase of an erasure, worked range by range by every node of the cluster. The node holding the
 * erasure offers the phase's ranges of user ids ({@link RangeLeaseEntity}), more of them than its
 * own threads, and its threads claim and work them one after the other; other nodes' {@link
 * RangeHelpers} claim the rest. The holder waits until every range is done, whoever did it,
 * renewing its lease on the erasure and on the ranges its threads hold; a range whose lease lapsed
 * (its node died) is claimed again by whoever sees it first and worked again from the start, which
 * the work allows: it is idempotent, a batch per transaction. A failed range stops this node's
 * threads and is thrown once they have ended; the ranges stay, so that the phase resumes from them.
 */
public final class SharedRanges implements PhaseRanges {

  private static final Logger LOG = Logger.getLogger(SharedRanges.class);

  /** How this node signs its claims: its host and a mark of this run of Keycloak. */
  static final String NODE =
      Optional.ofNullable(System.getenv("HOSTNAME")).orElse("node")
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  /** Ranges per thread of the holder: enough for other nodes to share the work as it goes. */
  private static final int RANGES_PER_THREAD = 4;

  /** Erasures whose ranges this node's own holder threads work: its helpers leave them alone. */
  private static final Set<String> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final KeycloakSessionFactory factory;
  private final ErasureSettings settings;
  private final String requestId;
  private final RangePhase phase;
  private final Runnable renewErasureLease;

  /**
   * @param renewErasureLease extends this node's lease on the erasure, now and then meanwhile
   */
  public SharedRanges(
      KeycloakSessionFactory factory,
      ErasureSettings settings,
      String requestId,
      RangePhase phase,
      Runnable renewErasureLease) {
    this.factory = factory;
    this.settings = settings;
    this.requestId = requestId;
    this.phase = phase;
    this.renewErasureLease = renewErasureLease;
  }

  /** Runs {@code work} on every range of the phase, here or on other nodes; returns once done. */
  @Override
  public void run(Consumer<UserIdRange> work) {
    inTransaction(
        leases -> leases.open(requestId, phase, settings.batchThreads() * RANGES_PER_THREAD));
    Set<RangeClaim> held = ConcurrentHashMap.newKeySet();
    AtomicBoolean failed = new AtomicBoolean();
    HELD_HERE.add(requestId);
    try {
      new RangeWorkers(
              "org-erasure-" + phase.label(),
              settings.batchThreads(),
              settings.leaseRenewal(),
              () -> {
                renewErasureLease.run();
                renew(factory, held, settings.leaseEnd());
              })
          .run(() -> claimAndWork(held, failed, work));
    } finally {
      HELD_HERE.remove(requestId);
    }
    inTransaction(
        leases -> {
          leases.close(requestId, phase);
          return null;
        });
  }

  /** Claims and works ranges until every range is done or a range of this node failed. */
  private void claimAndWork(
      Set<RangeClaim> held, AtomicBoolean failed, Consumer<UserIdRange> work) {
    try {
      while (!failed.get()) {
        Optional<RangeClaim> claim =
            inTransaction(
                leases ->
                    leases.claimNext(
                        requestId, phase, NODE, Time.currentTimeMillis(), settings.leaseEnd()));
        if (claim.isPresent()) {
          held.add(claim.get());
          try {
            workClaimed(factory, claim.get(), work, false);
          } finally {
            held.remove(claim.get());
          }
        } else if (inTransaction(leases -> leases.allDone(requestId, phase))) {
          return;
        } else {
          waitForOtherNodes();
        }
      }
    } catch (RuntimeException e) {
      failed.set(true);
      throw e;
    }
  }

  /** Other nodes hold the ranges left; one of them may die, and its range come free again. */
  private void waitForOtherNodes() {
    try {
      Thread.sleep(settings.rangePollMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while other nodes worked the ranges", e);
    }
  }

  /** Whether this node's own threads work the erasure's ranges. */
  static boolean heldHere(String requestId) {
    return HELD_HERE.contains(requestId);
  }

  /**
   * Works the claimed range and marks it done: the one way any node runs a range, holder or helper.
   * A helper says so in its log, marked with the erasure: what shows an operator that the nodes
   * share the work.
   */
  static void workClaimed(
      KeycloakSessionFactory factory,
      RangeClaim claim,
      Consumer<UserIdRange> work,
      boolean helping) {
    work.accept(claim.range());
    boolean done = inTransaction(factory, leases -> leases.markDone(claim));
    if (!done) {
      LOG.infof(
          "Erasure %s: %s range %d of %d was taken over by another node while this one worked it",
          claim.requestId(), claim.phase().label(), claim.rangeIndex() + 1, claim.rangeCount());
    } else if (helping) {
      LOG.infof(
          "Erasure %s: %s range %d of %d done on node %s, helping the node that holds the erasure",
          claim.requestId(),
          claim.phase().label(),
          claim.rangeIndex() + 1,
          claim.rangeCount(),
          NODE);
    } else {
      LOG.debugf(
          "Erasure %s: %s range %d of %d done on node %s, which holds the erasure",
          claim.requestId(),
          claim.phase().label(),
          claim.rangeIndex() + 1,
          claim.rangeCount(),
          NODE);
    }
  }

  /** Extends the leases of the ranges this node works on; one a node lost stays lost. */
  static void renew(KeycloakSessionFactory factory, Set<RangeClaim> held, long leaseEnd) {
    if (held.isEmpty()) {
      return;
    }
    inTransaction(
        factory,
        leases -> {
          held.forEach(claim -> leases.renew(claim, leaseEnd));
          return null;
        });
  }

  private <T> T inTransaction(Function<RangeLeases, T> work) {
    return inTransaction(factory, work);
  }

  static <T> T inTransaction(KeycloakSessionFactory factory, Function<RangeLeases, T> work) {
    return KeycloakModelUtils.runJobInTransactionWithResult(
        factory,
        session ->
            work.apply(
                new RangeLeases(
                    session.getProvider(JpaConnectionProvider.class).getEntityManager())));
  }
}
