package dev.orgerasure.keycloak.designation;

import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.UserModel;

/**
 * Who may erase which organisation from the account console (docs/erasure.md, "Who may erase"): the
 * designations an erasure admin made, read for one realm. A designation counts only while its
 * person is still a member of the organisation; it never grants anything over another one.
 */
public class SelfServiceErasers {

  private final EntityManager em;
  private final String realmId;

  public SelfServiceErasers(EntityManager em, String realmId) {
    this.em = em;
    this.realmId = realmId;
  }

  /** The tenant's designations, in the order they were made. */
  public List<SelfServiceEraserEntity> of(Tenant tenant) {
    return em.createQuery(
            "select e from SelfServiceEraserEntity e"
                + " where e.realmId = :realm and e.tenantId = :tenant order by e.grantedAt, e.userId",
            SelfServiceEraserEntity.class)
        .setParameter("realm", realmId)
        .setParameter("tenant", tenant.id())
        .getResultList();
  }

  /** Designates the member; {@code false} when they already were (the first grant stays). */
  public boolean designate(Tenant tenant, String userId, String grantedById, long at) {
    if (find(tenant.id(), userId).isPresent()) {
      return false;
    }
    em.persist(new SelfServiceEraserEntity(realmId, tenant.id(), userId, grantedById, at));
    return true;
  }

  /** Withdraws the designation; {@code false} when there was none. */
  public boolean withdraw(Tenant tenant, String userId) {
    Optional<SelfServiceEraserEntity> found = find(tenant.id(), userId);
    found.ifPresent(em::remove);
    return found.isPresent();
  }

  /**
   * The tenants the user may erase themselves: designated, and still a member. A designation read
   * here is never enough on its own: the tenant must exist and hold the user now.
   */
  public List<Tenant> erasableBy(TenantDirectory tenants, UserModel user) {
    return em
        .createQuery(
            "select e.tenantId from SelfServiceEraserEntity e"
                + " where e.realmId = :realm and e.userId = :user",
            String.class)
        .setParameter("realm", realmId)
        .setParameter("user", user.getId())
        .getResultList()
        .stream()
        .map(tenants::find)
        .flatMap(Optional::stream)
        .filter(tenant -> tenants.isMember(tenant, user))
        .sorted(Comparator.comparing(Tenant::name))
        .toList();
  }

  /** Forgets every designation of an erased tenant. */
  public void forget(String tenantId) {
    em.createQuery(
            "delete from SelfServiceEraserEntity e where e.realmId = :realm and e.tenantId = :tenant")
        .setParameter("realm", realmId)
        .setParameter("tenant", tenantId)
        .executeUpdate();
  }

  /** Forgets every designation of a removed realm. */
  public void forgetRealm() {
    em.createQuery("delete from SelfServiceEraserEntity e where e.realmId = :realm")
        .setParameter("realm", realmId)
        .executeUpdate();
  }

  private Optional<SelfServiceEraserEntity> find(String tenantId, String userId) {
    return Optional.ofNullable(
        em.find(
            SelfServiceEraserEntity.class,
            new SelfServiceEraserEntity.Key(realmId, tenantId, userId)));
  }
}
