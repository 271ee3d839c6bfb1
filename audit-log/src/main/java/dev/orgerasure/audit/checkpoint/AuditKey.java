package dev.orgerasure.audit.checkpoint;

import java.security.interfaces.ECPrivateKey;

/**
 * The private key that signs checkpoints, and its id: the {@code kid} its public key has in the
 * JWKS.
 */
public record AuditKey(String keyId, ECPrivateKey privateKey) {

  public AuditKey {
    if (keyId == null || keyId.isEmpty()) {
      throw new IllegalArgumentException("an audit key needs an id");
    }
  }

  @Override
  public String toString() {
    return "AuditKey[" + keyId + "]";
  }
}
