package dev.orgerasure.keycloak.cancel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The signed, single-use cancel link of the "erasure scheduled" e-mail (docs/erasure.md,
 * "Cancelling an erasure"). Keycloak's action tokens cannot carry it: Keycloak refuses an action
 * token whose user is disabled, and the requester is locked out with everyone else. So the token is
 * a JWT signed with the realm's key like Keycloak's own, valid until the grace period ends, and its
 * id is spent in Keycloak's single-use store when the cancel is confirmed.
 */
public final class CancelLinks {

  /** Relative to the realm's URL. */
  public static final String PATH = "org-erasure/cancel";

  private final KeycloakSession session;

  public CancelLinks(KeycloakSession session) {
    this.session = session;
  }

  public URI linkFor(URI publicUrl, RealmModel realm, String erasureId, long graceEndsAtMillis) {
    String token =
        session
            .tokens()
            .encode(
                new CancelLinkToken(
                    UUID.randomUUID().toString(),
                    issuer(publicUrl, realm),
                    erasureId,
                    graceEndsAtMillis / 1000));
    return URI.create(
        issuer(publicUrl, realm)
            + "/"
            + PATH
            + "?token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  /** The erasure a genuine, unexpired, unspent token names. */
  public Optional<CancelLinkToken> verify(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    CancelLinkToken decoded = session.tokens().decode(token, CancelLinkToken.class);
    if (decoded == null
        || !CancelLinkToken.TYPE.equals(decoded.getType())
        || decoded.getErasureId() == null
        || decoded.getId() == null
        || !decoded.isActive()
        || session.singleUseObjects().contains(decoded.getId())) {
      return Optional.empty();
    }
    return Optional.of(decoded);
  }

  /** Spends the token; {@code false} when it was spent already (a second click, a replay). */
  public boolean spend(CancelLinkToken token) {
    long lifespan = Math.max(1, token.getExp() - Time.currentTime());
    return session.singleUseObjects().putIfAbsent(token.getId(), lifespan);
  }

  /**
   * Gives a spent token back: the cancel it was spent for could not be made for a passing reason,
   * and the link is the locked-out requester's only way to cancel.
   */
  public void unspend(CancelLinkToken token) {
    session.singleUseObjects().remove(token.getId());
  }

  private static String issuer(URI publicUrl, RealmModel realm) {
    return publicUrl + "/realms/" + URLEncoder.encode(realm.getName(), StandardCharsets.UTF_8);
  }
}
