package dev.orgerasure.audit.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.audit.log.CanonicalJson;
import dev.orgerasure.audit.log.Hashes;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * What a checkpoint states: the first {@code treeSize} records of the log have the Merkle root
 * {@code rootHash}. {@code previous} is the hash of the checkpoint before it ({@link
 * SignedCheckpoint#hash()}), {@code null} for the log's first, so that checkpoints form a chain
 * that cannot lose a link unnoticed.
 */
public record Checkpoint(
    long treeSize, String rootHash, String time, String previous, String keyId) {

  /** The {@code log} member of every checkpoint: names the log a signature is about. */
  public static final String LOG = "org-erasure-audit";

  private static final ObjectMapper JSON = new ObjectMapper();

  public Checkpoint {
    if (treeSize < 1) {
      throw new IllegalArgumentException("a checkpoint covers at least one record");
    }
    if (!Hashes.isHex(rootHash)) {
      throw new IllegalArgumentException("rootHash is not a SHA-256 hash in lowercase hex");
    }
    if (time == null || !isRfc3339(time)) {
      throw new IllegalArgumentException("time is not an RFC 3339 date-time");
    }
    if (previous != null && !Hashes.isHex(previous)) {
      throw new IllegalArgumentException("previous is neither null nor a SHA-256 hash");
    }
    if (keyId == null || keyId.isEmpty()) {
      throw new IllegalArgumentException("keyId is missing");
    }
  }

  /**
   * The payload as it is signed: RFC 8785, so that the same checkpoint is always the same bytes.
   */
  public String toJson() {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("log", LOG);
    payload.put("treeSize", treeSize);
    payload.put("rootHash", rootHash);
    payload.put("time", time);
    payload.put("previous", previous);
    payload.put("keyId", keyId);
    return CanonicalJson.canonicalize(payload.toString());
  }

  /** Reads a payload; refuses one that is not an audit checkpoint of this log. */
  public static Checkpoint fromJson(String json) {
    JsonNode payload;
    try {
      payload = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (payload == null || !payload.isObject() || !LOG.equals(payload.path("log").asText(null))) {
      throw new IllegalArgumentException("not a checkpoint of the log \"" + LOG + "\"");
    }
    JsonNode treeSize = payload.path("treeSize");
    if (!treeSize.isIntegralNumber() || !treeSize.canConvertToLong()) {
      throw new IllegalArgumentException("treeSize is not an integer");
    }
    JsonNode previous = payload.path("previous");
    if (!previous.isNull() && !previous.isTextual()) {
      throw new IllegalArgumentException("previous is neither null nor a hash");
    }
    return new Checkpoint(
        treeSize.asLong(),
        textOrNull(payload, "rootHash"),
        textOrNull(payload, "time"),
        previous.isNull() ? null : previous.asText(),
        textOrNull(payload, "keyId"));
  }

  /** The root hash as bytes. */
  public byte[] root() {
    return Hashes.fromHex(rootHash);
  }

  private static String textOrNull(JsonNode payload, String member) {
    JsonNode value = payload.path(member);
    return value.isTextual() ? value.asText() : null;
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
