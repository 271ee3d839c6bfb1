package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.keycloak.members.MemberDecision;
import dev.orgerasure.keycloak.tenant.UserIdRange;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Erasure requests and their locked members in Keycloak's database, for one session. */
public class ErasureRequestRepository {

  private final EntityManager em;

  /** Only {@code OrgErasureProvider} makes one; everyone else asks it. */
  public ErasureRequestRepository(EntityManager em) {
    this.em = em;
  }

  public Optional<ErasureRequestEntity> find(String realmId, String id) {
    return findById(id).filter(r -> r.getRealmId().equals(realmId));
  }

  public Optional<ErasureRequestEntity> findById(String id) {
    return Optional.ofNullable(em.find(ErasureRequestEntity.class, id));
  }

  public Optional<ErasureRequestEntity> findActiveByOrganization(String organizationId) {
    return em.createNamedQuery(
            "ErasureRequest.findActiveByOrganization", ErasureRequestEntity.class)
        .setParameter("organizationId", organizationId)
        .getResultStream()
        .findFirst();
  }

  public List<ErasureRequestEntity> findActiveByRealm(String realmId) {
    return em.createNamedQuery("ErasureRequest.findActiveByRealm", ErasureRequestEntity.class)
        .setParameter("realmId", realmId)
        .getResultList();
  }

  public List<ErasureRequestEntity> findDueHandOvers(long now) {
    return em.createNamedQuery("ErasureRequest.findDueHandOvers", ErasureRequestEntity.class)
        .setParameter("states", ErasureState.where(ErasureState::awaitsHandOver))
        .setParameter("now", now)
        .getResultList();
  }

  /** Erasures in their grace period whose "erasure scheduled" e-mail is due (again). */
  public List<ErasureRequestEntity> findDueScheduledNotices(long now) {
    return em.createNamedQuery("ErasureRequest.findDueScheduledNotices", ErasureRequestEntity.class)
        .setParameter("states", ErasureState.where(ErasureState::isInGracePeriod))
        .setParameter("now", now)
        .getResultList();
  }

  /** Erasures in one of {@code states} that no node holds: work left for the scheduled task. */
  public List<ErasureRequestEntity> findUnheld(Set<ErasureState> states, long now) {
    return em.createNamedQuery("ErasureRequest.findUnheld", ErasureRequestEntity.class)
        .setParameter("states", states)
        .setParameter("now", now)
        .getResultList();
  }

  /**
   * Erasures in one of {@code states} that a node took and did not give back before its lease ran
   * out: the node stopped in the middle.
   */
  public List<ErasureRequestEntity> findLapsedLeases(Set<ErasureState> states, long now) {
    return em.createNamedQuery("ErasureRequest.findLapsedLeases", ErasureRequestEntity.class)
        .setParameter("states", states)
        .setParameter("now", now)
        .getResultList();
  }

  /** The members a cancel has not restored yet (each row goes once restored), a batch at a time. */
  public List<LockedMemberEntity> findMembersToRestore(String requestId, int max) {
    return em.createQuery(
            "select m from LockedMemberEntity m where m.requestId = :requestId order by m.userId",
            LockedMemberEntity.class)
        .setParameter("requestId", requestId)
        .setMaxResults(max)
        .getResultList();
  }

  public void removeMember(LockedMemberEntity member) {
    em.remove(member);
  }

  /**
   * Members in {@code range} to erase or detach whom the finisher has not dealt with yet, a batch
   * at a time.
   */
  public List<LockedMemberEntity> findMembersToFinish(
      String requestId, UserIdRange range, int max) {
    return range
        .bind(
            em.createQuery(
                "select m from LockedMemberEntity m where m.requestId = :requestId"
                    + " and m.finished = false and m.decision in :toFinish"
                    + range.condition("m.userId")
                    + " order by m.userId",
                LockedMemberEntity.class))
        .setParameter("requestId", requestId)
        .setParameter("toFinish", List.of(MemberDecision.ERASE, MemberDecision.DETACH))
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * The ids of the members the erasure deletes, as decided at lockout: what the hand-over names, so
   * that the service deletes their own rows and resets everyone else's.
   */
  public List<String> findErasedMemberIds(String requestId) {
    return em.createQuery(
            "select m.userId from LockedMemberEntity m where m.requestId = :requestId"
                + " and m.decision = :erase order by m.userId",
            String.class)
        .setParameter("requestId", requestId)
        .setParameter("erase", MemberDecision.ERASE)
        .getResultList();
  }

  /** Erased members of the erasure after this user id, in id order: a page of the sweep. */
  public List<LockedMemberEntity> findErasedMembersAfter(String requestId, String after, int max) {
    return em.createQuery(
            "select m from LockedMemberEntity m where m.requestId = :requestId"
                + " and m.finished = true and m.decision = :erase and m.userId > :after"
                + " order by m.userId",
            LockedMemberEntity.class)
        .setParameter("requestId", requestId)
        .setParameter("erase", MemberDecision.ERASE)
        .setParameter("after", after)
        .setMaxResults(max)
        .getResultList();
  }

  /** What the finisher has deleted so far, added up from the erasure's members. */
  public FinishedMembers finishedSoFar(String requestId) {
    Object[] row =
        em.createNamedQuery("LockedMember.finishedSoFar", Object[].class)
            .setParameter("requestId", requestId)
            .getSingleResult();
    return new FinishedMembers(
        row[0] == null ? 0 : ((Number) row[0]).longValue(),
        row[1] == null ? 0 : ((Number) row[1]).longValue());
  }

  /** A completed erasure's member rows: the audit holds their counts, so the rows go. */
  public void deleteMembers(String requestId) {
    em.createQuery("delete from LockedMemberEntity m where m.requestId = :requestId")
        .setParameter("requestId", requestId)
        .executeUpdate();
  }

  public List<ErasureRequestEntity> findRecentByRealm(String realmId, int max) {
    return em.createNamedQuery("ErasureRequest.findRecentByRealm", ErasureRequestEntity.class)
        .setParameter("realmId", realmId)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * A removed realm's erasures and their member rows: there is nothing left to erase or to hand
   * over. Their audit records stay.
   */
  public void deleteRealm(String realmId) {
    em.createQuery(
            "delete from LockedMemberEntity m where m.requestId in"
                + " (select r.id from ErasureRequestEntity r where r.realmId = :realmId)")
        .setParameter("realmId", realmId)
        .executeUpdate();
    em.createQuery("delete from ErasureRequestEntity r where r.realmId = :realmId")
        .setParameter("realmId", realmId)
        .executeUpdate();
  }

  /** Writes the new request at once, so that a concurrent duplicate fails here, not later. */
  public void add(ErasureRequestEntity request) {
    em.persist(request);
    em.flush();
  }

  /**
   * Those of a page of members already recorded for the erasure. The page is a window of user ids
   * in id order, from {@code after} (exclusive) to its last id, and the recorded members are read
   * by that range: a plan that stays cheap whatever PostgreSQL believes about this table's size. An
   * IN list of the page's ids, planned generically as a sequential scan while the table's
   * statistics still said it was empty, compared every row with every id of the page: one lockout
   * of 50,000 members took 56 s instead of 5 s.
   */
  public Set<String> recordedAmong(String requestId, String after, List<String> page) {
    if (page.isEmpty()) {
      return Set.of();
    }
    Set<String> recorded =
        new HashSet<>(
            em.createQuery(
                    "select m.userId from LockedMemberEntity m where m.requestId = :requestId"
                        + " and m.userId > :after and m.userId <= :last",
                    String.class)
                .setParameter("requestId", requestId)
                .setParameter("after", after)
                .setParameter("last", page.get(page.size() - 1))
                .getResultList());
    recorded.retainAll(new HashSet<>(page));
    return recorded;
  }

  public Optional<LockedMemberEntity> findMember(String requestId, String userId) {
    return Optional.ofNullable(
        em.find(LockedMemberEntity.class, new LockedMemberEntity.Key(requestId, userId)));
  }

  public void addLockedMember(LockedMemberEntity member) {
    em.persist(member);
  }

  public MemberCounts countMembers(String requestId) {
    Map<MemberDecision, Long> byDecision = new EnumMap<>(MemberDecision.class);
    em.createNamedQuery("LockedMember.countByDecision", Object[].class)
        .setParameter("requestId", requestId)
        .getResultList()
        .forEach(row -> byDecision.put((MemberDecision) row[0], (Long) row[1]));
    return MemberCounts.of(byDecision);
  }
}
