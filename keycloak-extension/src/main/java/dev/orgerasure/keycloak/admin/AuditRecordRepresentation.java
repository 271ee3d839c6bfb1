package dev.orgerasure.keycloak.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.keycloak.audit.AuditRecordEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.keycloak.util.JsonSerialization;

/**
 * One audit record as the "Erasure audit" page lists it. The requester's address is a digest
 * (docs/audit.md, "Records"); records written before digests carry the address instead. The page's
 * JSON and the CSV export both read a record through this one mapping.
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

  /** The CSV export's columns, in order: a heading and the cell it holds for a record. */
  static final List<CsvColumn> CSV_COLUMNS =
      List.of(
          new CsvColumn("seq", record -> CsvCells.number(record.seq())),
          new CsvColumn("time", record -> CsvCells.text(record.time())),
          new CsvColumn("event", record -> CsvCells.text(record.event())),
          new CsvColumn("erasure_id", record -> CsvCells.text(record.erasureId())),
          new CsvColumn("realm", record -> CsvCells.text(record.realmName())),
          new CsvColumn("organization_id", record -> CsvCells.text(record.organizationId())),
          new CsvColumn("organization", record -> CsvCells.text(record.organizationName())),
          new CsvColumn("requester_id", record -> CsvCells.text(record.requesterId())),
          new CsvColumn("requester_email", record -> CsvCells.text(record.requesterEmail())),
          new CsvColumn(
              "requester_email_digest", record -> CsvCells.text(record.requesterEmailDigest())),
          new CsvColumn("member_count", record -> CsvCells.number(record.memberCount())),
          new CsvColumn("status", record -> CsvCells.text(record.status())),
          new CsvColumn("counts", record -> CsvCells.text(record.counts().toString())),
          new CsvColumn("leaf_hash", record -> CsvCells.text(record.leafHash())));

  record CsvColumn(String heading, Function<AuditRecordRepresentation, String> cell) {}

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
