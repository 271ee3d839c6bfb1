package dev.orgerasure.audit.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.audit.checkpoint.SignedCheckpoint;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.Hashes;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof, for whoever was given it, that one record is in the log: the record, its inclusion proof
 * and the signed checkpoint whose tree includes it. It verifies offline with the public keys alone.
 *
 * @param recordJson the record in canonical form
 */
public record Receipt(String recordJson, List<byte[]> inclusionProof, String checkpointJws) {

  /** The {@code format} member of a receipt. */
  public static final String FORMAT = "org-erasure-receipt/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  public Receipt {
    inclusionProof = List.copyOf(inclusionProof);
  }

  public static Receipt of(
      AuditRecord record, List<byte[]> inclusionProof, SignedCheckpoint checkpoint) {
    return new Receipt(record.canonicalJson(), inclusionProof, checkpoint.jws());
  }

  /** The receipt document, one line of JSON. */
  public String toJson() {
    StringBuilder json = new StringBuilder("{\"format\":\"").append(FORMAT).append('"');
    json.append(",\"record\":").append(recordJson).append(",\"inclusionProof\":[");
    for (int i = 0; i < inclusionProof.size(); i++) {
      json.append(i == 0 ? "\"" : ",\"").append(Hashes.toHex(inclusionProof.get(i))).append('"');
    }
    return json.append("],\"checkpoint\":\"").append(checkpointJws).append("\"}").toString();
  }

  /**
   * Reads a receipt document; the record and checkpoint in it are not checked yet.
   *
   * @throws IllegalArgumentException when it is not a receipt
   */
  public static Receipt parse(String json) {
    JsonNode receipt;
    try {
      receipt = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (receipt == null || !FORMAT.equals(receipt.path("format").asText(null))) {
      throw new IllegalArgumentException("not an " + FORMAT + " receipt");
    }
    JsonNode record = receipt.path("record");
    JsonNode proof = receipt.path("inclusionProof");
    JsonNode checkpoint = receipt.path("checkpoint");
    if (!record.isObject() || !proof.isArray() || !checkpoint.isTextual()) {
      throw new IllegalArgumentException(
          "a receipt has a record object, an inclusionProof list and a checkpoint string");
    }
    List<byte[]> hashes = new ArrayList<>();
    for (JsonNode hash : proof) {
      hashes.add(Hashes.fromHex(hash.asText(null)));
    }
    return new Receipt(record.toString(), hashes, checkpoint.asText());
  }
}
