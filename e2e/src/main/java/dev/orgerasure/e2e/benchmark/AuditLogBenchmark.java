package dev.orgerasure.e2e.benchmark;

import dev.orgerasure.audit.checkpoint.AuditKeyStore;
import dev.orgerasure.audit.checkpoint.CheckpointSigner;
import dev.orgerasure.audit.checkpoint.SignedCheckpoint;
import dev.orgerasure.audit.log.CanonicalJson;
import dev.orgerasure.audit.log.CompactRange;
import dev.orgerasure.audit.log.MerkleTree;
import dev.orgerasure.audit.verify.CheckpointEvidence;
import dev.orgerasure.audit.verify.LogVerifier;
import dev.orgerasure.audit.verify.LoggedRecord;
import dev.orgerasure.audit.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's own cost, without servers: appending a record as Keycloak does (canonical form,
 * leaf hash, compact range, one signed checkpoint per append) and verifying the whole log as the
 * Verify button and the offline verifier do. Prints a table and writes it to {@code
 * target/benchmarks/audit-log.txt}. Run: {@code ./mvnw -Pbenchmark verify -DskipTests}.
 */
public final class AuditLogBenchmark {

  private static final int[] SIZES = {1_000, 10_000, 50_000};

  private AuditLogBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path output =
        Path.of(
            System.getProperty(
                "erasure.benchmark.audit-output", "target/benchmarks/audit-log.txt"));
    Path keystore = Files.createTempDirectory("audit-benchmark").resolve("keys.p12");
    char[] password = "benchmark".toCharArray();
    AuditKeyStore.generate(keystore, password, "bench-1");
    AuditKeyStore keys = AuditKeyStore.load(keystore, password, "bench-1");
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "%-9s | %14s | %14s | %16s%n",
            "records", "append ms", "appends/s", "verify records/s"));
    for (int size : SIZES) {
      List<String> records = new ArrayList<>(size);
      List<String> checkpoints = new ArrayList<>(size);
      CheckpointSigner signer = keys.signer();
      CompactRange tree = new CompactRange();
      String previous = null;
      long appendStart = System.nanoTime();
      for (int seq = 1; seq <= size; seq++) {
        String json = CanonicalJson.canonicalize(record(seq));
        tree.append(MerkleTree.leafHash(CanonicalJson.canonicalBytes(json)));
        SignedCheckpoint checkpoint =
            signer.sign(tree.size(), tree.root(), Instant.now(), Optional.ofNullable(previous));
        previous = checkpoint.jws();
        records.add(json);
        checkpoints.add(checkpoint.jws());
      }
      double appendMillis = (System.nanoTime() - appendStart) / 1e6;
      long verifyStart = System.nanoTime();
      VerificationReport report =
          new LogVerifier(keys.jwks())
              .verify(
                  records.stream().map(LoggedRecord::of).iterator(),
                  CheckpointEvidence.database(checkpoints));
      double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
      if (!report.ok()) {
        throw new IllegalStateException("the benchmark's own log does not verify: " + report);
      }
      table.append(
          String.format(
              "%-9d | %14.0f | %14.0f | %16.0f%n",
              size, appendMillis, size / (appendMillis / 1000), size / verifySeconds));
    }
    table.append("(one JVM, one thread, one checkpoint per append; 2 shared cores are noisy)\n");
    System.out.print(table);
    Files.createDirectories(output.getParent());
    Files.writeString(output, table);
  }

  /** A completion record of the size Keycloak writes. */
  private static String record(int seq) {
    return "{\"seq\":"
        + seq
        + ",\"time\":\"2026-11-26T10:00:00Z\",\"event\":\"COMPLETED\","
        + "\"erasureId\":\"0b6f9c1e-5d7a-4a53-9d0e-2f1f6a3c8e11\","
        + "\"realm\":{\"id\":\"5e2c7c44-1b8e-4f6e-a7a9-0d3f0d2b9a10\",\"name\":\"learning\"},"
        + "\"tenant\":{\"kind\":\"organization\",\"id\":\"5e2c7c44-1b8e-4f6e-a7a9-0d3f0d2b9a11\","
        + "\"name\":\"Acme Academy\"},\"requester\":{\"id\":\"5e2c7c44-1b8e-4f6e-a7a9-0d3f0d2b9a12\","
        + "\"email\":\"realm-admin@learning.example\"},\"memberCount\":50,"
        + "\"counts\":{\"membersLocked\":50,\"identitiesDeleted\":50,\"appData\":{\"tables\":"
        + "[{\"table\":\"progress\",\"category\":\"Progress\",\"personalData\":true,\"rows\":120}],"
        + "\"files\":{\"deleted\":6,\"failed\":0}}},\"status\":\"COMPLETED\",\"keyId\":\"bench-1\"}";
  }
}
