package dev.orgerasure.keycloak.cancel;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.representations.JsonWebToken;

/**
 * The token of the cancel link in the "erasure scheduled" e-mail: which erasure, until when (the
 * end of the grace period), signed with the realm's key. Its id makes it single-use.
 */
public class CancelLinkToken extends JsonWebToken {

  static final String TYPE = "org-erasure-cancel";

  @JsonProperty("erasureId")
  private String erasureId;

  public CancelLinkToken() {}

  CancelLinkToken(String id, String issuer, String erasureId, long expiresAtSeconds) {
    id(id);
    issuer(issuer);
    type(TYPE);
    exp(expiresAtSeconds);
    issuedNow();
    this.erasureId = erasureId;
  }

  public String getErasureId() {
    return erasureId;
  }
}
