package dev.orgerasure.service.infrastructure.persistence.jpa;

import dev.orgerasure.contract.PurgeState;
import dev.orgerasure.db.inventory.ServiceTables;
import dev.orgerasure.service.erasure.Purge;
import dev.orgerasure.service.erasure.PurgeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
  public List<String> findInProgress() {
    return entityManager
        .createNamedQuery("Purge.findInProgress", String.class)
        .setParameter("states", PurgeState.inProgress())
        .getResultList();
  }

  @Override
  public Map<PurgeState, Long> countByState() {
    Map<PurgeState, Long> counts = new EnumMap<>(PurgeState.class);
    for (Object[] row :
        entityManager.createNamedQuery("Purge.countByState", Object[].class).getResultList()) {
      counts.put((PurgeState) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  @Override
  public long countUndeletedFiles() {
    return entityManager.createNamedQuery("UndeletedFile.count", Long.class).getSingleResult();
  }

  @Override
  public void store(Purge purge) {
    entityManager.persist(purge);
  }

  @Override
  public void storeErasedMembers(String requestId, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return;
    }
    // The purge's row first: the members' rows refer to it.
    entityManager.flush();
    entityManager
        .createNativeQuery(
            "INSERT INTO "
                + ServiceTables.ERASED_MEMBER
                + " (request_id, user_id) SELECT DISTINCT ?1, unnest(CAST(?2 AS varchar[]))")
        .setParameter(1, requestId)
        .setParameter(2, textArray(userIds))
        .executeUpdate();
  }

  @Override
  public void forgetErasedMembers(String requestId) {
    entityManager
        .createNativeQuery("DELETE FROM " + ServiceTables.ERASED_MEMBER + " WHERE request_id = ?1")
        .setParameter(1, requestId)
        .executeUpdate();
  }

  /** A PostgreSQL array literal of the texts, each quoted, so no text can end or split it. */
  static String textArray(Collection<String> texts) {
    return texts.stream()
        .map(text -> '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
        .collect(Collectors.joining(",", "{", "}"));
  }
}
