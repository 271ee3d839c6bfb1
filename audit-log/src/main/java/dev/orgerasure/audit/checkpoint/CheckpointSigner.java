package dev.orgerasure.audit.checkpoint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import dev.orgerasure.audit.log.Hashes;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Signs checkpoints with one audit key (ES256 on P-256). */
public final class CheckpointSigner {

  private final String keyId;
  private final ECDSASigner signer;

  public CheckpointSigner(AuditKey key) {
    if (!Curve.P_256.equals(Curve.forECParameterSpec(key.privateKey().getParams()))) {
      throw new IllegalArgumentException("audit key '" + key.keyId() + "' is not on curve P-256");
    }
    this.keyId = key.keyId();
    try {
      this.signer = new ECDSASigner(key.privateKey());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("audit key '" + key.keyId() + "' cannot sign ES256", e);
    }
  }

  public String keyId() {
    return keyId;
  }

  /**
   * Signs the checkpoint of the first {@code treeSize} records.
   *
   * @param previousJws the log's latest checkpoint so far; empty only for the log's first
   */
  public SignedCheckpoint sign(
      long treeSize, byte[] rootHash, Instant time, Optional<String> previousJws) {
    Checkpoint checkpoint =
        new Checkpoint(
            treeSize,
            Hashes.toHex(rootHash),
            DateTimeFormatter.ISO_INSTANT.format(time),
            previousJws.map(SignedCheckpoint::hashOf).orElse(null),
            keyId);
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(keyId)
            .type(new JOSEObjectType(SignedCheckpoint.TYPE))
            .build();
    JWSObject jws = new JWSObject(header, new Payload(checkpoint.toJson()));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing with audit key '" + keyId + "' failed", e);
    }
    return new SignedCheckpoint(jws.serialize(), checkpoint);
  }
}
