package dev.orgerasure.keycloak.erasure;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

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

  /**
   * Erasures whose app data is gone but whose identities are not, and that no node is finishing.
   */
  public List<ErasureRequestEntity> findUnfinished(long now) {
    return em.createNamedQuery("ErasureRequest.findUnfinished", ErasureRequestEntity.class)
        .setParameter("states", ErasureState.where(ErasureState::isFinishable))
        .setParameter("now", now)
        .getResultList();
  }

  public List<LockedMemberEntity> findNotDeletedMembers(String requestId, int max) {
    return em.createNamedQuery("LockedMember.findNotDeleted", LockedMemberEntity.class)
        .setParameter("requestId", requestId)
        .setMaxResults(max)
        .getResultList();
  }

  /** Deletes the login events that name these users; Keycloak has no per-user event deletion. */
  public long deleteLoginEvents(String realmId, List<String> userIds) {
    return em.createNativeQuery("delete from EVENT_ENTITY where REALM_ID = ?1 and USER_ID in (?2)")
        .setParameter(1, realmId)
        .setParameter(2, userIds)
        .executeUpdate();
  }

  public List<ErasureRequestEntity> findRecentByRealm(String realmId, int max) {
    return em.createNamedQuery("ErasureRequest.findRecentByRealm", ErasureRequestEntity.class)
        .setParameter("realmId", realmId)
        .setMaxResults(max)
        .getResultList();
  }

  /** Writes the new request at once, so that a concurrent duplicate fails here, not later. */
  public void add(ErasureRequestEntity request) {
    em.persist(request);
    em.flush();
  }

  public boolean isLocked(String requestId, String userId) {
    return em.find(LockedMemberEntity.class, new LockedMemberEntity.Key(requestId, userId)) != null;
  }

  public void addLockedMember(LockedMemberEntity member) {
    em.persist(member);
  }

  public long countLockedMembers(String requestId) {
    return em.createNamedQuery("LockedMember.countByRequest", Long.class)
        .setParameter("requestId", requestId)
        .getSingleResult();
  }
}
