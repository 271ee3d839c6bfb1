package dev.orgerasure.keycloak.members;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Who an erasure deletes and who it keeps, the one place that decides it (README, "Who is erased").
 * An erasure that removes the wrong person is worse than none, so a person with a reason to stay
 * stays: a member of another tenant, or an administrator. A managed member exists only through this
 * tenant's identity provider and goes with it, whatever else they belong to, under either policy.
 * Under {@link MemberPolicy#DETACH} everyone else is detached instead of erased.
 */
public final class MemberRules {

  private MemberRules() {}

  public static MemberDecision decide(
      RealmModel realm,
      TenantDirectory tenants,
      Tenant tenant,
      MemberPolicy policy,
      UserModel member) {
    if (tenants.isManagedMember(tenant, member)) {
      return MemberDecision.ERASE;
    }
    if (tenants.belongsToAnotherTenant(tenant, member)) {
      return MemberDecision.KEEP_OTHER_TENANTS;
    }
    if (isAdministrator(realm, member)) {
      return MemberDecision.KEEP_ADMINISTRATOR;
    }
    return policy == MemberPolicy.DETACH ? MemberDecision.DETACH : MemberDecision.ERASE;
  }

  /**
   * What an erasure of the tenant would do to its members now under the given policy: the preview
   * before confirming.
   */
  public static Map<MemberDecision, Long> preview(
      RealmModel realm, TenantDirectory tenants, Tenant tenant, MemberPolicy policy, int pageSize) {
    Map<MemberDecision, Long> byDecision = new EnumMap<>(MemberDecision.class);
    List<UserModel> page;
    int first = 0;
    do {
      page = tenants.members(tenant, first, pageSize);
      page.forEach(
          member ->
              byDecision.merge(decide(realm, tenants, tenant, policy, member), 1L, Long::sum));
      first += pageSize;
    } while (page.size() == pageSize);
    return byDecision;
  }

  /**
   * Any role of the realm's {@code realm-management} client (the erasure role among them), or the
   * realm roles that make a master-realm admin; held directly, through a group or a composite.
   */
  static boolean isAdministrator(RealmModel realm, UserModel member) {
    ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
    Stream<RoleModel> adminRoles =
        Stream.concat(
            management == null ? Stream.empty() : management.getRolesStream(),
            Stream.of(AdminRoles.ADMIN, AdminRoles.CREATE_REALM).map(realm::getRole));
    return adminRoles.filter(role -> role != null).anyMatch(member::hasRole);
  }
}
