package dev.orgerasure.audit.verify;

import static dev.orgerasure.audit.AuditLogFixture.checkpointEach;
import static dev.orgerasure.audit.AuditLogFixture.withChangedCount;
import static dev.orgerasure.audit.AuditLogFixture.withSeq;
import static dev.orgerasure.audit.AuditLogFixture.withStoredHashes;
import static dev.orgerasure.audit.AuditLogFixture.withoutStoredHashes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.audit.AuditLogFixture;
import dev.orgerasure.audit.AuditLogFixture.TestKey;
import dev.orgerasure.audit.verify.VerificationReport.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log as the database holds it, verified against its checkpoints and their external copy. */
class LogVerifierTest {

  @TempDir Path temp;

  private AuditLogFixture log;
  private LogVerifier verifier;

  @BeforeEach
  void writeALogOfThirtyRecords() throws IOException {
    log = AuditLogFixture.build(temp, 30);
    verifier = new LogVerifier(log.jwks());
  }

  @Test
  void anUntouchedLogHolds() throws IOException {
    VerificationReport report = verify(withStoredHashes(log.records), log.checkpoints);

    assertTrue(report.ok(), report.summary());
    assertEquals("30 records, 30 checkpoints, all consistent", report.summary());
  }

  @Test
  void anAlteredRecordIsNamed() throws IOException {
    List<String> records = new ArrayList<>(log.records);
    records.set(16, withChangedCount(records.get(16)));

    VerificationReport report = verify(withoutStoredHashes(records), log.checkpoints);

    assertFirstProblem(report, 17, "record 17 was altered: its hash does not match checkpoint 17");
  }

  @Test
  void anAlteredRecordIsNamedByTheLeafHashStoredWithIt() throws IOException {
    List<LoggedRecord> records = new ArrayList<>(withStoredHashes(log.records));
    String altered = withChangedCount(log.records.get(16));
    records.set(
        16,
        LoggedRecord.withStoredLeafHash(altered, AuditLogFixture.leafHash(log.records.get(16))));

    VerificationReport report = verify(records, log.checkpoints);

    assertFirstProblem(
        report, 17, "record 17 was altered: it does not match the leaf hash stored with it");
  }

  @Test
  void aDeletedRecordIsNamed() throws IOException {
    List<String> records = new ArrayList<>(log.records);
    records.remove(16);

    VerificationReport report = verify(withStoredHashes(records), log.checkpoints);

    assertFirstProblem(report, 17, "record 17 is missing");
  }

  @Test
  void twoRecordsWhoseSeqsWereSwappedAreNamed() throws IOException {
    List<String> records = new ArrayList<>(log.records);
    records.set(16, withSeq(log.records.get(16), 18));
    records.set(17, withSeq(log.records.get(17), 17));

    VerificationReport report = verify(withStoredHashes(records), log.checkpoints);

    assertFirstProblem(report, 17, "record 17 is out of order: it comes after record 18");
  }

  @Test
  void twoRecordsWhoseContentsWereSwappedAreNamed() throws IOException {
    List<String> records = new ArrayList<>(log.records);
    records.set(16, withSeq(log.records.get(17), 17));
    records.set(17, withSeq(log.records.get(16), 18));

    VerificationReport report = verify(withStoredHashes(records), log.checkpoints);

    assertFirstProblem(report, 17, "record 17 was altered: its hash does not match checkpoint 17");
  }

  @Test
  void aTruncatedTailIsNamed() throws IOException {
    VerificationReport report =
        verify(withStoredHashes(log.records.subList(0, 25)), log.checkpoints);

    assertFirstProblem(
        report, 26, "the log ends at record 25 but checkpoint 30 says it holds 30 records");
  }

  @Test
  void aForgedRecordInsertedIntoTheLogIsNamed() throws IOException {
    List<String> records = new ArrayList<>(log.records.subList(0, 16));
    records.add(AuditLogFixture.record(17).replace("Acme Academy", "Forged Org"));
    for (String later : log.records.subList(16, 30)) {
      records.add(withSeq(later, records.size() + 1));
    }

    VerificationReport report = verify(withStoredHashes(records), log.checkpoints);

    assertFirstProblem(report, 17, "record 17 was altered: its hash does not match checkpoint 17");
    assertTrue(descriptions(report).contains("record 31 is not yet covered by a checkpoint"));
  }

  @Test
  void aRecordAppendedWithoutACheckpointIsNamed() throws IOException {
    List<String> records = new ArrayList<>(log.records);
    records.add(AuditLogFixture.record(31));

    VerificationReport report = verify(withStoredHashes(records), log.checkpoints);

    assertFirstProblem(report, 31, "record 31 is not yet covered by a checkpoint");
  }

  @Test
  void aLogRewrittenAndSignedAgainWithAnUntrustedKeyIsNamedByTheDirectory() throws IOException {
    List<String> records = new ArrayList<>(log.records);
    records.set(16, withChangedCount(records.get(16)));
    TestKey intruder = AuditLogFixture.key("intruder");
    List<String> resigned = checkpointEach(records, intruder.signer());

    VerificationReport report = verify(withStoredHashes(records), resigned);

    assertFirstProblem(
        report,
        17,
        "record 17 was altered: its hash does not match checkpoint 17 in the checkpoint directory");
    assertTrue(
        descriptions(report)
            .contains(
                "checkpoint 17 in the database cannot be trusted: it is signed with key"
                    + " 'intruder', which is not among the trusted keys"));
  }

  @Test
  void aLogSignedAgainWithAnImpostorKeyUnderTheTrustedKeyIdFailsWithoutTheDirectory() {
    List<String> records = new ArrayList<>(log.records);
    records.set(16, withChangedCount(records.get(16)));
    List<String> resigned = checkpointEach(records, AuditLogFixture.key("audit-1").signer());

    VerificationReport report =
        verifier.verify(
            withStoredHashes(records).iterator(), CheckpointEvidence.database(resigned));

    assertFalse(report.ok());
    assertEquals(
        "checkpoint 1 in the database cannot be trusted: its signature does not verify with the"
            + " trusted key 'audit-1'",
        report.firstProblem().orElseThrow().description());
  }

  @Test
  void aRewrittenTableWhoseCheckpointsWereDroppedDisagreesWithTheDirectory() throws IOException {
    List<String> records = new ArrayList<>(log.records);
    records.set(16, withChangedCount(records.get(16)));

    VerificationReport report = verify(withStoredHashes(records), List.of());

    assertFirstProblem(
        report,
        17,
        "record 17 was altered: its hash does not match checkpoint 17 in the checkpoint directory");
    assertTrue(
        descriptions(report)
            .contains("checkpoint 30 is in the checkpoint directory but not in the database"));
  }

  @Test
  void aRewriteSignedWithTheRealKeyStillDisagreesWithTheDirectory() throws IOException {
    List<String> records = new ArrayList<>(log.records);
    records.set(16, withChangedCount(records.get(16)));
    List<String> resigned = checkpointEach(records, log.key.signer());

    VerificationReport report = verify(withStoredHashes(records), resigned);

    assertFirstProblem(
        report,
        17,
        "record 17 was altered: its hash does not match checkpoint 17 in the checkpoint directory");
    assertTrue(
        descriptions(report)
            .contains(
                "checkpoint 17 in the database differs from checkpoint 17 in the checkpoint"
                    + " directory"));
  }

  @Test
  void aCheckpointDroppedFromTheDatabaseBreaksItsChain() throws IOException {
    List<String> checkpoints = new ArrayList<>(log.checkpoints);
    checkpoints.remove(9);

    VerificationReport report = verify(withStoredHashes(log.records), checkpoints);

    assertEquals(
        List.of(
            "checkpoint 11 in the database does not follow checkpoint 9: it names another"
                + " checkpoint as the one before it",
            "checkpoint 10 is in the checkpoint directory but not in the database"),
        descriptions(report));
  }

  @Test
  void aCheckpointMissingFromTheDirectoryIsReported() throws IOException {
    VerificationReport report =
        verifier.verify(
            withStoredHashes(log.records).iterator(),
            CheckpointEvidence.database(log.checkpoints)
                .withDirectory(log.checkpoints.subList(0, 29)));

    assertEquals(
        List.of("checkpoint 30 is in the database but not in the checkpoint directory"),
        descriptions(report));
  }

  @Test
  void checkpointsInAnyOrderFromTheDatabaseAreChainedByTreeSize() throws IOException {
    List<String> shuffled = new ArrayList<>(log.checkpoints);
    Collections.reverse(shuffled);

    assertTrue(verify(withStoredHashes(log.records), shuffled).ok());
  }

  private VerificationReport verify(List<LoggedRecord> records, List<String> databaseCheckpoints)
      throws IOException {
    return verifier.verify(
        records.iterator(),
        CheckpointEvidence.database(databaseCheckpoints).withDirectory(log.directory.readAll()));
  }

  static void assertFirstProblem(VerificationReport report, long seq, String description) {
    assertFalse(report.ok(), "the report holds");
    Problem first = report.firstProblem().orElseThrow();
    assertEquals(description, first.description(), () -> String.join("\n", descriptions(report)));
    assertEquals(seq, first.seq().orElseThrow());
  }

  static List<String> descriptions(VerificationReport report) {
    return report.problems().stream().map(Problem::description).toList();
  }
}
