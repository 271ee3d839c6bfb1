package dev.orgerasure.audit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.orgerasure.audit.log.Hashes;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyStoreTest {

  private static final char[] PASSWORD = "keystore-secret".toCharArray();
  private static final byte[] ROOT = Hashes.sha256(new byte[] {1});
  private static final Instant TIME = Instant.parse("2025-03-01T10:00:00Z");

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
  void anActiveAliasTheKeystoreDoesNotHoldIsRefused() throws Exception {
    Path file = temp.resolve("audit-keys.p12");
    AuditKeyStore.generate(file, PASSWORD, "audit-2025");

    assertThrows(
        GeneralSecurityException.class, () -> AuditKeyStore.load(file, PASSWORD, "audit-2030"));
  }
}
