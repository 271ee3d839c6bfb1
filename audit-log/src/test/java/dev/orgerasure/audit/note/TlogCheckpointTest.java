package dev.orgerasure.audit.note;

import static dev.orgerasure.audit.note.PublishedVectors.SPEC_CHECKPOINT;
import static dev.orgerasure.audit.note.PublishedVectors.SUMDB_CHECKPOINT;
import static dev.orgerasure.audit.note.PublishedVectors.SUMDB_VERIFIER_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.audit.checkpoint.Checkpoint;
import dev.orgerasure.audit.log.Hashes;
import dev.orgerasure.audit.log.MerkleTree;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlogCheckpointTest {

  private static final String ORIGIN = "keycloak.example/org-erasure/audit";
  private static final NoteVerifier SUMDB = NoteVerifier.parse(SUMDB_VERIFIER_KEY);
  private static final byte[] ROOT = Hashes.sha256(new byte[] {42});
  private static final Checkpoint JWS_CHECKPOINT =
      new Checkpoint(30, Hashes.toHex(ROOT), "2025-03-01T10:00:30Z", null, "audit-1");

  @Test
  void theSpecsExampleCheckpointIsRead() {
    SignedNote note = SignedNote.parse(SPEC_CHECKPOINT);

    TlogCheckpoint checkpoint = TlogCheckpoint.fromNoteText(note.text());

    assertEquals("example.com/behind-the-sofa", checkpoint.origin());
    assertEquals(20852163, checkpoint.treeSize());
    assertArrayEquals(
        Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="),
        checkpoint.rootHash());
    assertEquals(List.of(), checkpoint.extensionLines());
    assertEquals(note.text(), checkpoint.toNoteText());
    assertEquals("example.com/behind-the-sofa", note.signatures().get(0).keyName());
  }

  @Test
  void aCheckpointOfTheGoChecksumDatabaseVerifiesWithItsPublishedKey() throws Exception {
    TlogCheckpoint checkpoint =
        TlogCheckpoint.verify(
            SignedNote.parse(SUMDB_CHECKPOINT), "go.sum database tree", List.of(SUMDB));

    assertEquals("go.sum database tree", checkpoint.origin());
    assertEquals(6476701, checkpoint.treeSize());
    assertEquals(
        "mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=", checkpoint.toNoteText().split("\n")[2]);
  }

  @Test
  void theSpecsExampleIsAChecksumDatabaseCheckpointWithItsOriginAndKeyNameRenamed()
      throws Exception {
    // The example's key ID is sum.golang.org's (033de0ae): the example was made from one of its
    // checkpoints by renaming. As printed it verifies with no published key; with the original
    // origin and key name back, the unchanged signature verifies: a second real checkpoint.
    SignedNote asPrinted = SignedNote.parse(SPEC_CHECKPOINT);
    SignedNote original =
        SignedNote.parse(
            SPEC_CHECKPOINT
                .replace("example.com/behind-the-sofa\n", "go.sum database tree\n")
                .replace("\u2014 example.com/behind-the-sofa ", "\u2014 sum.golang.org "));

    assertEquals(0x033de0ae, asPrinted.signatures().get(0).keyId());
    assertThrows(NoteVerificationException.class, () -> asPrinted.verify(List.of(SUMDB)));
    assertEquals(
        20852163,
        TlogCheckpoint.verify(original, "go.sum database tree", List.of(SUMDB)).treeSize());
  }

  @Test
  void aCheckpointOfAnotherOriginIsRefusedThoughItsSignatureVerifies() {
    SignedNote note = SignedNote.parse(SUMDB_CHECKPOINT);

    NoteVerificationException e =
        assertThrows(
            NoteVerificationException.class,
            () -> TlogCheckpoint.verify(note, "sum.golang.org", List.of(SUMDB)));
    assertEquals(
        "it is a checkpoint of \"go.sum database tree\", not of \"sum.golang.org\"",
        e.getMessage());
  }

  @Test
  void aCheckpointWithAChangedTreeSizeDoesNotVerify() {
    SignedNote changed = SignedNote.parse(SUMDB_CHECKPOINT.replace("\n6476701\n", "\n6476702\n"));

    assertThrows(
        NoteVerificationException.class,
        () -> TlogCheckpoint.verify(changed, "go.sum database tree", List.of(SUMDB)));
  }

  @Test
  void theNoteOfAJwsCheckpointStatesTheSameTreeSizeAndRootHash() {
    TlogCheckpoint checkpoint = TlogCheckpoint.of(ORIGIN, JWS_CHECKPOINT);

    assertEquals(
        ORIGIN + "\n30\n" + Base64.getEncoder().encodeToString(ROOT) + "\n",
        checkpoint.toNoteText());
    assertTrue(checkpoint.matches(JWS_CHECKPOINT));
    assertFalse(
        checkpoint.matches(
            new Checkpoint(31, Hashes.toHex(ROOT), "2025-03-01T10:00:31Z", null, "audit-1")));
  }

  @Test
  void aSignedCheckpointNoteVerifiesAfterItsTextIsWrittenAndReadBack() throws Exception {
    NoteSigner logKey = SignedNoteTest.newSigner(ORIGIN);

    String written = TlogCheckpoint.of(ORIGIN, JWS_CHECKPOINT).sign(logKey).format();
    TlogCheckpoint read =
        TlogCheckpoint.verify(SignedNote.parse(written), ORIGIN, List.of(logKey.verifier()));

    assertEquals(TlogCheckpoint.of(ORIGIN, JWS_CHECKPOINT), read);
    assertTrue(read.matches(JWS_CHECKPOINT));
  }

  @Test
  void theRootOfTheEmptyTreeHasTreeSizeZero() {
    String text =
        "example.com/log\n0\n" + Base64.getEncoder().encodeToString(MerkleTree.emptyRoot()) + "\n";

    assertEquals(0, TlogCheckpoint.fromNoteText(text).treeSize());
  }

  @Test
  void extensionLinesAreKeptInOrder() {
    String text =
        "example.com/log\n7\n" + Base64.getEncoder().encodeToString(ROOT) + "\nfirst\nsecond\n";

    TlogCheckpoint checkpoint = TlogCheckpoint.fromNoteText(text);

    assertEquals(List.of("first", "second"), checkpoint.extensionLines());
    assertEquals(text, checkpoint.toNoteText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "go.sum database tree", "example.com/a+b", "tab\there"})
  void anOriginThatIsNotASchemaLessUrlWithoutSpacesOrPlusIsNotOneThisLogWrites(String origin) {
    assertThrows(IllegalArgumentException.class, () -> TlogCheckpoint.of(origin, JWS_CHECKPOINT));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com/log\n7\n",
        "example.com/log\n007\nROOT\n",
        "example.com/log\n-7\nROOT\n",
        "example.com/log\n0x7\nROOT\n",
        "example.com/log\n99999999999999999999\nROOT\n",
        "\n7\nROOT\n",
        "example.com/log\n7\nROOT\n\nextension after an empty line\n",
        "example.com/log\n7\nYmFuYW5hcw==\n",
        "example.com/log\n7\nROOT",
        "example.com/log\n7\nUNPADDED\n"
      })
  void aTextThatIsNotACheckpointIsRefused(String text) {
    String root = Base64.getEncoder().encodeToString(ROOT);
    String checkpoint =
        text.replace("UNPADDED", root.substring(0, root.length() - 1)).replace("ROOT", root);

    assertThrows(IllegalArgumentException.class, () -> TlogCheckpoint.fromNoteText(checkpoint));
  }
}
