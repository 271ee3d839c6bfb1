package dev.orgerasure.audit.note;

import static dev.orgerasure.audit.note.PublishedVectors.GO_ENOCH_SIGNATURE;
import static dev.orgerasure.audit.note.PublishedVectors.GO_ENOCH_VERIFIER_KEY;
import static dev.orgerasure.audit.note.PublishedVectors.GO_PETER_SIGNATURE;
import static dev.orgerasure.audit.note.PublishedVectors.GO_PETER_SIGNER_KEY;
import static dev.orgerasure.audit.note.PublishedVectors.GO_PETER_VERIFIER_KEY;
import static dev.orgerasure.audit.note.PublishedVectors.GO_SIGNED_NOTE;
import static dev.orgerasure.audit.note.PublishedVectors.GO_TEXT;
import static dev.orgerasure.audit.note.PublishedVectors.SPEC_NOTE;
import static dev.orgerasure.audit.note.PublishedVectors.SPEC_POEM_NOTE;
import static dev.orgerasure.audit.note.PublishedVectors.SPEC_POEM_TEXT;
import static dev.orgerasure.audit.note.PublishedVectors.SPEC_VERIFIER_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedNoteTest {

  private static final NoteVerifier SPEC_KEY = NoteVerifier.parse(SPEC_VERIFIER_KEY);
  private static final NoteVerifier PETER = NoteVerifier.parse(GO_PETER_VERIFIER_KEY);
  private static final NoteVerifier ENOCH = NoteVerifier.parse(GO_ENOCH_VERIFIER_KEY);

  @Test
  void theSpecsExampleNoteVerifiesWithItsPublishedKey() throws Exception {
    SignedNote note = SignedNote.parse(SPEC_NOTE);

    List<NoteSignature> verified = note.verify(List.of(SPEC_KEY));

    assertEquals("This is an example message.\n", note.text());
    assertEquals(1, verified.size());
    assertEquals("example.com/foo", verified.get(0).keyName());
    assertEquals(0x530d903a, verified.get(0).keyId());
  }

  @Test
  void theSpecsExampleNoteIsWrittenBackByteForByte() {
    assertEquals(SPEC_NOTE, SignedNote.parse(SPEC_NOTE).format());
    assertArrayEquals(
        SPEC_NOTE.getBytes(StandardCharsets.UTF_8),
        SignedNote.parse(SPEC_NOTE.getBytes(StandardCharsets.UTF_8)).toBytes());
  }

  @Test
  void theTextEndsAtTheLastBlankLineSoItMayHoldBlankLinesOfItsOwn() {
    SignedNote note = SignedNote.parse(SPEC_POEM_NOTE);

    assertEquals(SPEC_POEM_TEXT, note.text());
    assertEquals("quasimodo.example/salvatore", note.signatures().get(0).keyName());
    assertEquals(0x367ba04b, note.signatures().get(0).keyId());
    assertEquals(SPEC_POEM_NOTE, note.format());
  }

  @Test
  void aFixedPrivateKeySignsExactlyTheNoteGoPublishes() {
    NoteSigner peter = PublishedVectors.goSigner(GO_PETER_SIGNER_KEY, GO_PETER_VERIFIER_KEY);

    SignedNote note = peter.sign(GO_TEXT);

    assertEquals(GO_SIGNED_NOTE, note.format());
    assertEquals(GO_PETER_VERIFIER_KEY, peter.verifier().verifierKey());
  }

  @Test
  void aNoteWithAChangedByteDoesNotVerify() {
    String changed = SPEC_NOTE.replace("example message", "example massage");

    NoteVerificationException e =
        assertThrows(
            NoteVerificationException.class,
            () -> SignedNote.parse(changed).verify(List.of(SPEC_KEY)));
    assertEquals("its signature by example.com/foo+530d903a does not verify", e.getMessage());
  }

  @Test
  void aNoteWithAChangedSignatureByteDoesNotVerify() {
    // Go's TestOpen: four characters inserted into the signature.
    String changed =
        GO_TEXT
            + "\n"
            + GO_PETER_SIGNATURE.substring(0, 60)
            + "ABCD"
            + GO_PETER_SIGNATURE.substring(60);

    assertThrows(
        NoteVerificationException.class, () -> SignedNote.parse(changed).verify(List.of(PETER)));
  }

  @Test
  void aSignatureUnderAnotherKeyNameIsIgnoredSoTheNoteHasNoTrustedSignature() {
    String renamed = SPEC_NOTE.replace("\u2014 example.com/foo ", "\u2014 example.com/bar ");

    NoteVerificationException e =
        assertThrows(
            NoteVerificationException.class,
            () -> SignedNote.parse(renamed).verify(List.of(SPEC_KEY)));
    assertTrue(
        e.getMessage().startsWith("none of its signatures is by a trusted key"), e.getMessage());
  }

  @Test
  void aSignatureWithAnotherKeyIdIsIgnoredSoTheNoteHasNoTrustedSignature() {
    // Go's TestOpen: the first bytes of the signature, the key ID, replaced.
    String otherKeyId = GO_TEXT + "\n" + GO_PETER_SIGNATURE.replace("x08g", "xxxx");

    assertThrows(
        NoteVerificationException.class, () -> SignedNote.parse(otherKeyId).verify(List.of(PETER)));
  }

  @Test
  void aTrustedKeyWithTheSameNameAndAnotherKeyDoesNotMatchTheSignature() throws Exception {
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    NoteVerifier impostor = NoteVerifier.ed25519("example.com/foo", other.getPublic());

    assertThrows(
        NoteVerificationException.class,
        () -> SignedNote.parse(SPEC_NOTE).verify(List.of(impostor)));
  }

  @Test
  void signaturesOfUnknownKeysAreIgnoredWhenATrustedKeySigned() throws Exception {
    SignedNote note = SignedNote.parse(GO_TEXT + "\n" + GO_PETER_SIGNATURE + GO_ENOCH_SIGNATURE);

    assertEquals(List.of("PeterNeumann"), names(note.verify(List.of(PETER))));
    assertEquals(List.of("EnochRoot"), names(note.verify(List.of(ENOCH))));
    assertEquals(List.of("PeterNeumann", "EnochRoot"), names(note.verify(List.of(PETER, ENOCH))));
  }

  @Test
  void aNoteSignedByNoTrustedKeyIsRefused() {
    SignedNote note = SignedNote.parse(GO_SIGNED_NOTE);

    assertThrows(NoteVerificationException.class, () -> note.verify(List.of()));
    assertThrows(NoteVerificationException.class, () -> note.verify(List.of(SPEC_KEY)));
  }

  @Test
  void aBadSignatureByATrustedKeyRejectsTheWholeNoteEvenWhenAnotherVerifies() {
    String enochOnPeterText =
        GO_TEXT + "\n" + GO_PETER_SIGNATURE + GO_ENOCH_SIGNATURE.replace("rwz+eBzm", "rwz+eBzn");

    assertThrows(
        NoteVerificationException.class,
        () -> SignedNote.parse(enochOnPeterText).verify(List.of(PETER, ENOCH)));
  }

  @Test
  void aRepeatedSignatureIsReportedOnce() throws Exception {
    SignedNote note = SignedNote.parse(GO_TEXT + "\n" + GO_PETER_SIGNATURE + GO_PETER_SIGNATURE);

    assertEquals(1, note.verify(List.of(PETER)).size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Go's TestOpen, "Invalid encoded message syntax".
        "no signatures",
        "text only, blank line",
        "signature line without its newline",
        "a control character",
        "not UTF-8",
        "a key name with a space",
        "a line after the signatures",
        // And the rules of the spec that Go's list leaves out.
        "no em dash",
        "a key name with a plus",
        "a signature with only a key ID",
        "unpadded base64",
        "an empty signature line"
      })
  void aMalformedNoteIsRefused(String how) {
    String badNote =
        switch (how) {
          case "no signatures" -> GO_TEXT;
          case "text only, blank line" -> GO_TEXT + "\n";
          case "signature line without its newline" ->
              GO_TEXT + "\n" + GO_PETER_SIGNATURE.substring(0, GO_PETER_SIGNATURE.length() - 1);
          case "a control character" -> "\u0001" + GO_SIGNED_NOTE;
          case "not UTF-8" -> "\u00ff" + GO_SIGNED_NOTE; // made invalid below
          case "a key name with a space" ->
              GO_TEXT + "\n" + GO_PETER_SIGNATURE.replace("PeterNeumann", "Bad Name");
          case "a line after the signatures" -> GO_SIGNED_NOTE + "Unexpected line.\n";
          case "no em dash" -> GO_TEXT + "\n" + GO_PETER_SIGNATURE.replace('\u2014', '-');
          case "a key name with a plus" ->
              GO_TEXT + "\n" + GO_PETER_SIGNATURE.replace("PeterNeumann", "Peter+Neumann");
          case "a signature with only a key ID" -> GO_TEXT + "\n\u2014 PeterNeumann x08gow==\n";
          case "unpadded base64" -> GO_TEXT + "\n" + GO_PETER_SIGNATURE.replace("=\n", "\n");
          case "an empty signature line" -> GO_SIGNED_NOTE + "\n";
          default -> throw new IllegalArgumentException(how);
        };
    byte[] bytes = badNote.getBytes(StandardCharsets.UTF_8);
    if (how.equals("not UTF-8")) {
      bytes = replaceFirstTwoBytesWithALoneContinuationByte(bytes);
    }
    byte[] malformed = bytes;

    assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(malformed));
  }

  @Test
  void aNoteWithMoreThanOneHundredSignaturesIsRefused() {
    String tooMany = GO_TEXT + "\n" + GO_PETER_SIGNATURE.repeat(SignedNote.MAX_SIGNATURES + 1);

    assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(tooMany));
    assertEquals(
        SignedNote.MAX_SIGNATURES,
        SignedNote.parse(GO_TEXT + "\n" + GO_PETER_SIGNATURE.repeat(SignedNote.MAX_SIGNATURES))
            .signatures()
            .size());
  }

  @Test
  void onlyATextEndingWithANewlineCanBeSigned() throws Exception {
    NoteSigner signer = newSigner("example.com/log");

    assertThrows(IllegalArgumentException.class, () -> signer.sign("abc"));
    assertThrows(IllegalArgumentException.class, () -> signer.sign("tab\there\n"));
  }

  @Test
  void aSignedNoteVerifiesWithItsSignersVerifierKeyText() throws Exception {
    NoteSigner signer = newSigner("keycloak.example/org-erasure/audit");
    NoteVerifier fromText = NoteVerifier.parse(signer.verifier().verifierKey());

    SignedNote note = SignedNote.parse(signer.sign("one\n\ntwo\n").format());

    assertEquals(1, note.verify(List.of(fromText)).size());
  }

  @Test
  void aCosignatureIsAddedAndAnEarlierOneByTheSameKeyReplaced() throws Exception {
    NoteSigner log = newSigner("example.com/log");
    NoteSigner witness = newSigner("example.com/witness");
    SignedNote note = log.sign("tree\n");

    SignedNote cosigned = note.withSignature(witness.signature("tree\n"));
    SignedNote again = cosigned.withSignature(witness.signature("tree\n"));

    assertEquals(List.of("example.com/log", "example.com/witness"), names(again.signatures()));
    assertEquals(2, again.verify(List.of(log.verifier(), witness.verifier())).size());
  }

  @Test
  void aPrivateKeyThatIsNotThePublicKeysIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    KeyPair one = generator.generateKeyPair();
    KeyPair other = generator.generateKeyPair();

    assertThrows(
        IllegalArgumentException.class,
        () -> new NoteSigner("example.com/log", one.getPrivate(), other.getPublic()));
  }

  static NoteSigner newSigner(String name) throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    return new NoteSigner(name, keys.getPrivate(), keys.getPublic());
  }

  private static List<String> names(List<NoteSignature> signatures) {
    return signatures.stream().map(NoteSignature::keyName).toList();
  }

  /** U+00FF is two bytes in UTF-8 (C3 BF); a lone BF is not UTF-8. */
  private static byte[] replaceFirstTwoBytesWithALoneContinuationByte(byte[] bytes) {
    byte[] result = new byte[bytes.length - 1];
    result[0] = (byte) 0xbf;
    System.arraycopy(bytes, 2, result, 1, bytes.length - 2);
    return result;
  }
}
