package dev.orgerasure.keycloak.tenant;

import java.util.List;
import java.util.Optional;
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

  /** Members in a stable order, one page at a time. */
  List<UserModel> members(Tenant tenant, int first, int max);

  /**
   * The tenants that designate {@code user} as their admin (an Organization lists them in its
   * attribute {@code org-admins}); a member is admin only where designated.
   */
  Stream<Tenant> administeredBy(UserModel user);

  /** Marks the tenant as under erasure, for everything that reads the tenant. */
  void markUnderErasure(Tenant tenant, String requestId);

  boolean isMember(Tenant tenant, UserModel user);

  /** A member that exists only through the tenant's identity provider. */
  boolean isManagedMember(Tenant tenant, UserModel user);

  boolean belongsToAnotherTenant(Tenant tenant, UserModel user);

  /**
   * Whether the directory itself keeps the member disabled while the tenant is closed, and refuses
   * writes to the account meanwhile (Keycloak does so for a managed member of a disabled
   * organisation): the lockout then leaves the enabled flag alone.
   */
  boolean keepsDisabledWhileClosed(UserModel member);

  /** Takes the member out of the tenant; their account stays. */
  void removeMember(Tenant tenant, UserModel user);

  /**
   * Stops the tenant from taking members while it is erased: disabled, with its identity providers,
   * so nobody signs up or in through them.
   */
  void closeToNewMembers(Tenant tenant);

  /**
   * Undoes {@link #closeToNewMembers} and {@link #markUnderErasure} after a cancel: enabled as it
   * was, with the identity providers the erasure disabled. Calling it again changes nothing.
   */
  void reopen(Tenant tenant);

  /** Gives a kept member back their membership, after a cancel. */
  void restoreMember(Tenant tenant, UserModel user);

  /** Whether the admin may manage this tenant (fine-grained admin permissions included). */
  boolean canManage(AdminPermissionEvaluator auth, Tenant tenant);

  /** Removes the tenant itself, with what exists only for it (its identity providers). */
  void remove(Tenant tenant);
}
