package dev.orgerasure.keycloak.tenant;

import java.util.Collection;
import java.util.HashMap;
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
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Tenants backed by Keycloak 26 Organizations of the session's realm. */
public class OrganizationTenantDirectory implements TenantDirectory {

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
    return queries().organizationMemberCounts(tenants.stream().map(Tenant::id).toList());
  }

  /** Keycloak keeps an organisation's members in its internal group; read there, by id. */
  @Override
  public List<String> memberIds(Tenant tenant, UserIdRange range, String afterUserId, int max) {
    return queries().organizationMemberIds(tenant.id(), range, afterUserId, max);
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
    return queries().organizationMembersAmong(tenant.id(), userIds);
  }

  @Override
  public Set<String> managedMembersAmong(Tenant tenant, Collection<String> userIds) {
    return queries().managedOrganizationMembersAmong(tenant.id(), userIds);
  }

  @Override
  public Set<String> inAnotherTenantAmong(Tenant tenant, Collection<String> userIds) {
    return queries().inOtherOrganizationsAmong(tenant.id(), userIds);
  }

  /** Only for unmanaged members: Keycloak deletes a managed member it removes. */
  @Override
  public List<String> removeMember(Tenant tenant, UserModel user) {
    OrganizationModel organization = organization(tenant);
    if (organizations.isManagedMember(organization, user)) {
      throw new IllegalStateException("A managed member is erased, never only removed");
    }
    organizations.removeMember(organization, user);
    return List.of();
  }

  /** Disables the organisation and its enabled identity providers; answers what it changed. */
  @Override
  public TenantClosure closeToNewMembers(Tenant tenant) {
    OrganizationModel organization = organization(tenant);
    List<IdentityProviderModel> closing =
        organizations
            .getIdentityProviders(organization)
            .filter(IdentityProviderModel::isEnabled)
            .toList();
    TenantClosure closure =
        new TenantClosure(
            organization.isEnabled(),
            closing.stream().map(IdentityProviderModel::getAlias).toList());
    organization.setEnabled(false);
    closing.forEach(
        idp -> {
          idp.setEnabled(false);
          session.identityProviders().update(idp);
        });
    return closure;
  }

  /**
   * Puts back what {@link #closeToNewMembers} and {@link #markUnderErasure} changed; idempotent. A
   * closed provider is enabled again only while it still belongs to this organisation.
   */
  @Override
  public void reopen(Tenant tenant, TenantClosure closure) {
    OrganizationModel organization = organization(tenant);
    // The organisation first: Keycloak shows the providers of a disabled organisation as disabled.
    organization.setEnabled(closure.wasEnabled());
    enableClosedProviders(linkedProviders(organization), closure);
    Map<String, List<String>> attributes = new HashMap<>(organization.getAttributes());
    if (attributes.remove(ERASURE_REQUEST_ATTRIBUTE) != null) {
      organization.setAttributes(attributes);
    }
  }

  /** Gives a kept member back the membership the lockout removed. */
  @Override
  public void restoreMember(Tenant tenant, UserModel user, List<String> leftGroups) {
    OrganizationModel organization = organization(tenant);
    if (!organizations.isMember(organization, user)) {
      organizations.addMember(organization, user);
    }
  }

  @Override
  public boolean canManage(AdminPermissionEvaluator auth, Tenant tenant) {
    return auth.orgs().canManage(organization(tenant));
  }

  /**
   * The organisation with its domains, through Keycloak, which unlinks its identity providers. A
   * provider's deletion is left to its own admins: it needs {@code manage-identity-providers}, and
   * kept people may still sign in through it.
   */
  @Override
  public void remove(Tenant tenant, TenantClosure closure) {
    OrganizationModel organization = organization(tenant);
    List<String> linked = linkedProviders(organization);
    organizations.remove(organization);
    enableClosedProviders(linked, closure);
  }

  private List<String> linkedProviders(OrganizationModel organization) {
    return organizations
        .getIdentityProviders(organization)
        .map(IdentityProviderModel::getAlias)
        .toList();
  }

  /** Those of the providers the erasure disabled that are among {@code aliases}. */
  private void enableClosedProviders(List<String> aliases, TenantClosure closure) {
    aliases.stream()
        .filter(closure.closedProviders()::contains)
        .map(alias -> session.identityProviders().getByAlias(alias))
        .filter(idp -> idp != null && !idp.isEnabled())
        .forEach(
            idp -> {
              idp.setEnabled(true);
              session.identityProviders().update(idp);
            });
  }

  private MembershipQueries queries() {
    return new MembershipQueries(
        session.getProvider(JpaConnectionProvider.class).getEntityManager());
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
