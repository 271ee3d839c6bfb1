package dev.orgerasure.audit.checkpoint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.orgerasure.audit.log.Hashes;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.OptionalLong;

/**
 * A checkpoint in its signed form: a JWS in compact serialisation, ES256, whose header names the
 * signing key ({@code kid}) and the type {@value #TYPE}. Instances exist only for checkpoints that
 * were just signed or whose signature was verified.
 */
public final class SignedCheckpoint {

  /**
   * The JWS {@code typ}: keeps any other JWS made with an audit key from passing as a checkpoint.
   */
  public static final String TYPE = "audit-checkpoint+jws";

  private final String jws;
  private final Checkpoint checkpoint;

  SignedCheckpoint(String jws, Checkpoint checkpoint) {
    this.jws = jws;
    this.checkpoint = checkpoint;
  }

  /**
   * Verifies a checkpoint against the trusted public keys.
   *
   * @throws CheckpointException when it is malformed, of another type or algorithm, signed with a
   *     key the set does not hold, or its signature does not verify
   */
  public static SignedCheckpoint verify(String jws, JWKSet keys) throws CheckpointException {
    JWSObject object;
    try {
      object = JWSObject.parse(jws.strip());
    } catch (ParseException e) {
      throw new CheckpointException(
          "it is not a JWS in compact serialisation", OptionalLong.empty());
    }
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.fromJson(object.getPayload().toString());
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(
          "its payload is not an audit checkpoint (" + e.getMessage() + ")", OptionalLong.empty());
    }
    OptionalLong size = OptionalLong.of(checkpoint.treeSize());
    if (!JWSAlgorithm.ES256.equals(object.getHeader().getAlgorithm())) {
      throw new CheckpointException(
          "it is signed with " + object.getHeader().getAlgorithm() + ", not ES256", size);
    }
    if (!new JOSEObjectType(TYPE).equals(object.getHeader().getType())) {
      throw new CheckpointException("its type is not " + TYPE, size);
    }
    String kid = object.getHeader().getKeyID();
    if (kid == null || !kid.equals(checkpoint.keyId())) {
      throw new CheckpointException(
          "its header names key '" + kid + "' but its payload names '" + checkpoint.keyId() + "'",
          size);
    }
    JWK key = keys.getKeyByKeyId(kid);
    if (!(key instanceof ECKey ecKey) || !Curve.P_256.equals(ecKey.getCurve())) {
      throw new CheckpointException(
          "it is signed with key '" + kid + "', which is not among the trusted keys", size);
    }
    try {
      if (!object.verify(new ECDSAVerifier(ecKey.toPublicJWK()))) {
        throw new CheckpointException(
            "its signature does not verify with the trusted key '" + kid + "'", size);
      }
    } catch (JOSEException e) {
      throw new CheckpointException(
          "its signature cannot be checked with key '" + kid + "' (" + e.getMessage() + ")", size);
    }
    return new SignedCheckpoint(object.getParsedString(), checkpoint);
  }

  /** SHA-256 (lowercase hex) of a checkpoint's compact JWS: what the next one names as previous. */
  public static String hashOf(String jws) {
    return Hashes.toHex(Hashes.sha256(jws.strip().getBytes(StandardCharsets.US_ASCII)));
  }

  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /** The compact JWS, as stored and exported. */
  public String jws() {
    return jws;
  }

  /** {@link #hashOf} this checkpoint. */
  public String hash() {
    return hashOf(jws);
  }
}
