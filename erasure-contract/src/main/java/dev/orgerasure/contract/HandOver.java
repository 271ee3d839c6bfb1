package dev.orgerasure.contract;

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
 */
public record HandOver(
    String requestId,
    String organizationId,
    String organizationName,
    Long gracePeriodSeconds,
    MemberPolicy memberPolicy,
    TenantKind tenantKind) {}
