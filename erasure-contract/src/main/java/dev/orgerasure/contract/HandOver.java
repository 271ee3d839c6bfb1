package dev.orgerasure.contract;

import java.util.List;

/**
 * The body of {@code POST /erasures}: Keycloak hands an erasure whose members are locked out over
 * to the service. Idempotent by {@code requestId}.
 *
 * @param requestId Keycloak's erasure id, a UUID; the service's purge is keyed by it
 * @param gracePeriodSeconds how long the purge waits; {@code null} for the service's default
 * @param memberPolicy what happens to the members, and so to their own rows; {@code null} for
 *     {@link MemberPolicy#ERASE}
 * @param tenantKind what the tenant is in Keycloak, for the record; {@code null} for {@link
 *     TenantKind#ORGANIZATION}
 * @param erasedMemberIds the Keycloak ids of the members whose accounts the erasure deletes, as
 *     decided at lockout: their own rows in per-person tables are deleted, every other person's are
 *     reset (docs/contract.md, "People's own rows"); {@code null} for none
 */
public record HandOver(
    String requestId,
    String organizationId,
    String organizationName,
    Long gracePeriodSeconds,
    MemberPolicy memberPolicy,
    TenantKind tenantKind,
    List<String> erasedMemberIds) {

  /** The erased members' ids; empty when the hand-over names none. */
  public List<String> erasedMembers() {
    return erasedMemberIds == null ? List.of() : erasedMemberIds;
  }
}
