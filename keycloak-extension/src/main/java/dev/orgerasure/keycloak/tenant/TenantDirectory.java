package dev.orgerasure.keycloak.tenant;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** The few things erasure needs to know about tenants, whatever models them. */
public interface TenantDirectory {

  /** Attribute of the tenant (organisation or group) naming the erasure that holds it. */
  String ERASURE_REQUEST_ATTRIBUTE = "org-erasure-request";

  Optional<Tenant> find(String id);

  Stream<Tenant> list(int first, int max);

  long memberCount(Tenant tenant);

  /** The member counts of many tenants, by tenant id. */
  Map<String, Long> memberCounts(List<Tenant> tenants);

  /**
   * The ids of the members in {@code range} after {@code afterUserId} in the order of ids, at most
   * {@code max}: pages stay stable while members are locked out or leave ({@code ""} starts at the
   * range's first).
   */
  List<String> memberIds(Tenant tenant, UserIdRange range, String afterUserId, int max);

  /** Marks the tenant as under erasure, for everything that reads the tenant. */
  void markUnderErasure(Tenant tenant, String requestId);

  boolean isMember(Tenant tenant, UserModel user);

  /** Those of the users who are members of the tenant now. */
  Set<String> membersAmong(Tenant tenant, Collection<String> userIds);

  /** Those of the users who exist only through the tenant's identity provider. */
  Set<String> managedMembersAmong(Tenant tenant, Collection<String> userIds);

  /** Those of the users who are also members of another tenant. */
  Set<String> inAnotherTenantAmong(Tenant tenant, Collection<String> userIds);

  /**
   * Takes the member out of the tenant; their account stays. Answers the ids of the tenant's groups
   * they left (a group tenant's own group and sub-groups; nothing for an organisation), for a
   * cancel to give back.
   */
  List<String> removeMember(Tenant tenant, UserModel user);

  /**
   * Stops the tenant from taking members while it is erased: disabled, with its identity providers,
   * so nobody signs up or in through them. Answers what it changed, for the erasure to keep.
   */
  TenantClosure closeToNewMembers(Tenant tenant);

  /**
   * Undoes {@link #closeToNewMembers} and {@link #markUnderErasure} after a cancel: enabled as it
   * was, with those of the closed identity providers that still belong to the tenant. Calling it
   * again changes nothing.
   */
  void reopen(Tenant tenant, TenantClosure closure);

  /**
   * Gives a kept member back their membership after a cancel: for a group tenant, those of the
   * groups they left that are still the tenant's own, never any other group.
   */
  void restoreMember(Tenant tenant, UserModel user, List<String> leftGroups);

  /** Whether the admin may manage this tenant (fine-grained admin permissions included). */
  boolean canManage(AdminPermissionEvaluator auth, Tenant tenant);

  /**
   * Removes the tenant itself, as Keycloak's own delete does: a group with its sub-groups; an
   * organisation with its domains, its identity providers unlinked (never deleted: people outside
   * the erased set may be linked to them) and enabled again as they were before {@code closure}.
   */
  void remove(Tenant tenant, TenantClosure closure);
}
