package dev.orgerasure.keycloak.tenant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Tenants modelled as groups (docs/erasure.md, "Tenant models"): each sub-group of the realm's
 * tenant parent group (or each top-level group) is a tenant; its members are the members of the
 * group and of all its sub-groups; its admins are the members of its sub-group named by the model.
 * Groups have no identity providers and cannot be disabled, so the mark on the group is what closes
 * it.
 */
public class GroupTenantDirectory implements TenantDirectory {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final TenantModel model;

  /**
   * The parent group, looked up once: the member rules ask whether a group is a tenant for every
   * group of every member. Empty for top-level tenants, or when the configured path does not exist.
   */
  private Optional<GroupModel> parent;

  public GroupTenantDirectory(KeycloakSession session, RealmModel realm, TenantModel model) {
    this.session = session;
    this.realm = realm;
    this.model = model;
  }

  @Override
  public Optional<Tenant> find(String id) {
    return tenantGroup(id).map(GroupTenantDirectory::tenant);
  }

  @Override
  public Stream<Tenant> list(int first, int max) {
    Optional<GroupModel> parent = parent();
    if (parent.isEmpty() && !model.parentGroupPath().isEmpty()) {
      return Stream.empty();
    }
    return parent
        .map(group -> group.getSubGroupsStream(first, max))
        .orElseGet(() -> session.groups().getTopLevelGroupsStream(realm, first, max))
        .map(GroupTenantDirectory::tenant);
  }

  /** Counted in the database: a member of several of the tenant's groups counts once. */
  @Override
  public long memberCount(Tenant tenant) {
    return queries().memberCountOfGroups(subtree(group(tenant)));
  }

  /** A tenant's members span its sub-groups, so each is counted on its own. */
  @Override
  public Map<String, Long> memberCounts(List<Tenant> tenants) {
    Map<String, Long> counts = new HashMap<>();
    tenants.forEach(tenant -> counts.put(tenant.id(), memberCount(tenant)));
    return counts;
  }

  @Override
  public List<String> memberIds(Tenant tenant, UserIdRange range, String afterUserId, int max) {
    return queries().memberIdsOfGroups(subtree(group(tenant)), range, afterUserId, max);
  }

  @Override
  public void markUnderErasure(Tenant tenant, String requestId) {
    group(tenant).setSingleAttribute(ERASURE_REQUEST_ATTRIBUTE, requestId);
  }

  @Override
  public boolean isMember(Tenant tenant, UserModel user) {
    Set<String> groups = new HashSet<>(subtree(group(tenant)));
    return user.getGroupsStream().anyMatch(group -> groups.contains(group.getId()));
  }

  @Override
  public Set<String> membersAmong(Tenant tenant, Collection<String> userIds) {
    return queries().membersOfGroupsAmong(subtree(group(tenant)), userIds);
  }

  /** Groups have no identity provider of their own: no member exists only through one. */
  @Override
  public Set<String> managedMembersAmong(Tenant tenant, Collection<String> userIds) {
    return Set.of();
  }

  /** Each group the users are in is traced to its tenant once, however many members share it. */
  @Override
  public Set<String> inAnotherTenantAmong(Tenant tenant, Collection<String> userIds) {
    Map<String, Optional<GroupModel>> tenantOfGroup = new HashMap<>();
    Set<String> inAnother = new HashSet<>();
    for (MembershipQueries.GroupMembership membership : queries().groupMembershipsOf(userIds)) {
      Optional<GroupModel> owner =
          tenantOfGroup.computeIfAbsent(
              membership.groupId(),
              id ->
                  Optional.ofNullable(session.groups().getGroupById(realm, id))
                      .flatMap(this::tenantGroupOf));
      if (owner.filter(group -> !group.getId().equals(tenant.id())).isPresent()) {
        inAnother.add(membership.userId());
      }
    }
    return inAnother;
  }

  /** Takes the member out of every group of the tenant; answers which, for a cancel. */
  @Override
  public List<String> removeMember(Tenant tenant, UserModel user) {
    Set<String> groups = new HashSet<>(subtree(group(tenant)));
    List<GroupModel> leaving =
        user.getGroupsStream().filter(group -> groups.contains(group.getId())).toList();
    leaving.forEach(user::leaveGroup);
    return leaving.stream().map(GroupModel::getId).toList();
  }

  /** A group can be neither disabled nor signed in through: the mark is what closes it. */
  @Override
  public TenantClosure closeToNewMembers(Tenant tenant) {
    return TenantClosure.NOTHING_CLOSED;
  }

  @Override
  public void reopen(Tenant tenant, TenantClosure closure) {
    group(tenant).removeAttribute(ERASURE_REQUEST_ATTRIBUTE);
  }

  /** Only groups of the tenant's own subtree: the recorded ids are checked, not trusted. */
  @Override
  public void restoreMember(Tenant tenant, UserModel user, List<String> leftGroups) {
    Set<String> tenantGroups = new HashSet<>(subtree(group(tenant)));
    leftGroups.stream()
        .filter(tenantGroups::contains)
        .map(id -> session.groups().getGroupById(realm, id))
        .filter(Objects::nonNull)
        .filter(group -> !user.isMemberOf(group))
        .toList()
        .forEach(user::joinGroup);
  }

  @Override
  public boolean canManage(AdminPermissionEvaluator auth, Tenant tenant) {
    return auth.groups().canManage(group(tenant));
  }

  /** The group with its sub-groups; Keycloak removes their memberships with them. */
  @Override
  public void remove(Tenant tenant, TenantClosure closure) {
    session.groups().removeGroup(realm, group(tenant));
  }

  private Optional<GroupModel> parent() {
    if (parent == null) {
      parent =
          model.parentGroupPath().isEmpty()
              ? Optional.empty()
              : Optional.ofNullable(
                  KeycloakModelUtils.findGroupByPath(session, realm, model.parentGroupPath()));
    }
    return parent;
  }

  private boolean isTenantGroup(GroupModel group) {
    if (group.getType() != GroupModel.Type.REALM) {
      return false;
    }
    if (model.parentGroupPath().isEmpty()) {
      return group.getParentId() == null;
    }
    return parent().map(parent -> parent.getId().equals(group.getParentId())).orElse(false);
  }

  /** The tenant a group belongs to: itself or its nearest ancestor that is a tenant. */
  private Optional<GroupModel> tenantGroupOf(GroupModel group) {
    for (GroupModel current = group; current != null; current = current.getParent()) {
      if (isTenantGroup(current)) {
        return Optional.of(current);
      }
    }
    return Optional.empty();
  }

  /** The ids of the group and of every group below it. */
  private static List<String> subtree(GroupModel group) {
    List<String> ids = new ArrayList<>();
    List<GroupModel> pending = new ArrayList<>(List.of(group));
    while (!pending.isEmpty()) {
      GroupModel next = pending.remove(pending.size() - 1);
      ids.add(next.getId());
      next.getSubGroupsStream().forEach(pending::add);
    }
    return ids;
  }

  private Optional<GroupModel> tenantGroup(String id) {
    return Optional.ofNullable(session.groups().getGroupById(realm, id))
        .filter(this::isTenantGroup);
  }

  private GroupModel group(Tenant tenant) {
    return tenantGroup(tenant.id())
        .orElseThrow(
            () -> new IllegalStateException("Tenant group " + tenant.id() + " no longer exists"));
  }

  private MembershipQueries queries() {
    return new MembershipQueries(
        session.getProvider(JpaConnectionProvider.class).getEntityManager());
  }

  private static Tenant tenant(GroupModel group) {
    return new Tenant(group.getId(), group.getName());
  }
}
