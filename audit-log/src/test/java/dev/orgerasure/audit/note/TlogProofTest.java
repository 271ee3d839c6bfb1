package dev.orgerasure.audit.note;

import static dev.orgerasure.audit.note.PublishedVectors.SPEC_TLOG_PROOF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.audit.AuditLogFixture;
import dev.orgerasure.audit.checkpoint.SignedCheckpoint;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.Hashes;
import dev.orgerasure.audit.log.MerkleTree;
import dev.orgerasure.audit.receipt.Receipt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlogProofTest {

  private static final String ORIGIN = "keycloak.example/org-erasure/audit";
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  @TempDir static Path temp;

  // Built once: no test changes the log, and signing thirty checkpoints takes a while.
  private static AuditLogFixture log;
  private static NoteSigner logKey;
  private static SignedCheckpoint latest;
  private static Receipt receiptOfRecord5;

  @BeforeAll
  static void aLogOfThirtyRecordsAndTheReceiptOfRecordFive() throws Exception {
    log = AuditLogFixture.build(temp, 30);
    logKey = SignedNoteTest.newSigner(ORIGIN);
    latest = log.latestCheckpoint();
    receiptOfRecord5 =
        Receipt.of(
            AuditRecord.parse(log.records.get(4)),
            MerkleTree.inclusionProof(AuditLogFixture.leafHashes(log.records), 4, 30),
            latest);
  }

  @Test
  void theSpecsExampleProofIsReadAndWrittenBackUnchanged() {
    TlogProof proof = TlogProof.parse(SPEC_TLOG_PROOF);

    assertEquals(73894, proof.index());
    assertEquals(5, proof.inclusionProof().size());
    assertArrayEquals(
        Base64.getDecoder().decode("gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ="),
        proof.inclusionProof().get(0));
    assertTrue(
        new String(proof.extraData().orElseThrow(), StandardCharsets.ISO_8859_1)
            .startsWith("age-v1.2.1-darwin-arm64.tar.gz"));
    assertEquals(SPEC_TLOG_PROOF, proof.format());
  }

  @Test
  void theSpecsExampleCheckpointIsReadButItsElidedSignaturesAreNot() {
    String checkpoint = TlogProof.parse(SPEC_TLOG_PROOF).checkpoint();

    TlogCheckpoint body =
        TlogCheckpoint.fromNoteText(checkpoint.substring(0, checkpoint.indexOf("\n\n") + 1));

    assertEquals("example.com/fancylog", body.origin());
    assertEquals(109482, body.treeSize());
    assertThrows(
        IllegalArgumentException.class, () -> TlogProof.parse(SPEC_TLOG_PROOF).checkpointNote());
  }

  @Test
  void proofsAreWrittenExactlyAsGosReferenceImplementationWritesThem() {
    // transparency-dev/formats, proof/tlog_proof_test.go, TestMarshal.
    byte[] h1 = Hashes.sha256("hash1".getBytes(StandardCharsets.UTF_8));
    byte[] h2 = Hashes.sha256("hash2".getBytes(StandardCharsets.UTF_8));
    byte[] extra = "extra information".getBytes(StandardCharsets.UTF_8);
    String h1b64 = BASE64.encodeToString(h1);
    String h2b64 = BASE64.encodeToString(h2);

    assertWrittenAndRead(
        new TlogProof(Optional.empty(), 5, List.of(h1, h2), "test checkpoint\n"),
        "c2sp.org/tlog-proof@v1\nindex 5\n" + h1b64 + "\n" + h2b64 + "\n\ntest checkpoint\n");
    assertWrittenAndRead(
        new TlogProof(Optional.of(extra), 10, List.of(h1), "checkpoint data\n"),
        "c2sp.org/tlog-proof@v1\nextra "
            + BASE64.encodeToString(extra)
            + "\nindex 10\n"
            + h1b64
            + "\n\ncheckpoint data\n");
    assertWrittenAndRead(
        new TlogProof(Optional.empty(), 0, List.of(), "checkpoint\n"),
        "c2sp.org/tlog-proof@v1\nindex 0\n\ncheckpoint\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // transparency-dev/formats, proof/tlog_proof_test.go, TestUnmarshalErrors.
        "wrong-header\nindex 0\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nextra !!notbase64!!\nindex 0\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\n\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex notanumber\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex -5\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex 0\n!!notbase64!!\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex 0\nSIXTY_FOUR_BYTES\n\ncheckpoint\n",
        // And what the spec rules out beyond those.
        "c2sp.org/tlog-proof@v1\nindex 007\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex 0\nextra ZXh0cmE=\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex 0\n\n",
        "c2sp.org/tlog-proof@v1\nindex 0\n"
      })
  void aTextThatIsNotATlogProofIsRefused(String text) {
    String proof = text.replace("SIXTY_FOUR_BYTES", BASE64.encodeToString(new byte[64]));

    assertThrows(IllegalArgumentException.class, () -> TlogProof.parse(proof));
  }

  @Test
  void aReceiptsRecordIsProvenByItsTlogProofWithTheLogsVerifierKeyAlone() throws Exception {
    SignedNote note = TlogCheckpoint.of(ORIGIN, latest.checkpoint()).sign(logKey);
    String written = TlogProof.of(receiptOfRecord5, note).format();

    NoteVerifier logKeyFromText = NoteVerifier.parse(logKey.verifier().verifierKey());
    AuditRecord record = TlogProof.parse(written).verifyRecord(ORIGIN, List.of(logKeyFromText));

    assertEquals(5, record.seq());
    assertEquals(log.records.get(4), record.canonicalJson());
    assertTrue(written.startsWith("c2sp.org/tlog-proof@v1\nextra "), written);
    assertTrue(written.contains("\nindex 4\n"), written);
    assertTrue(written.endsWith("\n\n" + note.format()), written);
  }

  @Test
  void aTlogProofWithAnAlteredRecordDoesNotVerify() {
    TlogProof proof = proofOfRecord5();
    byte[] altered =
        AuditLogFixture.withChangedCount(log.records.get(4)).getBytes(StandardCharsets.UTF_8);
    TlogProof tampered =
        new TlogProof(
            Optional.of(altered), proof.index(), proof.inclusionProof(), proof.checkpoint());

    NoteVerificationException e =
        assertThrows(
            NoteVerificationException.class,
            () -> tampered.verifyRecord(ORIGIN, List.of(logKey.verifier())));
    assertEquals(
        "entry 4 is not included in checkpoint 30: its inclusion proof does not lead to the"
            + " checkpoint's root hash",
        e.getMessage());
  }

  @Test
  void aTlogProofForAnotherIndexThanItsRecordsDoesNotVerify() {
    TlogProof proof = proofOfRecord5();
    TlogProof moved =
        new TlogProof(proof.extraData(), 5, proof.inclusionProof(), proof.checkpoint());

    assertThrows(
        NoteVerificationException.class,
        () -> moved.verifyRecord(ORIGIN, List.of(logKey.verifier())));
  }

  @Test
  void aTlogProofIsCheckedAgainstTheLeafHashTheVerifierComputes() throws Exception {
    TlogProof proof = proofOfRecord5();
    List<NoteVerifier> keys = List.of(logKey.verifier());

    assertEquals(
        30, proof.verify(AuditLogFixture.leafHash(log.records.get(4)), ORIGIN, keys).treeSize());
    assertThrows(
        NoteVerificationException.class,
        () -> proof.verify(AuditLogFixture.leafHash(log.records.get(5)), ORIGIN, keys));
  }

  @Test
  void aTlogProofSignedByAnotherKeyOrForAnotherOriginDoesNotVerify() throws Exception {
    TlogProof proof = proofOfRecord5();
    NoteSigner otherKey = SignedNoteTest.newSigner(ORIGIN);

    assertThrows(
        NoteVerificationException.class,
        () -> proof.verifyRecord(ORIGIN, List.of(otherKey.verifier())));
    assertThrows(
        NoteVerificationException.class,
        () -> proof.verifyRecord("keycloak.example/other", List.of(logKey.verifier())));
  }

  @Test
  void aReceiptIsNotExportedWithTheCheckpointNoteOfAnotherTree() {
    SignedCheckpoint checkpoint29 = AuditLogFixture.verified(log.checkpoints.get(28), log.jwks());
    SignedNote note29 = TlogCheckpoint.of(ORIGIN, checkpoint29.checkpoint()).sign(logKey);

    assertThrows(IllegalArgumentException.class, () -> TlogProof.of(receiptOfRecord5, note29));
  }

  private TlogProof proofOfRecord5() {
    return TlogProof.of(
        receiptOfRecord5, TlogCheckpoint.of(ORIGIN, latest.checkpoint()).sign(logKey));
  }

  private static void assertWrittenAndRead(TlogProof proof, String text) {
    assertEquals(text, proof.format());
    assertEquals(proof, TlogProof.parse(text));
  }
}
