package dev.orgerasure.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One record of the log in its canonical form. Its content is Keycloak's (docs/audit.md lists the
 * fields); the log itself needs only {@code seq}, which places it (leaf index = seq − 1), and
 * {@code time}.
 */
public final class AuditRecord {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final long seq;
  private final String canonicalJson;

  private AuditRecord(long seq, String canonicalJson) {
    this.seq = seq;
    this.canonicalJson = canonicalJson;
  }

  /**
   * Canonicalises a record and checks what the log needs of it.
   *
   * @throws IllegalArgumentException when it is not a JSON object with an integer {@code seq} of at
   *     least 1 and an RFC 3339 {@code time}
   */
  public static AuditRecord parse(String json) {
    String canonical = CanonicalJson.canonicalize(json);
    JsonNode tree;
    try {
      tree = JSON.readTree(canonical);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!tree.isObject()) {
      throw new IllegalArgumentException("a record is a JSON object");
    }
    JsonNode seq = tree.get("seq");
    if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1) {
      throw new IllegalArgumentException("a record needs \"seq\", an integer of at least 1");
    }
    JsonNode time = tree.get("time");
    if (time == null || !time.isTextual() || !isRfc3339(time.asText())) {
      throw new IllegalArgumentException("a record needs \"time\", an RFC 3339 date-time");
    }
    return new AuditRecord(seq.asLong(), canonical);
  }

  public long seq() {
    return seq;
  }

  /** Where the record stands in the Merkle tree. */
  public long leafIndex() {
    return seq - 1;
  }

  /** The RFC 8785 form, exactly as it is hashed and exported. */
  public String canonicalJson() {
    return canonicalJson;
  }

  public byte[] leafHash() {
    return MerkleTree.leafHash(canonicalJson.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isRfc3339(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
