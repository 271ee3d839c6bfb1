package dev.orgerasure.keycloak.audit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import dev.orgerasure.audit.checkpoint.AuditKeyStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The link in the completion e-mail from which the requester downloads the erasure's receipt. Its
 * token names the erasure and is signed with the audit key, which outlives the requester's account
 * and the realm, so the link keeps working after both are gone, for as long as the audit key, or
 * until the expiry the operator set ({@code receipt-link-lifetime-days}). Its own JWS type keeps it
 * from passing for a checkpoint, and the other way round.
 */
public final class ReceiptLinks {

  /** The JWS {@code typ} of a receipt link's token. */
  static final String TYPE = "erasure-receipt-link+jws";

  /** Under the master realm, which always exists: the erasure's own realm may not. */
  public static final String PATH = "realms/master/org-erasure/receipt";

  private final AuditKeyStore keys;
  private final Duration lifetime;

  /**
   * @param lifetime how long a new link works; zero for as long as the audit key
   */
  public ReceiptLinks(AuditKeyStore keys, Duration lifetime) {
    this.keys = keys;
    this.lifetime = lifetime;
  }

  /** The download link of this erasure's receipt, under Keycloak's public base URL. */
  public URI linkFor(URI publicUrl, String erasureId) {
    return URI.create(
        publicUrl
            + "/"
            + PATH
            + "?token="
            + URLEncoder.encode(tokenFor(erasureId), StandardCharsets.UTF_8));
  }

  String tokenFor(String erasureId) {
    try {
      JWSObject token =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .type(new JOSEObjectType(TYPE))
                  .keyID(keys.activeKey().keyId())
                  .build(),
              new Payload(claims(erasureId)));
      token.sign(new ECDSASigner(keys.activeKey().privateKey()));
      return token.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a receipt link", e);
    }
  }

  private Map<String, Object> claims(String erasureId) {
    if (lifetime.isZero()) {
      return Map.of("erasureId", erasureId);
    }
    return Map.of("erasureId", erasureId, "exp", Instant.now().plus(lifetime).getEpochSecond());
  }

  /**
   * The erasure a genuine, unexpired token names; empty for anything not signed by an audit key,
   * and for a link past its expiry.
   */
  public Optional<String> erasureOf(String token) {
    try {
      JWSObject jws = JWSObject.parse(token);
      if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
          || jws.getHeader().getType() == null
          || !TYPE.equals(jws.getHeader().getType().getType())) {
        return Optional.empty();
      }
      JWK key = keys.jwks().getKeyByKeyId(jws.getHeader().getKeyID());
      if (!(key instanceof ECKey ecKey) || !jws.verify(new ECDSAVerifier(ecKey))) {
        return Optional.empty();
      }
      Map<String, Object> claims = jws.getPayload().toJSONObject();
      if (claims.get("exp") instanceof Number expiry
          && Instant.now().getEpochSecond() >= expiry.longValue()) {
        return Optional.empty();
      }
      Object erasureId = claims.get("erasureId");
      return erasureId instanceof String id ? Optional.of(id) : Optional.empty();
    } catch (ParseException | JOSEException | RuntimeException notAToken) {
      return Optional.empty();
    }
  }
}
