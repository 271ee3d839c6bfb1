package dev.orgerasure.keycloak.lockout;

import dev.orgerasure.keycloak.tenant.TenantDirectory;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;

/**
 * Shuts one member out for good: disabled, every online and offline session and every consent
 * removed, and a not-before that voids tokens already issued. Keycloak's own "disable" keeps
 * sessions alive and its per-user logout keeps offline sessions, hence each step here.
 */
public final class MemberLockout {

  private MemberLockout() {}

  /** A member to erase: disabled, every session and consent gone, every issued token refused. */
  public static void lockOut(
      KeycloakSession session, RealmModel realm, TenantDirectory tenants, UserModel member) {
    if (!tenants.keepsDisabledWhileClosed(member)) {
      member.setEnabled(false);
    }
    signOut(session, realm, member);
    session
        .users()
        .getConsentsStream(realm, member.getId())
        .map(UserConsentModel::getClient)
        .toList()
        .forEach(
            client ->
                session.users().revokeConsentForClient(realm, member.getId(), client.getId()));
  }

  /**
   * A member to keep: online and offline sessions gone and issued tokens refused (they carried this
   * tenant's membership); the account itself stays as it was.
   */
  public static void signOut(KeycloakSession session, RealmModel realm, UserModel member) {
    session.sessions().removeUserSessions(realm, member);
    session
        .sessions()
        .getOfflineUserSessionsStream(realm, member)
        .toList()
        .forEach(offline -> session.sessions().removeOfflineUserSession(realm, offline));
    session.users().setNotBeforeForUser(realm, member, Time.currentTime());
  }
}
