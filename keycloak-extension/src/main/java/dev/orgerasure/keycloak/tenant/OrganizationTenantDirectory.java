package dev.orgerasure.keycloak.tenant;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.representations.idm.MembershipType;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Tenants backed by Keycloak 26 Organizations of the session's realm. */
public class OrganizationTenantDirectory implements TenantDirectory {

  /** Whether the organisation was enabled before the erasure closed it. */
  static final String WAS_ENABLED_ATTRIBUTE = "org-erasure-was-enabled";

  /** The identity providers the erasure disabled, by alias. */
  static final String CLOSED_PROVIDERS_ATTRIBUTE = "org-erasure-closed-providers";

  private final KeycloakSession session;
  private final OrganizationProvider organizations;

  public OrganizationTenantDirectory(KeycloakSession session) {
    this.session = session;
    this.organizations = session.getProvider(OrganizationProvider.class);
  }

  @Override
  public Optional<Tenant> find(String id) {
    return Optional.ofNullable(organizations.getById(id)).map(OrganizationTenantDirectory::tenant);
  }

  @Override
  public Stream<Tenant> list(int first, int max) {
    return organizations
        .getAllStream("", false, first, max)
        .map(OrganizationTenantDirectory::tenant);
  }

  @Override
  public long memberCount(Tenant tenant) {
    return organizations.getMembersCount(organization(tenant));
  }

  /** One statement for all of them: the admin page lists up to a thousand organisations. */
  @Override
  public Map<String, Long> memberCounts(List<Tenant> tenants) {
    Map<String, Long> counts = new HashMap<>();
    if (!tenants.isEmpty()) {
      entityManager()
          .createQuery(
              "select o.id, count(m) from OrganizationEntity o, UserGroupMembershipEntity m"
                  + " where m.groupId = o.groupId and o.id in :orgs group by o.id",
              Object[].class)
          .setParameter("orgs", tenants.stream().map(Tenant::id).toList())
          .getResultList()
          .forEach(row -> counts.put((String) row[0], (Long) row[1]));
    }
    return counts;
  }

  /** Keycloak keeps an organisation's members in its internal group; read there, by id. */
  @Override
  public List<String> memberIds(Tenant tenant, UserIdRange range, String afterUserId, int max) {
    return range
        .bind(
            entityManager()
                .createQuery(
                    "select m.user.id from UserGroupMembershipEntity m, OrganizationEntity o"
                        + " where o.id = :org and m.groupId = o.groupId and m.user.id > :after"
                        + range.condition("m.user.id")
                        + " order by m.user.id",
                    String.class))
        .setParameter("org", tenant.id())
        .setParameter("after", afterUserId)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public void markUnderErasure(Tenant tenant, String requestId) {
    OrganizationModel organization = organization(tenant);
    Map<String, List<String>> attributes = new HashMap<>(organization.getAttributes());
    attributes.put(ERASURE_REQUEST_ATTRIBUTE, List.of(requestId));
    organization.setAttributes(attributes);
  }

  @Override
  public boolean isMember(Tenant tenant, UserModel user) {
    return organizations.isMember(organization(tenant), user);
  }

  @Override
  public Set<String> membersAmong(Tenant tenant, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        entityManager()
            .createQuery(
                "select m.user.id from UserGroupMembershipEntity m, OrganizationEntity o"
                    + " where o.id = :org and m.groupId = o.groupId and m.user.id in :users",
                String.class)
            .setParameter("org", tenant.id())
            .setParameter("users", userIds)
            .getResultList());
  }

  @Override
  public Set<String> managedMembersAmong(Tenant tenant, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        entityManager()
            .createQuery(
                "select m.user.id from UserGroupMembershipEntity m, OrganizationEntity o"
                    + " where o.id = :org and m.groupId = o.groupId and m.membershipType = :managed"
                    + " and m.user.id in :users",
                String.class)
            .setParameter("org", tenant.id())
            .setParameter("managed", MembershipType.MANAGED.name())
            .setParameter("users", userIds)
            .getResultList());
  }

  @Override
  public Set<String> inAnotherTenantAmong(Tenant tenant, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        entityManager()
            .createQuery(
                "select distinct m.user.id from UserGroupMembershipEntity m, OrganizationEntity o"
                    + " where o.id <> :org and m.groupId = o.groupId and m.user.id in :users",
                String.class)
            .setParameter("org", tenant.id())
            .setParameter("users", userIds)
            .getResultList());
  }

  /** Only for unmanaged members: Keycloak deletes a managed member it removes. */
  @Override
  public void removeMember(Tenant tenant, UserModel user) {
    OrganizationModel organization = organization(tenant);
    if (organizations.isManagedMember(organization, user)) {
      throw new IllegalStateException("A managed member is erased, never only removed");
    }
    organizations.removeMember(organization, user);
  }

  /**
   * Notes on the organisation what it changes (whether it was enabled, which identity providers it
   * disables), so that a cancel puts back exactly that and nothing more.
   */
  @Override
  public void closeToNewMembers(Tenant tenant) {
    OrganizationModel organization = organization(tenant);
    List<IdentityProviderModel> closing =
        organizations
            .getIdentityProviders(organization)
            .filter(IdentityProviderModel::isEnabled)
            .toList();
    Map<String, List<String>> attributes = new HashMap<>(organization.getAttributes());
    attributes.put(WAS_ENABLED_ATTRIBUTE, List.of(Boolean.toString(organization.isEnabled())));
    attributes.put(
        CLOSED_PROVIDERS_ATTRIBUTE, closing.stream().map(IdentityProviderModel::getAlias).toList());
    organization.setAttributes(attributes);
    organization.setEnabled(false);
    closing.forEach(
        idp -> {
          idp.setEnabled(false);
          session.identityProviders().update(idp);
        });
  }

  /**
   * Puts back what {@link #closeToNewMembers} and {@link #markUnderErasure} changed; idempotent.
   */
  @Override
  public void reopen(Tenant tenant) {
    OrganizationModel organization = organization(tenant);
    Map<String, List<String>> attributes = new HashMap<>(organization.getAttributes());
    if (!attributes.containsKey(WAS_ENABLED_ATTRIBUTE)) {
      return;
    }
    // The organisation first: Keycloak shows the providers of a disabled organisation as disabled.
    organization.setEnabled(Boolean.parseBoolean(attributes.get(WAS_ENABLED_ATTRIBUTE).get(0)));
    for (String alias : attributes.getOrDefault(CLOSED_PROVIDERS_ATTRIBUTE, List.of())) {
      IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
      if (idp != null && !idp.isEnabled()) {
        idp.setEnabled(true);
        session.identityProviders().update(idp);
      }
    }
    attributes.remove(WAS_ENABLED_ATTRIBUTE);
    attributes.remove(CLOSED_PROVIDERS_ATTRIBUTE);
    attributes.remove(ERASURE_REQUEST_ATTRIBUTE);
    organization.setAttributes(attributes);
  }

  /** Gives a kept member back the membership the lockout removed. */
  @Override
  public void restoreMember(Tenant tenant, UserModel user) {
    OrganizationModel organization = organization(tenant);
    if (!organizations.isMember(organization, user)) {
      organizations.addMember(organization, user);
    }
  }

  @Override
  public boolean canManage(AdminPermissionEvaluator auth, Tenant tenant) {
    return auth.orgs().canManage(organization(tenant));
  }

  /** The organisation with its identity providers; its domains go with it. */
  @Override
  public void remove(Tenant tenant) {
    OrganizationModel organization = organization(tenant);
    organizations
        .getIdentityProviders(organization)
        .toList()
        .forEach(idp -> session.identityProviders().remove(idp.getAlias()));
    organizations.remove(organization);
  }

  private EntityManager entityManager() {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }

  private OrganizationModel organization(Tenant tenant) {
    OrganizationModel organization = organizations.getById(tenant.id());
    if (organization == null) {
      throw new IllegalStateException("Organisation " + tenant.id() + " no longer exists");
    }
    return organization;
  }

  private static Tenant tenant(OrganizationModel organization) {
    return new Tenant(organization.getId(), organization.getName());
  }
}
