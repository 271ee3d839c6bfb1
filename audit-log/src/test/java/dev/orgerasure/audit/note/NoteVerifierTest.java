package dev.orgerasure.audit.note;

import static dev.orgerasure.audit.note.PublishedVectors.GO_PETER_VERIFIER_KEY;
import static dev.orgerasure.audit.note.PublishedVectors.GO_UNKNOWN_TYPE_VERIFIER_KEY;
import static dev.orgerasure.audit.note.PublishedVectors.GO_WRONG_LENGTH_VERIFIER_KEY;
import static dev.orgerasure.audit.note.PublishedVectors.SPEC_VERIFIER_KEY;
import static dev.orgerasure.audit.note.PublishedVectors.SUMDB_VERIFIER_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NoteVerifierTest {

  @Test
  void publishedVerifierKeysAreReadAndWrittenBackUnchanged() {
    for (String key : new String[] {SPEC_VERIFIER_KEY, GO_PETER_VERIFIER_KEY, SUMDB_VERIFIER_KEY}) {
      assertEquals(key, NoteVerifier.parse(key).verifierKey());
    }
  }

  @Test
  void theBase64OfAVerifierKeyMayHoldPlusSigns() {
    NoteVerifier sumdb = NoteVerifier.parse(SUMDB_VERIFIER_KEY);

    assertEquals("sum.golang.org", sumdb.name());
    assertEquals(0x033de0ae, sumdb.keyId());
    assertEquals("sum.golang.org+033de0ae", sumdb.keyHandle());
  }

  @Test
  void theKeyIdIsTheStartOfSha256OfNameNewlineTypeAndKey() {
    NoteVerifier key = NoteVerifier.parse(SPEC_VERIFIER_KEY);

    assertEquals("example.com/foo", key.name());
    assertEquals(0x530d903a, key.keyId());
    assertEquals(0x530d903a, NoteVerifier.keyId("example.com/foo", (byte) 1, key.rawPublicKey()));
    byte[] typeAndKey = Base64.getDecoder().decode("AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
    assertEquals(NoteVerifier.ED25519, typeAndKey[0]);
    assertArrayEquals(Arrays.copyOfRange(typeAndKey, 1, 33), key.rawPublicKey());
  }

  @Test
  void aJdkPublicKeyGivesTheVerifierKeyOfItsRawBytes() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] encoded = keys.getPublic().getEncoded();

    NoteVerifier verifier = NoteVerifier.ed25519("example.com/log", keys.getPublic());

    assertEquals("302a300506032b6570032100", HexFormat.of().formatHex(encoded, 0, 12));
    assertArrayEquals(Arrays.copyOfRange(encoded, 12, 44), verifier.rawPublicKey());
    assertEquals(verifier, NoteVerifier.parse(verifier.verifierKey()));
    assertArrayEquals(encoded, NoteVerifier.parse(verifier.verifierKey()).publicKey().getEncoded());
  }

  @Test
  void aVerifierKeyWithTheWrongKeyIdIsRefused() {
    String wrongId = SPEC_VERIFIER_KEY.replace("+530d903a+", "+530d903b+");

    assertThrows(IllegalArgumentException.class, () -> NoteVerifier.parse(wrongId));
  }

  @Test
  void aVerifierKeyUnderAnotherNameIsRefusedBecauseTheKeyIdNamesTheName() {
    String renamed = SPEC_VERIFIER_KEY.replace("example.com/foo+", "example.com/bar+");

    assertThrows(IllegalArgumentException.class, () -> NoteVerifier.parse(renamed));
  }

  @Test
  void aKeyOfTheWrongLengthOrAnotherSignatureTypeIsRefusedEvenWithAMatchingKeyId() {
    assertThrows(
        IllegalArgumentException.class, () -> NoteVerifier.parse(GO_WRONG_LENGTH_VERIFIER_KEY));
    assertThrows(
        IllegalArgumentException.class, () -> NoteVerifier.parse(GO_UNKNOWN_TYPE_VERIFIER_KEY));
  }

  @Test
  void everyManglingOfAVerifierKeyIsRefused() {
    // Go's TestNewVerifier: every proper substring, and every byte changed by one.
    byte[] key = GO_PETER_VERIFIER_KEY.getBytes(StandardCharsets.US_ASCII);
    for (int from = 0; from <= key.length; from++) {
      for (int to = from + 1; to <= key.length; to++) {
        if (from != 0 || to != key.length) {
          assertRefused(new String(key, from, to - from, StandardCharsets.US_ASCII));
        }
      }
    }
    for (int i = 0; i < key.length; i++) {
      key[i]++;
      assertRefused(new String(key, StandardCharsets.US_ASCII));
      key[i]--;
    }
  }

  @Test
  void uppercaseHexIsNotTheSpecsFormOfAKeyId() {
    String uppercase = GO_PETER_VERIFIER_KEY.replace("c74f20a3", "C74F20A3");

    assertThrows(IllegalArgumentException.class, () -> NoteVerifier.parse(uppercase));
  }

  private static void assertRefused(String verifierKey) {
    try {
      NoteVerifier.parse(verifierKey);
      fail("accepted a mangled verifier key: " + verifierKey);
    } catch (IllegalArgumentException expected) {
      // refused, as it should be
    }
  }
}
