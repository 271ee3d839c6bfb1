package dev.orgerasure.audit.verify;

import static dev.orgerasure.audit.verify.LogVerifierTest.assertFirstProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.audit.AuditLogFixture;
import dev.orgerasure.audit.export.ExportWriter;
import dev.orgerasure.audit.log.MerkleTree;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export file verified offline, with the public keys and, when given, the checkpoint directory.
 */
class ExportVerificationTest {

  @TempDir Path temp;

  private AuditLogFixture log;
  private LogVerifier verifier;

  @BeforeEach
  void writeALogOfThirtyRecords() throws IOException {
    log = AuditLogFixture.build(temp, 30);
    verifier = new LogVerifier(log.jwks());
  }

  @Test
  void aCompleteExportHoldsAgainstItsCheckpointAndTheDirectory() throws IOException {
    Path export = log.writeCompleteExport(temp.resolve("export.jsonl"), log.records);

    VerificationReport report = verifier.verifyExport(export, Optional.of(log.directoryPath));

    assertEquals("30 records, 30 checkpoints, all consistent", report.summary());
  }

  @Test
  void aCompleteExportHoldsWithItsOwnCheckpointAlone() throws IOException {
    Path export = log.writeCompleteExport(temp.resolve("export.jsonl"), log.records);

    VerificationReport report = verifier.verifyExport(export, Optional.empty());

    assertEquals("30 records, 1 checkpoint, all consistent", report.summary());
  }

  @Test
  void aRecordAlteredInTheExportIsNamedWithTheHelpOfTheDirectory() throws IOException {
    Path export = log.writeCompleteExport(temp.resolve("export.jsonl"), log.records);
    List<String> lines = new ArrayList<>(Files.readAllLines(export));
    lines.set(17, "{\"record\":" + AuditLogFixture.withChangedCount(log.records.get(16)) + "}");
    Files.write(export, lines);

    VerificationReport report = verifier.verifyExport(export, Optional.of(log.directoryPath));

    assertFirstProblem(
        report,
        17,
        "record 17 was altered: its hash does not match checkpoint 17 in the checkpoint directory");
  }

  @Test
  void aRecordAlteredInTheExportFailsItsOwnCheckpointAlone() throws IOException {
    Path export = log.writeCompleteExport(temp.resolve("export.jsonl"), log.records);
    List<String> lines = new ArrayList<>(Files.readAllLines(export));
    lines.set(17, "{\"record\":" + AuditLogFixture.withChangedCount(log.records.get(16)) + "}");
    Files.write(export, lines);

    VerificationReport report = verifier.verifyExport(export, Optional.empty());

    assertFirstProblem(
        report,
        1,
        "records 1 to 30 do not match checkpoint 30 in the export: one of them was altered, removed"
            + " or inserted");
  }

  @Test
  void anExportWithoutItsCheckpointLineIsDamaged() throws IOException {
    Path export = log.writeCompleteExport(temp.resolve("export.jsonl"), log.records);
    List<String> lines = Files.readAllLines(export);
    Files.write(export, lines.subList(0, lines.size() - 1));

    VerificationReport report = verifier.verifyExport(export, Optional.empty());

    assertEquals(
        "the export is damaged: line 32: the export ends without its checkpoint line",
        report.summary());
  }

  @Test
  void aSelectionHoldsByTheInclusionProofOfEachRecord() throws IOException {
    Path export = writeSelection(log.records);

    VerificationReport report = verifier.verifyExport(export, Optional.of(log.directoryPath));

    assertTrue(report.ok(), report.summary());
    assertEquals(3, report.recordsChecked());
  }

  @Test
  void aRecordAlteredInASelectionIsNamed() throws IOException {
    List<String> records = new ArrayList<>(log.records);
    Path export = writeSelection(records);
    String text = Files.readString(export);
    Files.writeString(
        export, text.replace(records.get(16), AuditLogFixture.withChangedCount(records.get(16))));

    VerificationReport report = verifier.verifyExport(export, Optional.empty());

    assertFirstProblem(
        report, 17, "record 17 was altered: its inclusion proof does not lead to checkpoint 30");
  }

  /** Records 3, 17 and 29 of the log, each with its inclusion proof in the tree of size 30. */
  private Path writeSelection(List<String> records) throws IOException {
    List<byte[]> leaves = AuditLogFixture.leafHashes(log.records);
    Path file = temp.resolve("selection.jsonl");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      ExportWriter export = ExportWriter.selection(out, log.latestCheckpoint());
      for (int seq : new int[] {3, 17, 29}) {
        export.record(records.get(seq - 1), MerkleTree.inclusionProof(leaves, seq - 1, 30));
      }
      export.finish();
    }
    return file;
  }
}
