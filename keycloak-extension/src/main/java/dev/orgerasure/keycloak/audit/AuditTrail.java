package dev.orgerasure.keycloak.audit;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Appends records to the audit trail, at most one per erasure and event. */
public class AuditTrail {

  private final EntityManager em;

  public AuditTrail(KeycloakSession session) {
    this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }

  /**
   * The record of this event of this erasure: the existing one, or a new one at the end of the
   * trail.
   */
  public AuditRecordEntity record(AuditEvent event) {
    Optional<AuditRecordEntity> existing =
        em.createNamedQuery("AuditRecord.findByRequestAndEvent", AuditRecordEntity.class)
            .setParameter("requestId", event.requestId())
            .setParameter("event", event.event())
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    Long last = em.createNamedQuery("AuditRecord.lastSequence", Long.class).getSingleResult();
    AuditRecordEntity record =
        new AuditRecordEntity(last == null ? 1 : last + 1, Time.currentTimeMillis(), event);
    em.persist(record);
    em.flush();
    return record;
  }
}
