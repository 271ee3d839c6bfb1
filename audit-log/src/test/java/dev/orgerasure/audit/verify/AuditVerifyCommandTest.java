package dev.orgerasure.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.audit.AuditLogFixture;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.MerkleTree;
import dev.orgerasure.audit.receipt.Receipt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyCommandTest {

  @TempDir Path temp;

  private AuditLogFixture log;
  private Path export;
  private Path keys;
  private Path receipt;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeEach
  void exportALogOfThirtyRecords() throws IOException {
    log = AuditLogFixture.build(temp, 30);
    export = log.writeCompleteExport(temp.resolve("export.jsonl"), log.records);
    keys = Files.writeString(temp.resolve("jwks.json"), log.jwks().toString(true));
    receipt =
        Files.writeString(
            temp.resolve("receipt.json"),
            Receipt.of(
                    AuditRecord.parse(log.records.get(4)),
                    MerkleTree.inclusionProof(AuditLogFixture.leafHashes(log.records), 4, 30),
                    log.latestCheckpoint())
                .toJson());
  }

  @Test
  void anExportAndAReceiptThatHoldExitWithZero() {
    int code =
        run(
            export.toString(),
            "--keys",
            keys.toString(),
            "--checkpoints",
            log.directoryPath.toString(),
            "--receipt",
            receipt.toString());

    assertEquals(0, code, output());
    assertTrue(output().contains("30 records, 30 checkpoints, all consistent"), output());
    assertTrue(output().contains("1 record, 1 checkpoint, all consistent"), output());
    assertTrue(output().endsWith("Everything holds." + System.lineSeparator()), output());
  }

  @Test
  void anAlteredExportExitsWithOneAndNamesTheRecord() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(export));
    lines.set(17, "{\"record\":" + AuditLogFixture.withChangedCount(log.records.get(16)) + "}");
    Files.write(export, lines);

    int code =
        run(
            export.toString(),
            "--keys",
            keys.toString(),
            "--checkpoints",
            log.directoryPath.toString());

    assertEquals(1, code, output());
    assertTrue(
        output()
            .contains(
                "first problem: record 17 was altered: its hash does not match checkpoint 17 in the"
                    + " checkpoint directory"),
        output());
  }

  @Test
  void aReceiptAloneCanBeVerified() {
    assertEquals(0, run("--keys", keys.toString(), "--receipt", receipt.toString()), output());
  }

  @Test
  void withoutKeysItCannotCheckAndExitsWithTwo() {
    assertEquals(2, run(export.toString()), output());
    assertTrue(output().contains("--keys is required"), output());
  }

  @Test
  void anUnknownOptionExitsWithTwo() {
    assertEquals(2, run(export.toString(), "--keys", keys.toString(), "--fast"), output());
  }

  @Test
  void anExportThatCannotBeReadExitsWithTwo() {
    assertEquals(
        2, run(temp.resolve("absent.jsonl").toString(), "--keys", keys.toString()), output());
  }

  private int run(String... args) {
    return AuditVerifyCommand.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
