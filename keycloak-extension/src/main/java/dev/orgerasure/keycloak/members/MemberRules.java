package dev.orgerasure.keycloak.members;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import dev.orgerasure.keycloak.tenant.UserIdRange;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Who an erasure deletes and who it keeps, the one place that decides it (docs/erasure.md, "Who is
 * erased"). An erasure that removes the wrong person is worse than none, so a person with a reason
 * to stay stays: a member of another tenant, or an administrator. A managed member exists only
 * through this tenant's identity provider and goes with it, whatever else they belong to, under
 * either policy. Under {@link MemberPolicy#DETACH} everyone else is detached instead of erased.
 *
 * <p>Each member is decided on their own, from facts found for a whole batch at once ({@link
 * #factsOf}), so a tenant of 50,000 costs a few statements per batch, not per member.
 */
public final class MemberRules {

  private MemberRules() {}

  public static MemberDecision decide(MemberFacts facts, MemberPolicy policy, String userId) {
    if (facts.managedMembers().contains(userId)) {
      return MemberDecision.ERASE;
    }
    if (facts.inAnotherTenant().contains(userId)) {
      return MemberDecision.KEEP_OTHER_TENANTS;
    }
    if (facts.administrators().contains(userId)) {
      return MemberDecision.KEEP_ADMINISTRATOR;
    }
    return policy == MemberPolicy.DETACH ? MemberDecision.DETACH : MemberDecision.ERASE;
  }

  /**
   * The decision made again before identities go. A member the lockout left in the tenant (erased
   * or detached at the end) whom someone took out of it since is no longer the tenant's to erase:
   * kept. Members the lockout took out themselves are decided by the rules as before.
   */
  public static MemberDecision decideAgain(
      MemberFacts facts,
      MemberPolicy policy,
      String userId,
      MemberDecision atLockout,
      Set<String> stillMembers) {
    if (atLockout.disablesUntilTheEnd() && !stillMembers.contains(userId)) {
      return MemberDecision.KEEP_LEFT_TENANT;
    }
    return decide(facts, policy, userId);
  }

  /** The facts the rules need about these members of the tenant, a statement or two each. */
  public static MemberFacts factsOf(
      KeycloakSession session,
      RealmModel realm,
      TenantDirectory tenants,
      Tenant tenant,
      Collection<String> userIds) {
    return factsOf(new Administrators(session, realm), tenants, tenant, userIds);
  }

  private static MemberFacts factsOf(
      Administrators administrators,
      TenantDirectory tenants,
      Tenant tenant,
      Collection<String> userIds) {
    return new MemberFacts(
        tenants.managedMembersAmong(tenant, userIds),
        tenants.inAnotherTenantAmong(tenant, userIds),
        administrators.among(userIds));
  }

  /**
   * What an erasure of the tenant would do to its members now under the given policy: the preview
   * before confirming.
   */
  public static Map<MemberDecision, Long> preview(
      KeycloakSession session,
      RealmModel realm,
      TenantDirectory tenants,
      Tenant tenant,
      MemberPolicy policy,
      int pageSize) {
    Map<MemberDecision, Long> byDecision = new EnumMap<>(MemberDecision.class);
    Administrators administrators = new Administrators(session, realm);
    List<String> page;
    String after = "";
    do {
      page = tenants.memberIds(tenant, UserIdRange.ALL, after, pageSize);
      MemberFacts facts = factsOf(administrators, tenants, tenant, page);
      page.forEach(id -> byDecision.merge(decide(facts, policy, id), 1L, Long::sum));
      after = page.isEmpty() ? after : page.get(page.size() - 1);
    } while (page.size() == pageSize);
    return byDecision;
  }
}
