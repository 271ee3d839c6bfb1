package dev.orgerasure.keycloak.ranges;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The range leases in Keycloak's database, for one transaction. A claim is one conditional update:
 * it succeeds only if the row is not done, its lease has ended (or never began), and nobody claimed
 * it since it was read; PostgreSQL evaluates that condition again after a concurrent claim commits,
 * so two nodes never hold one range.
 */
public class RangeLeases {

  /** A range nobody works on: not done, and its lease ended or never began. */
  private static final String CLAIMABLE =
      " l.done = false and (l.leaseEnd is null or l.leaseEnd < :now)";

  /** The row as a claim left it: nobody has claimed it since. */
  private static final String HELD =
      " l.requestId = :requestId and l.phase = :phase and l.rangeIndex = :rangeIndex"
          + " and l.version = :version";

  private final EntityManager em;

  public RangeLeases(EntityManager em) {
    this.em = em;
  }

  /**
   * The phase's ranges, made if there are none: a phase resumed after a stop finds those of its
   * interrupted run, with what was done, and keeps their count.
   *
   * @return how many ranges the phase has
   */
  public int open(String requestId, RangePhase phase, int rangeCount) {
    Optional<Integer> existing =
        em.createQuery(
                "select l.rangeCount from RangeLeaseEntity l"
                    + " where l.requestId = :requestId and l.phase = :phase",
                Integer.class)
            .setParameter("requestId", requestId)
            .setParameter("phase", phase)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    IntStream.range(0, rangeCount)
        .forEach(index -> em.persist(new RangeLeaseEntity(requestId, phase, index, rangeCount)));
    em.flush();
    return rangeCount;
  }

  /** Claims the first range of the phase that nobody works on, if any. */
  public Optional<RangeClaim> claimNext(
      String requestId, RangePhase phase, String owner, long now, long leaseEnd) {
    List<RangeLeaseEntity> claimable =
        em.createQuery(
                "select l from RangeLeaseEntity l where l.requestId = :requestId"
                    + " and l.phase = :phase and"
                    + CLAIMABLE
                    + " order by l.rangeIndex",
                RangeLeaseEntity.class)
            .setParameter("requestId", requestId)
            .setParameter("phase", phase)
            .setParameter("now", now)
            .getResultList();
    for (RangeLeaseEntity lease : claimable) {
      Optional<RangeClaim> claimed = claim(lease, owner, now, leaseEnd);
      if (claimed.isPresent()) {
        return claimed;
      }
    }
    return Optional.empty();
  }

  /**
   * Ranges that nobody works on, of erasures in a state where any node may help with their phase:
   * what a node looks for every {@code range-poll-millis}.
   */
  public List<RangeLeaseEntity> claimableOfAnyErasure(long now, int max) {
    return em.createQuery(
            "select l from RangeLeaseEntity l, ErasureRequestEntity r where r.id = l.requestId"
                + " and ((l.phase = :lockout and r.state in :lockoutStates)"
                + " or (l.phase = :deletion and r.state in :deletionStates)) and"
                + CLAIMABLE
                + " order by l.requestId, l.phase, l.rangeIndex",
            RangeLeaseEntity.class)
        .setParameter("lockout", RangePhase.LOCKOUT)
        .setParameter("lockoutStates", RangePhase.LOCKOUT.helpableStates())
        .setParameter("deletion", RangePhase.DELETION)
        .setParameter("deletionStates", RangePhase.DELETION.helpableStates())
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /** Takes the range for {@code owner} until {@code leaseEnd}, unless someone else was quicker. */
  public Optional<RangeClaim> claim(RangeLeaseEntity seen, String owner, long now, long leaseEnd) {
    int claimed =
        em.createQuery(
                "update RangeLeaseEntity l set l.owner = :owner, l.leaseEnd = :leaseEnd,"
                    + " l.version = l.version + 1 where l.requestId = :requestId"
                    + " and l.phase = :phase and l.rangeIndex = :rangeIndex"
                    + " and l.version = :version and"
                    + CLAIMABLE)
            .setParameter("owner", owner)
            .setParameter("leaseEnd", leaseEnd)
            .setParameter("requestId", seen.requestId())
            .setParameter("phase", seen.phase())
            .setParameter("rangeIndex", seen.rangeIndex())
            .setParameter("version", seen.version())
            .setParameter("now", now)
            .executeUpdate();
    return claimed == 1
        ? Optional.of(
            new RangeClaim(
                seen.requestId(),
                seen.phase(),
                seen.rangeIndex(),
                seen.rangeCount(),
                seen.version() + 1))
        : Optional.empty();
  }

  /** Extends the claim's lease; false if another node has taken the range over. */
  public boolean renew(RangeClaim claim, long leaseEnd) {
    return em.createQuery("update RangeLeaseEntity l set l.leaseEnd = :leaseEnd where" + HELD)
            .setParameter("leaseEnd", leaseEnd)
            .setParameter("requestId", claim.requestId())
            .setParameter("phase", claim.phase())
            .setParameter("rangeIndex", claim.rangeIndex())
            .setParameter("version", claim.version())
            .executeUpdate()
        == 1;
  }

  /** Marks the claimed range done; false if another node had taken it over (it runs it again). */
  public boolean markDone(RangeClaim claim) {
    return em.createQuery("update RangeLeaseEntity l set l.done = true where" + HELD)
            .setParameter("requestId", claim.requestId())
            .setParameter("phase", claim.phase())
            .setParameter("rangeIndex", claim.rangeIndex())
            .setParameter("version", claim.version())
            .executeUpdate()
        == 1;
  }

  public boolean allDone(String requestId, RangePhase phase) {
    return em.createQuery(
                "select count(l) from RangeLeaseEntity l where l.requestId = :requestId"
                    + " and l.phase = :phase and l.done = false",
                Long.class)
            .setParameter("requestId", requestId)
            .setParameter("phase", phase)
            .getSingleResult()
        == 0;
  }

  /**
   * The phase's ranges, once all are done: a later run of the phase (the lockout of late members)
   * starts from new ones.
   */
  public void close(String requestId, RangePhase phase) {
    em.createQuery(
            "delete from RangeLeaseEntity l where l.requestId = :requestId and l.phase = :phase")
        .setParameter("requestId", requestId)
        .setParameter("phase", phase)
        .executeUpdate();
  }

  /** A removed realm's ranges, before its erasures go. */
  public void deleteRealm(String realmId) {
    em.createQuery(
            "delete from RangeLeaseEntity l where l.requestId in"
                + " (select r.id from ErasureRequestEntity r where r.realmId = :realmId)")
        .setParameter("realmId", realmId)
        .executeUpdate();
  }
}
