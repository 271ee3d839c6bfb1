package dev.orgerasure.keycloak.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.keycloak.audit.AuditRecordEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.keycloak.util.JsonSerialization;

/**
 * One audit record as the "Erasure audit" page lists it. The requester's address is a digest
 * (docs/audit.md, "Records"); records written before digests carry the address instead.
 */
public record AuditRecordRepresentation(
    long seq,
    String time,
    String event,
    String erasureId,
    String realmName,
    String organizationId,
    String organizationName,
    String requesterId,
    String requesterEmail,
    String requesterEmailDigest,
    long memberCount,
    JsonNode counts,
    String status,
    String leafHash) {

  static AuditRecordRepresentation of(AuditRecordEntity record) {
    try {
      return new AuditRecordRepresentation(
          record.getSequence(),
          Instant.ofEpochMilli(record.getRecordedAt()).toString(),
          record.getEvent(),
          record.getRequestId(),
          record.getRealmName(),
          record.getOrganizationId(),
          record.getOrganizationName(),
          record.getRequesterId(),
          record.getRequesterEmail(),
          record.getRequesterEmailDigest(),
          record.getMemberCount(),
          JsonSerialization.mapper.readTree(record.getCounts()),
          record.getStatus(),
          record.getLeafHash());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
