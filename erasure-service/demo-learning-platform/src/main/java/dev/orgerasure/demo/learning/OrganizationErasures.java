package dev.orgerasure.demo.learning;

import dev.orgerasure.db.inventory.SqlNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the erasure service has an erasure of an organisation: a purge row for it that was not
 * cancelled, from hand-over on (docs/contract.md, "State machines"). The platform reads the
 * service's own table (a read-only grant on its schema is all it needs) rather than waiting for
 * Keycloak's lockout to reach every token it accepts: an access token issued before the lockout
 * stays valid until it expires.
 */
@ApplicationScoped
public class OrganizationErasures {

  @PersistenceContext(unitName = "learning")
  private EntityManager entityManager;

  @Inject
  @ConfigProperty(name = "learning.erasure-schema")
  String erasureSchema;

  public boolean isUnderErasure(String orgId) {
    Number purges =
        (Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM "
                        + SqlNames.checked("erasure schema", erasureSchema)
                        + ".purge WHERE org_id = ?1 AND state <> 'CANCELLED'")
                .setParameter(1, orgId)
                .getSingleResult();
    return purges.longValue() > 0;
  }
}
