package dev.orgerasure.keycloak.audit;

import dev.orgerasure.contract.TenantKind;

/**
 * What an audit record says, before it gets its place in the log. {@code event} is an {@link
 * AuditEventType}; {@code counts} is a JSON object; {@code notifiedTo} is set when the requester
 * was told, {@code notificationError} when telling failed.
 */
public record AuditEvent(
    String event,
    String requestId,
    String realmId,
    String realmName,
    TenantKind tenantKind,
    String organizationId,
    String organizationName,
    String requesterId,
    String requesterEmail,
    long memberCount,
    String counts,
    String notifiedTo,
    String notificationError,
    String status) {}
