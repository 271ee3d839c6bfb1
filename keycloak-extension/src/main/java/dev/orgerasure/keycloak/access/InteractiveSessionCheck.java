package dev.orgerasure.keycloak.access;

import java.util.Optional;
import java.util.Set;
import org.keycloak.common.util.Time;
import org.keycloak.models.ImpersonationSessionNote;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * An erasure is a person's act: the token must come from an interactive client (the admin console),
 * of a session the person signed in to themselves (not an impersonation), recently. The console
 * issues lightweight access tokens without {@code auth_time}, so the authentication time is read
 * from the user session behind {@code sid}, where Keycloak keeps it.
 */
public class InteractiveSessionCheck {

  private static final String NOT_INTERACTIVE =
      "An erasure can only be started from an interactive admin console session";

  private static final String IMPERSONATED =
      "An erasure cannot be started from an impersonated session: the person must sign in";

  private final Set<String> interactiveClients;
  private final int maxAuthAgeSeconds;

  public InteractiveSessionCheck(Set<String> interactiveClients, int maxAuthAgeSeconds) {
    this.interactiveClients = Set.copyOf(interactiveClients);
    this.maxAuthAgeSeconds = maxAuthAgeSeconds;
  }

  /** Empty when the caller may start an erasure, else the reason to refuse. */
  public Optional<String> refusal(KeycloakSession session, AdminAuth auth) {
    AccessToken token = auth.getToken();
    if (token == null
        || !interactiveClients.contains(token.getIssuedFor())
        || token.getSessionId() == null) {
      return Optional.of(NOT_INTERACTIVE);
    }
    UserSessionModel userSession =
        session.sessions().getUserSession(auth.getRealm(), token.getSessionId());
    if (userSession == null || !userSession.getUser().getId().equals(auth.getUser().getId())) {
      return Optional.of(NOT_INTERACTIVE);
    }
    if (userSession.getNote(ImpersonationSessionNote.IMPERSONATOR_ID.toString()) != null) {
      return Optional.of(IMPERSONATED);
    }
    // A session without an authentication time (an impersonated one has none) counts as stale.
    int authenticatedAt =
        Optional.ofNullable(userSession.getNote(AuthenticationManager.AUTH_TIME))
            .map(Integer::parseInt)
            .orElse(0);
    if (Time.currentTime() - authenticatedAt > maxAuthAgeSeconds) {
      return Optional.of(
          "Sign in again to start an erasure: your last sign-in is older than "
              + maxAuthAgeSeconds
              + " seconds");
    }
    return Optional.empty();
  }
}
