package dev.orgerasure.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.audit.AuditLogFixture;
import dev.orgerasure.audit.checkpoint.Checkpoint;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.MerkleTree;
import dev.orgerasure.audit.note.NoteSigner;
import dev.orgerasure.audit.note.PublishedVectors;
import dev.orgerasure.audit.note.SignedNote;
import dev.orgerasure.audit.note.TlogCheckpoint;
import dev.orgerasure.audit.note.TlogProof;
import dev.orgerasure.audit.receipt.Receipt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyCommandTest {

  private static final String ORIGIN = "keycloak.example/org-erasure/audit";

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

  @Test
  void aCheckpointNoteThatHoldsExitsWithZeroAndSaysWhatItStates() throws Exception {
    NoteSigner logKey = noteSigner();
    Path note = writeNote(logKey, log.latestCheckpoint().checkpoint());

    int code = run("--note", note.toString(), "--note-key", logKey.verifier().verifierKey());

    assertEquals(0, code, output());
    assertTrue(
        output()
            .contains(
                "the first 30 records of \""
                    + ORIGIN
                    + "\" have the root hash "
                    + log.latestCheckpoint().checkpoint().rootHash()),
        output());
    assertTrue(output().contains("signed by " + logKey.verifier().keyHandle()), output());
    assertTrue(output().endsWith("Everything holds." + System.lineSeparator()), output());
  }

  @Test
  void aCheckpointNoteWithAChangedByteExitsWithOne() throws Exception {
    NoteSigner logKey = noteSigner();
    Path note = writeNote(logKey, log.latestCheckpoint().checkpoint());
    Files.writeString(note, Files.readString(note).replace("\n30\n", "\n31\n"));

    int code = run("--note", note.toString(), "--note-key", logKey.verifier().verifierKey());

    assertEquals(1, code, output());
    assertTrue(
        output()
            .contains(
                "the checkpoint note cannot be trusted: its signature by "
                    + logKey.verifier().keyHandle()
                    + " does not verify"),
        output());
    assertTrue(output().endsWith("A PROBLEM WAS FOUND." + System.lineSeparator()), output());
  }

  @Test
  void aCheckpointNoteOfAnotherKeyExitsWithOne() throws Exception {
    Path note = writeNote(noteSigner(), log.latestCheckpoint().checkpoint());

    int code = run("--note", note.toString(), "--note-key", noteSigner().verifier().verifierKey());

    assertEquals(1, code, output());
    assertTrue(output().contains("none of its signatures is by a trusted key"), output());
  }

  @Test
  void aDamagedCheckpointNoteExitsWithOne() throws Exception {
    Path note = Files.writeString(temp.resolve("checkpoint.note"), "not a note\n");

    int code = run("--note", note.toString(), "--note-key", noteSigner().verifier().verifierKey());

    assertEquals(1, code, output());
    assertTrue(output().contains("the checkpoint note is damaged"), output());
  }

  @Test
  void aPublishedCheckpointVerifiesWithItsPublishedKeyAndOrigin() throws Exception {
    Path note = Files.writeString(temp.resolve("sumdb.note"), PublishedVectors.SUMDB_CHECKPOINT);

    int code =
        run(
            "--note",
            note.toString(),
            "--note-key",
            PublishedVectors.SUMDB_VERIFIER_KEY,
            "--origin",
            "go.sum database tree");

    assertEquals(0, code, output());
    assertTrue(
        output().contains("the first 6476701 records of \"go.sum database tree\""), output());
  }

  @Test
  void byDefaultTheCheckpointsOriginIsTheKeysName() throws Exception {
    Path note = Files.writeString(temp.resolve("sumdb.note"), PublishedVectors.SUMDB_CHECKPOINT);

    int code = run("--note", note.toString(), "--note-key", PublishedVectors.SUMDB_VERIFIER_KEY);

    assertEquals(1, code, output());
    assertTrue(
        output()
            .contains("it is a checkpoint of \"go.sum database tree\", not of \"sum.golang.org\""),
        output());
  }

  @Test
  void aTlogProofOfARecordThatHoldsExitsWithZero() throws Exception {
    NoteSigner logKey = noteSigner();
    SignedNote note = TlogCheckpoint.of(ORIGIN, log.latestCheckpoint().checkpoint()).sign(logKey);
    Path proof =
        Files.writeString(
            temp.resolve("record-5.tlog-proof"),
            TlogProof.of(Receipt.parse(Files.readString(receipt)), note).format());

    int code = run("--tlog-proof", proof.toString(), "--note-key", logKey.verifier().verifierKey());

    assertEquals(0, code, output());
    assertTrue(output().contains("record 5 is included in checkpoint 30"), output());
  }

  @Test
  void aTlogProofWithAnAlteredRecordExitsWithOne() throws Exception {
    NoteSigner logKey = noteSigner();
    SignedNote note = TlogCheckpoint.of(ORIGIN, log.latestCheckpoint().checkpoint()).sign(logKey);
    TlogProof proof = TlogProof.of(Receipt.parse(Files.readString(receipt)), note);
    TlogProof altered =
        new TlogProof(
            Optional.of(
                AuditLogFixture.withChangedCount(log.records.get(4))
                    .getBytes(StandardCharsets.UTF_8)),
            proof.index(),
            proof.inclusionProof(),
            proof.checkpoint());
    Path file = Files.writeString(temp.resolve("altered.tlog-proof"), altered.format());

    int code = run("--tlog-proof", file.toString(), "--note-key", logKey.verifier().verifierKey());

    assertEquals(1, code, output());
    assertTrue(output().contains("entry 4 is not included in checkpoint 30"), output());
  }

  @Test
  void aNoteWithoutANoteKeyExitsWithTwo() throws Exception {
    Path note = writeNote(noteSigner(), log.latestCheckpoint().checkpoint());

    assertEquals(2, run("--note", note.toString()), output());
    assertTrue(output().contains("--note-key is required"), output());
  }

  @Test
  void aNoteKeyThatCannotBeReadExitsWithTwo() throws Exception {
    Path note = writeNote(noteSigner(), log.latestCheckpoint().checkpoint());

    assertEquals(
        2, run("--note", note.toString(), "--note-key", "example.com/log+00000000+AAAA"), output());
    assertTrue(output().contains("Cannot read the note key"), output());
  }

  @Test
  void aNoteThatCannotBeReadExitsWithTwo() throws Exception {
    String key = noteSigner().verifier().verifierKey();

    assertEquals(
        2, run("--note", temp.resolve("absent.note").toString(), "--note-key", key), output());
  }

  private Path writeNote(NoteSigner logKey, Checkpoint checkpoint) throws IOException {
    return Files.writeString(
        temp.resolve("checkpoint.note"),
        TlogCheckpoint.of(ORIGIN, checkpoint).sign(logKey).format());
  }

  private static NoteSigner noteSigner() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    return new NoteSigner(ORIGIN, keys.getPrivate(), keys.getPublic());
  }

  private int run(String... args) {
    return AuditVerifyCommand.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
