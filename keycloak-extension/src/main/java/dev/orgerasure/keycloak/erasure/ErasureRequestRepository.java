package dev.orgerasure.keycloak.erasure;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Erasure requests and their locked members in Keycloak's database, for one session. */
public class ErasureRequestRepository {

    private final EntityManager em;

    public ErasureRequestRepository(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public Optional<ErasureRequestEntity> find(String realmId, String id) {
        return Optional.ofNullable(em.find(ErasureRequestEntity.class, id))
                .filter(r -> r.getRealmId().equals(realmId));
    }

    public Optional<ErasureRequestEntity> findActiveByOrganization(String organizationId) {
        return em.createNamedQuery("ErasureRequest.findActiveByOrganization", ErasureRequestEntity.class)
                .setParameter("organizationId", organizationId)
                .getResultStream()
                .findFirst();
    }

    public List<ErasureRequestEntity> findActiveByRealm(String realmId) {
        return em.createNamedQuery("ErasureRequest.findActiveByRealm", ErasureRequestEntity.class)
                .setParameter("realmId", realmId)
                .getResultList();
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
