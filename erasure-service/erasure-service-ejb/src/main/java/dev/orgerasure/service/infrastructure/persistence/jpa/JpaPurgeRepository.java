package dev.orgerasure.service.infrastructure.persistence.jpa;

import dev.orgerasure.contract.PurgeState;
import dev.orgerasure.service.erasure.Purge;
import dev.orgerasure.service.erasure.PurgeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPurgeRepository implements PurgeRepository {

  @PersistenceContext(unitName = "erasure")
  private EntityManager entityManager;

  @Override
  public Optional<Purge> find(String requestId) {
    return Optional.ofNullable(entityManager.find(Purge.class, requestId));
  }

  @Override
  public Optional<Purge> lock(String requestId) {
    return Optional.ofNullable(
        entityManager.find(Purge.class, requestId, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public boolean isUnderErasure(String orgId) {
    return entityManager
            .createNamedQuery("Purge.countByOrganization", Long.class)
            .setParameter("orgId", orgId)
            .getSingleResult()
        > 0;
  }

  @Override
  public List<String> findInProgress() {
    return entityManager
        .createNamedQuery("Purge.findInProgress", String.class)
        .setParameter("states", PurgeState.inProgress())
        .getResultList();
  }

  @Override
  public void store(Purge purge) {
    entityManager.persist(purge);
  }
}
