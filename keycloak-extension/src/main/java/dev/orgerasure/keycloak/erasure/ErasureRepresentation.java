package dev.orgerasure.keycloak.erasure;

/** An erasure request as the admin API and pages show it. Times are epoch milliseconds. */
public record ErasureRepresentation(
        String id,
        String organizationId,
        String organizationName,
        ErasureState state,
        String requestedBy,
        long requestedAt,
        Long lockedAt,
        long memberCount,
        long membersLocked) {

    public static ErasureRepresentation of(ErasureRequestEntity request) {
        return new ErasureRepresentation(
                request.getId(),
                request.getOrganizationId(),
                request.getOrganizationName(),
                request.getState(),
                request.getRequestedByUsername(),
                request.getRequestedAt(),
                request.getLockedAt(),
                request.getMemberCount(),
                request.getMembersLocked());
    }
}
