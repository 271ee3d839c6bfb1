package dev.orgerasure.audit.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orgerasure.audit.AuditLogFixture;
import dev.orgerasure.audit.log.MerkleTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFormatTest {

  @TempDir Path temp;

  private AuditLogFixture log;

  @BeforeEach
  void writeALogOfThreeRecords() throws IOException {
    log = AuditLogFixture.build(temp, 3);
  }

  @Test
  void aCompleteExportIsTheHeaderOneLinePerRecordAndTheCheckpoint() throws IOException {
    StringWriter out = new StringWriter();
    ExportWriter export = ExportWriter.complete(out, log.latestCheckpoint());
    for (String record : log.records) {
      export.record(record);
    }
    export.finish();

    assertEquals(
        List.of(
            "{\"format\":\"org-erasure-audit-export/1\",\"treeSize\":3,\"complete\":true}",
            "{\"record\":" + log.records.get(0) + "}",
            "{\"record\":" + log.records.get(1) + "}",
            "{\"record\":" + log.records.get(2) + "}",
            "{\"checkpoint\":\"" + log.checkpoints.get(2) + "\"}"),
        out.toString().lines().toList());
  }

  @Test
  void aSelectionIsReadBackWithItsInclusionProofs() throws IOException {
    List<byte[]> proof = MerkleTree.inclusionProof(AuditLogFixture.leafHashes(log.records), 1, 3);
    StringWriter out = new StringWriter();
    ExportWriter export = ExportWriter.selection(out, log.latestCheckpoint());
    export.record(log.records.get(1), proof);
    export.finish();

    try (ExportReader reader =
        new ExportReader(new BufferedReader(new StringReader(out.toString())))) {
      assertEquals(new ExportHeader(3, false), reader.header());
      ExportedRecord record = reader.next();
      assertEquals(log.records.get(1), record.json());
      assertEquals(proof.size(), record.inclusionProof().size());
      assertArrayEquals(proof.get(0), record.inclusionProof().get(0));
      assertFalse(reader.hasNext());
      assertEquals(log.checkpoints.get(2), reader.checkpoint());
    }
  }

  @Test
  void aCompleteExportRefusesARecordOutOfSeqOrder() throws IOException {
    ExportWriter export = ExportWriter.complete(new StringWriter(), log.latestCheckpoint());
    export.record(log.records.get(0));

    assertThrows(IllegalArgumentException.class, () -> export.record(log.records.get(2)));
  }

  @Test
  void aCompleteExportIsNotFinishedBeforeItsLastRecord() throws IOException {
    ExportWriter export = ExportWriter.complete(new StringWriter(), log.latestCheckpoint());
    export.record(log.records.get(0));

    assertThrows(IllegalStateException.class, export::finish);
  }

  @Test
  void aFileWithoutTheExportHeaderIsRefused() {
    assertThrows(
        ExportFormatException.class,
        () -> new ExportReader(new BufferedReader(new StringReader("{\"record\":{}}\n"))));
  }
}
