package dev.orgerasure.keycloak.ranges;

import dev.orgerasure.keycloak.erasure.ErasureTransactions;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.support.ErasureLogContext;
import dev.orgerasure.keycloak.tenant.UserIdRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * This node's share of other nodes' erasures: every {@code range-poll-millis} it looks for ranges
 * that nobody works on ({@link SharedRanges}), claims as many as it has idle threads, and works
 * them on its own threads, renewing their leases meanwhile. It runs on every node, not on one node
 * of the cluster at a time, and never fails its timer: a failure is logged and the next tick tries
 * again. If this node dies, its ranges' leases lapse and the holder, or another helper, redoes
 * them.
 */
public final class RangeHelpers implements Runnable, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RangeHelpers.class);

  /**
   * How many open ranges one look reads: enough to pass over those of erasures this node holds (at
   * most 16 per phase) and find others.
   */
  private static final int OPEN_RANGES_READ = 64;

  /** Builds the work of one range of an erasure's phase, as the holder would run it. */
  public interface RangeWork {
    Consumer<UserIdRange> of(String requestId, RangePhase phase);
  }

  /** A claimed range, with the realm whose name its log records carry. */
  private record Helping(RangeClaim claim, String realmName) {}

  private final KeycloakSessionFactory factory;
  private final ErasureSettings settings;
  private final RangeWork work;
  private final ExecutorService threads;
  private final AtomicInteger busy = new AtomicInteger();
  private final Set<RangeClaim> held = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService renewer;

  public RangeHelpers(KeycloakSessionFactory factory, ErasureSettings settings, RangeWork work) {
    this.factory = factory;
    this.settings = settings;
    this.work = work;
    AtomicInteger started = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            settings.batchThreads(),
            task -> {
              Thread thread = new Thread(task, "org-erasure-helper-" + started.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "org-erasure-helper-leases");
              thread.setDaemon(true);
              return thread;
            });
    long renewEvery = settings.leaseRenewal().toMillis();
    renewer.scheduleWithFixedDelay(this::renew, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
  }

  @Override
  public void run() {
    try {
      int idle = settings.batchThreads() - busy.get();
      if (idle > 0) {
        claim(idle).forEach(this::start);
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "Looking for ranges of erasures to help with failed; trying again");
    }
  }

  private void renew() {
    try {
      SharedRanges.renew(factory, held, settings.leaseEnd());
    } catch (RuntimeException e) {
      LOG.warnf(e, "Renewing the leases of the ranges this node works failed; trying again");
    }
  }

  private List<Helping> claim(int idle) {
    return KeycloakModelUtils.runJobInTransactionWithResult(
        factory,
        session -> {
          RangeLeases leases =
              new RangeLeases(session.getProvider(JpaConnectionProvider.class).getEntityManager());
          long now = Time.currentTimeMillis();
          List<Helping> claimed = new ArrayList<>();
          for (RangeLeaseEntity open : leases.claimableOfAnyErasure(now, OPEN_RANGES_READ)) {
            if (claimed.size() == idle || SharedRanges.heldHere(open.requestId())) {
              continue;
            }
            leases
                .claim(open, SharedRanges.NODE, now, settings.leaseEnd())
                .ifPresent(claim -> claimed.add(new Helping(claim, realmName(session, claim))));
          }
          return claimed;
        });
  }

  private static String realmName(KeycloakSession session, RangeClaim claim) {
    RealmModel realm =
        session
            .realms()
            .getRealm(ErasureTransactions.request(session, claim.requestId()).getRealmId());
    return realm == null ? null : realm.getName();
  }

  private void start(Helping helping) {
    busy.incrementAndGet();
    held.add(helping.claim());
    threads.submit(
        () -> {
          RangeClaim claim = helping.claim();
          try (ErasureLogContext context =
              ErasureLogContext.of(claim.requestId(), helping.realmName())) {
            SharedRanges.workClaimed(
                factory, claim, work.of(claim.requestId(), claim.phase()), true);
          } catch (RuntimeException e) {
            LOG.errorf(
                e,
                "Erasure %s: %s range %d of %d failed on this node; its lease lapses and it is"
                    + " worked again",
                claim.requestId(),
                claim.phase().label(),
                claim.rangeIndex() + 1,
                claim.rangeCount());
          } finally {
            held.remove(claim);
            busy.decrementAndGet();
          }
        });
  }

  @Override
  public void close() {
    renewer.shutdownNow();
    threads.shutdownNow();
  }
}
