package dev.orgerasure.audit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.orgerasure.audit.log.Hashes;
import dev.orgerasure.audit.note.NoteVerifier;
import dev.orgerasure.audit.note.SignedNote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyStoreTest {

  private static final char[] PASSWORD = "keystore-secret".toCharArray();
  private static final byte[] ROOT = Hashes.sha256(new byte[] {1});
  private static final Instant TIME = Instant.parse("2025-03-01T10:00:00Z");
  private static final String ORIGIN = "keycloak.example/org-erasure/audit";
  private static final String BASE64_ROOT = Base64.getEncoder().encodeToString(ROOT);

  @TempDir Path temp;

  @Test
  void aGeneratedKeySignsCheckpointsThatItsJwksVerifies() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");

    AuditKeyStore keys = AuditKeyStore.load(file, PASSWORD, "audit-2025");
    SignedCheckpoint signed = keys.signer().sign(1, ROOT, TIME, Optional.empty());

    assertEquals("audit-2025", keys.activeKey().keyId());
    assertEquals(
        "audit-2025", SignedCheckpoint.verify(signed.jws(), keys.jwks()).checkpoint().keyId());
  }

  @Test
  void aRotatedKeystoreServesTheOldAndTheNewPublicKey() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");
    AuditKeyStore.generate(file, PASSWORD, "audit-2026");

    AuditKeyStore keys = AuditKeyStore.load(file, PASSWORD, "audit-2026");

    assertEquals(
        List.of("audit-2025", "audit-2026"),
        keys.jwks().getKeys().stream().map(JWK::getKeyID).sorted().toList());
    assertEquals("audit-2026", keys.activeKey().keyId());
  }

  @Test
  void aCheckpointSignedBeforeTheRotationStillVerifies() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");
    String before =
        AuditKeyStore.load(file, PASSWORD, "audit-2025")
            .signer()
            .sign(1, ROOT, TIME, Optional.empty())
            .jws();

    AuditKeyStore.generate(file, PASSWORD, "audit-2026");
    JWKSet afterRotation = AuditKeyStore.load(file, PASSWORD, "audit-2026").jwks();

    assertEquals("audit-2025", SignedCheckpoint.verify(before, afterRotation).checkpoint().keyId());
  }

  @Test
  void aKeystoreKeptAsBytesRotatesAndServesTheSameKeysToWhoeverLoadsIt() throws Exception {
    byte[] first = AuditKeyStore.generate((byte[]) null, PASSWORD, "audit-2025");
    byte[] rotated = AuditKeyStore.generate(first, PASSWORD, "audit-2026");

    AuditKeyStore nodeA = AuditKeyStore.load(rotated, PASSWORD, "audit-2026");
    AuditKeyStore nodeB = AuditKeyStore.load(rotated, PASSWORD, "audit-2025");
    SignedCheckpoint signedOnA = nodeA.signer().sign(1, ROOT, TIME, Optional.empty());

    assertTrue(AuditKeyStore.holds(rotated, PASSWORD, "audit-2025"));
    assertFalse(AuditKeyStore.holds(first, PASSWORD, "audit-2026"));
    assertEquals(nodeA.jwksJson(), nodeB.jwksJson());
    assertEquals(
        "audit-2026", SignedCheckpoint.verify(signedOnA.jws(), nodeB.jwks()).checkpoint().keyId());
  }

  @Test
  void theJwksHoldsNoPrivatePart() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");

    AuditKeyStore keys = AuditKeyStore.load(file, PASSWORD, "audit-2025");

    assertFalse(keys.jwks().getKeys().get(0).isPrivate());
    assertFalse(keys.jwksJson().contains("\"d\""), keys.jwksJson());
  }

  @Test
  void anAliasAlreadyInTheKeystoreIsNotReplaced() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");

    assertThrows(
        IllegalArgumentException.class, () -> AuditKeyStore.generate(file, PASSWORD, "audit-2025"));
  }

  @Test
  void aGeneratedKeyHasAnEd25519NoteKeyBesideItWhoseVerifierKeyChecksItsNotes() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");

    AuditKeyStore keys = AuditKeyStore.load(file, PASSWORD, "audit-2025");
    SignedNote note = keys.noteSigner(ORIGIN).sign(ORIGIN + "\n1\n" + BASE64_ROOT + "\n");
    List<NoteVerifier> published =
        keys.noteVerifiers(ORIGIN).stream()
            .map(key -> NoteVerifier.parse(key.verifierKey()))
            .toList();

    assertEquals(List.of("audit-2025", "audit-2025-note"), aliases(file));
    assertEquals(1, note.verify(published).size());
    assertEquals(ORIGIN, published.get(0).name());
  }

  @Test
  void theJwksHoldsTheEcKeysOnlyAndTheNoteKeysAreNotAmongThem() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");

    AuditKeyStore keys = AuditKeyStore.load(file, PASSWORD, "audit-2025");

    assertEquals(List.of("audit-2025"), keys.jwks().getKeys().stream().map(JWK::getKeyID).toList());
  }

  @Test
  void aKeystoreFromBeforeNoteKeysLoadsAsBeforeAndGenerateAddsTheNoteKeyAlone() throws Exception {
    byte[] before = withoutNoteKeys(AuditKeyStore.generate((byte[]) null, PASSWORD, "audit-2025"));
    AuditKeyStore old = AuditKeyStore.load(before, PASSWORD, "audit-2025");

    assertFalse(AuditKeyStore.holds(before, PASSWORD, "audit-2025"));
    byte[] upgraded = AuditKeyStore.generate(before, PASSWORD, "audit-2025");
    AuditKeyStore keys = AuditKeyStore.load(upgraded, PASSWORD, "audit-2025");

    assertTrue(AuditKeyStore.holds(upgraded, PASSWORD, "audit-2025"));
    assertEquals(old.jwksJson(), keys.jwksJson());
    assertEquals(List.of(), old.noteVerifiers(ORIGIN));
    assertThrows(IllegalStateException.class, () -> old.noteSigner(ORIGIN));
    assertEquals(List.of(keys.noteSigner(ORIGIN).verifier()), keys.noteVerifiers(ORIGIN));
  }

  @Test
  void aKeystoreFileFromBeforeNoteKeysGetsItsNoteKeyFromGenerate() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");
    Files.write(file, withoutNoteKeys(Files.readAllBytes(file)));
    String jwks = AuditKeyStore.load(file, PASSWORD, "audit-2025").jwksJson();

    AuditKeyStore.generate(file, PASSWORD, "audit-2025");

    assertEquals(List.of("audit-2025", "audit-2025-note"), aliases(file));
    assertEquals(jwks, AuditKeyStore.load(file, PASSWORD, "audit-2025").jwksJson());
    assertThrows(
        IllegalArgumentException.class, () -> AuditKeyStore.generate(file, PASSWORD, "audit-2025"));
  }

  @Test
  void aRotatedKeystoreServesTheNoteKeysOfBothAliasesSoOldNotesStillVerify() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");
    String text = ORIGIN + "\n1\n" + BASE64_ROOT + "\n";
    SignedNote before =
        AuditKeyStore.load(file, PASSWORD, "audit-2025").noteSigner(ORIGIN).sign(text);

    AuditKeyStore.generate(file, PASSWORD, "audit-2026");
    AuditKeyStore rotated = AuditKeyStore.load(file, PASSWORD, "audit-2026");
    SignedNote after = rotated.noteSigner(ORIGIN).sign(text);

    assertEquals(2, rotated.noteVerifiers(ORIGIN).size());
    assertEquals(1, before.verify(rotated.noteVerifiers(ORIGIN)).size());
    assertEquals(1, after.verify(rotated.noteVerifiers(ORIGIN)).size());
    assertNotEquals(before.signatures().get(0).keyId(), after.signatures().get(0).keyId());
  }

  @Test
  void anOriginThatCannotBeAKeyNameIsRefused() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");
    AuditKeyStore keys = AuditKeyStore.load(file, PASSWORD, "audit-2025");

    assertThrows(IllegalArgumentException.class, () -> keys.noteSigner("org erasure audit"));
    assertThrows(IllegalArgumentException.class, () -> keys.noteVerifiers("a+b"));
  }

  @Test
  void anActiveAliasTheKeystoreDoesNotHoldIsRefused() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");

    assertThrows(
        GeneralSecurityException.class, () -> AuditKeyStore.load(file, PASSWORD, "audit-2030"));
  }

  private static List<String> aliases(Path file) throws Exception {
    return Collections.list(open(file).aliases()).stream().sorted().toList();
  }

  /** The keystore as it was before note keys: EC entries only. */
  private static byte[] withoutNoteKeys(byte[] pkcs12) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(pkcs12), PASSWORD);
    for (String alias : Collections.list(store.aliases())) {
      if (alias.endsWith("-note")) {
        store.deleteEntry(alias);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, PASSWORD);
    return out.toByteArray();
  }

  private static KeyStore open(Path file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return store;
  }
}
