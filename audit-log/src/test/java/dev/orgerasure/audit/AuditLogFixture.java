package dev.orgerasure.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.orgerasure.audit.checkpoint.AuditKey;
import dev.orgerasure.audit.checkpoint.CheckpointDirectory;
import dev.orgerasure.audit.checkpoint.CheckpointSigner;
import dev.orgerasure.audit.checkpoint.SignedCheckpoint;
import dev.orgerasure.audit.export.ExportWriter;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.CompactRange;
import dev.orgerasure.audit.log.MerkleTree;
import dev.orgerasure.audit.verify.LoggedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A log as Keycloak would write it: records of erasures, a checkpoint after each record, kept in
 * the "database" (lists) and in an external checkpoint directory.
 */
public final class AuditLogFixture {

  public static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] EVENTS = {
    "REQUESTED", "LOCKED_OUT", "HANDED_OVER", "APP_DATA_PURGED", "IDENTITIES_DELETED", "COMPLETED"
  };

  /** A signing key and the public JWK a verifier is given for it. */
  public record TestKey(AuditKey auditKey, ECKey publicJwk) {
    public CheckpointSigner signer() {
      return new CheckpointSigner(auditKey);
    }

    public JWKSet jwks() {
      return new JWKSet(publicJwk);
    }
  }

  public final TestKey key;
  public final List<String> records;
  public final List<String> checkpoints;
  public final CheckpointDirectory directory;
  public final Path directoryPath;

  private AuditLogFixture(
      TestKey key, List<String> records, List<String> checkpoints, Path directoryPath) {
    this.key = key;
    this.records = records;
    this.checkpoints = checkpoints;
    this.directoryPath = directoryPath;
    this.directory = new CheckpointDirectory(directoryPath);
  }

  /** A log of {@code count} records, with the checkpoint directory under {@code temp}. */
  public static AuditLogFixture build(Path temp, int count) throws IOException {
    TestKey key = key("audit-1");
    List<String> records = new ArrayList<>();
    for (int seq = 1; seq <= count; seq++) {
      records.add(record(seq));
    }
    List<String> checkpoints = checkpointEach(records, key.signer());
    Path directoryPath = temp.resolve("checkpoints");
    CheckpointDirectory directory = new CheckpointDirectory(directoryPath);
    for (String jws : checkpoints) {
      directory.write(verified(jws, key.jwks()));
    }
    return new AuditLogFixture(key, records, checkpoints, directoryPath);
  }

  public static TestKey key(String keyId) {
    try {
      ECKey pair = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
      return new TestKey(new AuditKey(keyId, pair.toECPrivateKey()), pair.toPublicJWK());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Record {@code seq} of a made-up erasure, with the fields Keycloak writes (docs/audit.md). */
  public static String record(long seq) {
    ObjectNode record = JSON.createObjectNode();
    record.put("seq", seq);
    record.put("time", START.plusSeconds(seq).toString());
    String event = EVENTS[(int) ((seq - 1) % EVENTS.length)];
    record.put("event", event);
    record.put("erasureId", "erasure-" + ((seq - 1) / EVENTS.length + 1));
    record.putObject("realm").put("id", "realm-1").put("name", "learning");
    record
        .putObject("tenant")
        .put("kind", "ORGANIZATION")
        .put("id", "org-" + seq)
        .put("name", "Acme Academy");
    record.putObject("requester").put("id", "user-1").put("email", "admin@acme.test");
    record.put("memberCount", 50);
    record.putObject("counts").put("usersDeleted", 48).put("usersKept", 2);
    record.put("status", event);
    record.put("keyId", "audit-1");
    return AuditRecord.parse(record.toString()).canonicalJson();
  }

  /** The record with one count changed: the smallest alteration there is. */
  public static String withChangedCount(String recordJson) {
    try {
      ObjectNode record = (ObjectNode) JSON.readTree(recordJson);
      ObjectNode counts = (ObjectNode) record.get("counts");
      counts.put("usersDeleted", counts.get("usersDeleted").asInt() - 1);
      return AuditRecord.parse(record.toString()).canonicalJson();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record with another seq, as someone renumbering the log would write it. */
  public static String withSeq(String recordJson, long seq) {
    try {
      ObjectNode record = (ObjectNode) JSON.readTree(recordJson);
      record.put("seq", seq);
      return AuditRecord.parse(record.toString()).canonicalJson();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A checkpoint after each record, chained, as the writer makes them. */
  public static List<String> checkpointEach(List<String> records, CheckpointSigner signer) {
    CompactRange tree = new CompactRange();
    List<String> checkpoints = new ArrayList<>();
    Optional<String> previous = Optional.empty();
    for (String record : records) {
      tree.append(leafHash(record));
      SignedCheckpoint checkpoint =
          signer.sign(tree.size(), tree.root(), START.plusSeconds(tree.size()), previous);
      checkpoints.add(checkpoint.jws());
      previous = Optional.of(checkpoint.jws());
    }
    return checkpoints;
  }

  public static byte[] leafHash(String record) {
    return MerkleTree.leafHash(record.getBytes(StandardCharsets.UTF_8));
  }

  public static List<byte[]> leafHashes(List<String> records) {
    return records.stream().map(AuditLogFixture::leafHash).toList();
  }

  /** The records as the database holds them, each with the leaf hash computed when written. */
  public static List<LoggedRecord> withStoredHashes(List<String> records) {
    return records.stream()
        .map(record -> LoggedRecord.withStoredLeafHash(record, leafHash(record)))
        .toList();
  }

  public static List<LoggedRecord> withoutStoredHashes(List<String> records) {
    return records.stream().map(LoggedRecord::of).toList();
  }

  public JWKSet jwks() {
    return key.jwks();
  }

  public SignedCheckpoint latestCheckpoint() {
    return verified(checkpoints.get(checkpoints.size() - 1), jwks());
  }

  /** A complete export of the records, ending with the latest checkpoint. */
  public Path writeCompleteExport(Path file, List<String> exportedRecords) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      ExportWriter export = ExportWriter.complete(out, latestCheckpoint());
      for (String record : exportedRecords) {
        export.record(record);
      }
      export.finish();
    }
    return file;
  }

  public static SignedCheckpoint verified(String jws, JWKSet keys) {
    try {
      return SignedCheckpoint.verify(jws, keys);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
