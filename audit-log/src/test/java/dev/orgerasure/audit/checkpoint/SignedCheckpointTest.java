package dev.orgerasure.audit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import dev.orgerasure.audit.AuditLogFixture;
import dev.orgerasure.audit.AuditLogFixture.TestKey;
import dev.orgerasure.audit.log.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedCheckpointTest {

  private static final TestKey KEY = AuditLogFixture.key("audit-1");
  private static final byte[] ROOT = Hashes.sha256("root".getBytes(StandardCharsets.UTF_8));
  private static final Instant TIME = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void aSignedCheckpointVerifiesAndStatesItsPayload() throws Exception {
    SignedCheckpoint signed = KEY.signer().sign(7, ROOT, TIME, Optional.empty());

    Checkpoint checkpoint = SignedCheckpoint.verify(signed.jws(), KEY.jwks()).checkpoint();

    assertEquals(
        new Checkpoint(7, Hashes.toHex(ROOT), "2025-03-01T10:00:00Z", null, "audit-1"), checkpoint);
  }

  @Test
  void itsHeaderNamesTheKeyTheAlgorithmAndTheCheckpointType() {
    String header =
        decode(KEY.signer().sign(7, ROOT, TIME, Optional.empty()).jws().split("\\.")[0]);

    assertTrue(header.contains("\"alg\":\"ES256\""), header);
    assertTrue(header.contains("\"kid\":\"audit-1\""), header);
    assertTrue(header.contains("\"typ\":\"audit-checkpoint+jws\""), header);
  }

  @Test
  void itsPayloadIsCanonicalJsonOfTheLog() {
    String payload =
        decode(KEY.signer().sign(7, ROOT, TIME, Optional.empty()).jws().split("\\.")[1]);

    assertEquals(
        "{\"keyId\":\"audit-1\",\"log\":\"org-erasure-audit\",\"previous\":null,\"rootHash\":\""
            + Hashes.toHex(ROOT)
            + "\",\"time\":\"2025-03-01T10:00:00Z\",\"treeSize\":7}",
        payload);
  }

  @Test
  void theNextCheckpointNamesTheHashOfTheCompactJwsBeforeIt() throws Exception {
    SignedCheckpoint first = KEY.signer().sign(7, ROOT, TIME, Optional.empty());
    SignedCheckpoint second = KEY.signer().sign(8, ROOT, TIME, Optional.of(first.jws()));

    String expected = Hashes.toHex(Hashes.sha256(first.jws().getBytes(StandardCharsets.US_ASCII)));
    assertEquals(expected, first.hash());
    assertEquals(
        expected, SignedCheckpoint.verify(second.jws(), KEY.jwks()).checkpoint().previous());
    assertNull(first.checkpoint().previous());
  }

  @Test
  void aCheckpointSignedWithAKeyIdNotInTheJwksIsRefused() {
    TestKey stranger = AuditLogFixture.key("intruder");
    String jws = stranger.signer().sign(7, ROOT, TIME, Optional.empty()).jws();

    CheckpointException refused =
        assertThrows(CheckpointException.class, () -> SignedCheckpoint.verify(jws, KEY.jwks()));
    assertEquals(
        "it is signed with key 'intruder', which is not among the trusted keys",
        refused.getMessage());
    assertEquals(7, refused.treeSize().getAsLong());
  }

  @Test
  void aCheckpointSignedWithAnotherKeyUnderATrustedKeyIdIsRefused() {
    TestKey impostor = AuditLogFixture.key("audit-1");
    String jws = impostor.signer().sign(7, ROOT, TIME, Optional.empty()).jws();

    CheckpointException refused =
        assertThrows(CheckpointException.class, () -> SignedCheckpoint.verify(jws, KEY.jwks()));
    assertEquals(
        "its signature does not verify with the trusted key 'audit-1'", refused.getMessage());
  }

  @Test
  void aCheckpointWithAnAlteredPayloadIsRefused() {
    String[] parts = KEY.signer().sign(7, ROOT, TIME, Optional.empty()).jws().split("\\.");
    String payload = decode(parts[1]).replace("\"treeSize\":7", "\"treeSize\":6");
    String altered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThrows(CheckpointException.class, () -> SignedCheckpoint.verify(altered, KEY.jwks()));
  }

  @Test
  void anythingButACompactJwsIsRefused() {
    assertThrows(
        CheckpointException.class, () -> SignedCheckpoint.verify("not a checkpoint", new JWKSet()));
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
