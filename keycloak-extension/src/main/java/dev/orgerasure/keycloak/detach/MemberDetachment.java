package dev.orgerasure.keycloak.detach;

import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.UserModel;

/**
 * Detaches a member once the tenant's app data is gone (docs/erasure.md, "Member policy"): the
 * account stays, enabled as it was before the erasure, without this membership, and its next
 * sign-in starts with {@link OrganisationClosedRequiredAction}, which says which organisation
 * closed.
 */
public final class MemberDetachment {

  /**
   * The names of the organisations closed under the member since they last signed in; the required
   * action shows them and removes the attribute.
   */
  static final String CLOSED_ORGANISATIONS = "org-erasure-closed-organisations";

  private MemberDetachment() {}

  public static void detach(
      TenantDirectory tenants, Tenant tenant, UserModel member, boolean wasEnabled) {
    tenants.removeMember(tenant, member);
    member.setEnabled(wasEnabled);
    List<String> closed = new ArrayList<>(member.getAttributeStream(CLOSED_ORGANISATIONS).toList());
    if (!closed.contains(tenant.name())) {
      closed.add(tenant.name());
    }
    member.setAttribute(CLOSED_ORGANISATIONS, closed);
    member.addRequiredAction(OrganisationClosedRequiredActionFactory.ID);
  }
}
