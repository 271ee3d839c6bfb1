package dev.orgerasure.keycloak.lockout;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.keycloak.common.util.MultiSiteUtils;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.cache.UserCache;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.storage.StorageId;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Shuts members out for good: disabled, every online and offline session and every consent removed,
 * and a not-before that voids tokens already issued. Keycloak's own "disable" keeps sessions alive
 * and its per-user logout keeps offline sessions, hence each step here.
 *
 * <p>A batch at a time: who holds a session, who gave a consent and each member's flag are found in
 * one statement each, the accounts are changed in Keycloak's batch mode (no flush before every
 * query) with the user cache evicted on this node and for the others, and only members who hold a
 * session or a consent cost calls of their own.
 */
public final class MemberLockout {

  private static final String SAML_PROTOCOL = "saml";

  private MemberLockout() {}

  /** Whether each of these users is enabled now; users who no longer exist are left out. */
  public static Map<String, Boolean> enabledFlags(
      KeycloakSession session, Collection<String> userIds) {
    Map<String, Boolean> flags = new HashMap<>();
    if (!userIds.isEmpty()) {
      entityManager(session)
          .createQuery(
              "select u.id, u.enabled from UserEntity u where u.id in :users", Object[].class)
          .setParameter("users", userIds)
          .getResultList()
          .forEach(row -> flags.put((String) row[0], (Boolean) row[1]));
    }
    return flags;
  }

  /**
   * Members to erase or detach: disabled, every session and consent gone, tokens refused. With
   * {@code notifyClients}, clients that asked for back-channel logout are told of each session
   * (needs the starting request's context in the session).
   */
  public static void lockOut(
      KeycloakSession session,
      RealmModel realm,
      Collection<String> userIds,
      boolean notifyClients) {
    if (userIds.isEmpty()) {
      return;
    }
    EntityManager em = entityManager(session);
    Set<String> signedIn = holdingSessions(session, realm, userIds);
    Map<String, List<String>> consents = consentedClients(em, userIds);
    int notBefore = notBeforeNow();
    UserProvider stored = UserStoragePrivateUtil.userLocalStorage(session);
    UserCache cache = session.getProvider(UserCache.class);
    EntityManagers.runInBatch(
        session,
        () -> {
          // Loaded in one statement; the lookups below then find them in the persistence context.
          em.createQuery("select u from UserEntity u where u.id in :users")
              .setParameter("users", userIds)
              .getResultList();
          List<UserModel> members =
              userIds.stream()
                  .map(id -> stored.getUserById(realm, id))
                  .filter(Objects::nonNull)
                  .toList();
          if (cache != null) {
            members.forEach(member -> cache.evict(realm, member));
          }
          em.createQuery(
                  "update UserEntity u set u.enabled = false, u.notBefore = :notBefore"
                      + " where u.id in :users")
              .setParameter("notBefore", notBefore)
              .setParameter("users", userIds)
              .executeUpdate();
          // The loaded entities predate the update; nothing may read or write them again.
          em.clear();
          for (UserModel member : members) {
            if (signedIn.contains(member.getId())) {
              removeSessions(session, realm, member, notifyClients);
            }
            consents
                .getOrDefault(member.getId(), List.of())
                .forEach(
                    client ->
                        session.users().revokeConsentForClient(realm, member.getId(), client));
          }
        },
        true);
  }

  /**
   * A member to keep: online and offline sessions gone and issued tokens refused (they carried this
   * tenant's membership); the account itself stays as it was.
   */
  public static void signOut(
      KeycloakSession session, RealmModel realm, UserModel member, boolean notifyClients) {
    removeSessions(session, realm, member, notifyClients);
    session.users().setNotBeforeForUser(realm, member, notBeforeNow());
  }

  /**
   * A second ahead: Keycloak refuses a token issued before the not-before, and tokens carry whole
   * seconds, so one issued in the second of the lockout would still pass.
   */
  private static int notBeforeNow() {
    return Time.currentTime() + 1;
  }

  /**
   * Every online and offline session of the member. Sessions of clients that asked to hear of a
   * logout end through Keycloak's back-channel logout, as its own logout ends them; the rest are
   * removed at once.
   */
  private static void removeSessions(
      KeycloakSession session, RealmModel realm, UserModel member, boolean notifyClients) {
    if (notifyClients) {
      session
          .sessions()
          .getUserSessionsStream(realm, member)
          .filter(MemberLockout::hasClientToNotify)
          .toList()
          .forEach(
              userSession -> AuthenticationManager.backchannelLogout(session, userSession, false));
    }
    session.sessions().removeUserSessions(realm, member);
    session
        .sessions()
        .getOfflineUserSessionsStream(realm, member)
        .toList()
        .forEach(offline -> session.sessions().removeOfflineUserSession(realm, offline));
  }

  /** Whether a client of the session asked to be told of its logout: OIDC back-channel, or SAML. */
  private static boolean hasClientToNotify(UserSessionModel userSession) {
    return userSession.getAuthenticatedClientSessions().values().stream()
        .map(AuthenticatedClientSessionModel::getClient)
        .anyMatch(
            client -> {
              String url =
                  OIDCAdvancedConfigWrapper.fromClientModel(client).getBackchannelLogoutUrl();
              return SAML_PROTOCOL.equals(client.getProtocol()) || (url != null && !url.isBlank());
            });
  }

  /**
   * The users with an online or offline session. Keycloak keeps every session in its database
   * unless persistent sessions are turned off; then sessions live only in its caches and every user
   * is asked.
   */
  private static Set<String> holdingSessions(
      KeycloakSession session, RealmModel realm, Collection<String> userIds) {
    if (!MultiSiteUtils.isPersistentSessionsEnabled()) {
      return new HashSet<>(userIds);
    }
    return new HashSet<>(
        entityManager(session)
            .createQuery(
                "select distinct s.userId from PersistentUserSessionEntity s"
                    + " where s.realmId = :realm and s.userId in :users",
                String.class)
            .setParameter("realm", realm.getId())
            .setParameter("users", userIds)
            .getResultList());
  }

  /** Each user's consented clients, by the id Keycloak revokes them with. */
  private static Map<String, List<String>> consentedClients(
      EntityManager em, Collection<String> userIds) {
    Map<String, List<String>> clients = new HashMap<>();
    em.createQuery(
            "select c.user.id, c.clientId, c.clientStorageProvider, c.externalClientId"
                + " from UserConsentEntity c where c.user.id in :users",
            Object[].class)
        .setParameter("users", userIds)
        .getResultList()
        .forEach(
            row -> {
              String client =
                  row[1] != null
                      ? (String) row[1]
                      : new StorageId((String) row[2], (String) row[3]).getId();
              clients.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add(client);
            });
    return clients;
  }

  private static EntityManager entityManager(KeycloakSession session) {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
