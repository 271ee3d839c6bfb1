package dev.orgerasure.keycloak.erasure;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An erasure request as the admin API and pages show it. Times are epoch milliseconds; {@code
 * appData} holds the service's per-table and file counts once the app data is purged; {@code
 * finished} says whether the state is final, so pages need not know the state machine.
 */
public record ErasureRepresentation(
    String id,
    String organizationId,
    String organizationName,
    ErasureState state,
    boolean finished,
    String requestedBy,
    long requestedAt,
    Long lockedAt,
    int gracePeriodSeconds,
    long memberCount,
    long membersLocked,
    int handOverAttempts,
    String lastError,
    JsonNode appData,
    long identitiesDeleted,
    long loginEventsDeleted,
    Long completedAt,
    String auditRecordId) {

  public static ErasureRepresentation of(ErasureRequestEntity request) {
    return new ErasureRepresentation(
        request.getId(),
        request.getOrganizationId(),
        request.getOrganizationName(),
        request.getState(),
        request.getState().isTerminal(),
        request.getRequestedByUsername(),
        request.getRequestedAt(),
        request.getLockedAt(),
        request.getGracePeriodSeconds(),
        request.getMemberCount(),
        request.getMembersLocked(),
        request.getDeliveryAttempts(),
        request.getLastError(),
        request.isAppDataPurged() ? request.appData() : null,
        request.getIdentitiesDeleted(),
        request.getLoginEventsDeleted(),
        request.getCompletedAt(),
        request.getAuditRecordId());
  }
}
