package dev.orgerasure.keycloak.finish;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.JpaConnectionProviderFactory;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.storage.StorageId;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Deletes a batch of identities as Keycloak deletes one user, with the database's part done once
 * for the whole batch: each user is evicted from the user cache and, after the commit, fully
 * invalidated on every node as Keycloak's own delete does ({@link FullUserInvalidation}), {@link
 * UserModel.UserPreRemovedEvent} and {@link UserModel.UserRemovedEvent} are published for each user
 * so every provider that listens (sessions, authorization, organisations, workflows) does its part,
 * and the user's rows go in one statement per table for the batch.
 *
 * <p>Only users stored in Keycloak's own database, not linked to a user federation and not a
 * service account, are deleted so, and only while Keycloak's schema holds no table that refers to a
 * user beyond those below (checked once per node). Everyone else goes through {@link
 * UserManager#removeUser} one by one, as Keycloak's admin API would.
 */
final class IdentityDeletion {

  private static final Logger LOG = Logger.getLogger(IdentityDeletion.class);

  /**
   * Keycloak's tables that refer to a user, in the order their rows go (docs/erasure.md,
   * "Deletion").
   */
  private static final List<String> ROWS_OF_USERS =
      List.of(
          "delete from UserConsentClientScopeEntity s where s.userConsent.id in"
              + " (select c.id from UserConsentEntity c where c.user.id in :users)",
          "delete from UserConsentEntity c where c.user.id in :users",
          "delete from UserRoleMappingEntity m where m.user.id in :users",
          "delete from UserGroupMembershipEntity m where m.user.id in :users",
          "delete from UserAttributeEntity a where a.user.id in :users",
          "delete from UserRequiredActionEntity a where a.user.id in :users",
          "delete from CredentialEntity c where c.user.id in :users",
          "delete from FederatedIdentityEntity f where f.user.id in :users",
          "delete from IssuedVerifiableCredentialEntity v where v.user.id in :users",
          "delete from UserVerifiableCredentialEntity v where v.user.id in :users",
          "delete from UserEntity u where u.id in :users");

  /** The tables of {@link #ROWS_OF_USERS} that hold a foreign key to the user table. */
  static final Set<String> KNOWN_USER_TABLES =
      Set.of(
          "USER_CONSENT",
          "USER_ROLE_MAPPING",
          "USER_GROUP_MEMBERSHIP",
          "USER_ATTRIBUTE",
          "USER_REQUIRED_ACTION",
          "CREDENTIAL",
          "FEDERATED_IDENTITY",
          "ISSUED_VER_CREDENTIAL",
          "USER_VER_CREDENTIAL");

  private static volatile Boolean schemaKnown;

  private IdentityDeletion() {}

  /** Deletes the users; answers the ids of those deleted (not found gone meanwhile). */
  static Set<String> delete(KeycloakSession session, RealmModel realm, List<UserModel> users) {
    List<UserModel> inBatch = new ArrayList<>();
    Set<String> deleted = new HashSet<>();
    UserManager userManager = new UserManager(session);
    for (UserModel user : users) {
      if (isPlainLocalUser(user) && schemaKnown(session)) {
        inBatch.add(user);
      } else {
        // Through the user cache and the user's own storage, as Keycloak's admin API deletes.
        UserModel cached = session.users().getUserById(realm, user.getId());
        if (cached != null && userManager.removeUser(realm, cached)) {
          deleted.add(user.getId());
        }
      }
    }
    deleted.addAll(deleteInBatch(session, realm, inBatch));
    return deleted;
  }

  /**
   * The users as Keycloak's own database stores them, loaded in one statement, by id; users who no
   * longer exist are left out. Reading them so skips the user cache, which deletion evicts anyway.
   */
  static Map<String, UserModel> storedUsers(
      KeycloakSession session, RealmModel realm, List<String> userIds) {
    session
        .getProvider(JpaConnectionProvider.class)
        .getEntityManager()
        .createQuery("select u from UserEntity u where u.id in :users")
        .setParameter("users", userIds)
        .getResultList();
    UserProvider stored = UserStoragePrivateUtil.userLocalStorage(session);
    Map<String, UserModel> users = new HashMap<>();
    for (String userId : userIds) {
      UserModel user = stored.getUserById(realm, userId);
      if (user != null) {
        users.put(userId, user);
      }
    }
    return users;
  }

  /** Whether every table that refers to a user is one this class deletes from. */
  static boolean knowsEveryTable(Set<String> referringTables) {
    return referringTables.stream()
        .map(table -> table.toUpperCase(Locale.ROOT))
        .allMatch(KNOWN_USER_TABLES::contains);
  }

  /**
   * In Keycloak's batch mode with an entity manager of its own, whose clearing after the bulk
   * statements leaves the caller's entities alone.
   */
  private static List<String> deleteInBatch(
      KeycloakSession session, RealmModel realm, List<UserModel> users) {
    if (users.isEmpty()) {
      return List.of();
    }
    List<List<String>> deleted = new ArrayList<>();
    EntityManagers.runInBatch(session, () -> deleted.add(deleteRows(session, realm, users)), true);
    return deleted.get(0);
  }

  private static List<String> deleteRows(
      KeycloakSession session, RealmModel realm, List<UserModel> users) {
    UserCache cache = session.getProvider(UserCache.class);
    List<String> ids = users.stream().map(UserModel::getId).toList();
    FullUserInvalidation invalidation = FullUserInvalidation.of(session, realm, users);
    for (UserModel user : users) {
      if (cache != null) {
        cache.evict(realm, user);
      }
      session.getKeycloakSessionFactory().publish(new PreRemoved(realm, user, session));
    }
    EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    em.flush();
    List<String> deleted =
        em.createQuery("select u.id from UserEntity u where u.id in :users", String.class)
            .setParameter("users", ids)
            .getResultList();
    for (String statement : ROWS_OF_USERS) {
      em.createQuery(statement).setParameter("users", ids).executeUpdate();
    }
    // The deleted users' entities must not be flushed again; listeners read what they need afresh.
    em.clear();
    invalidation.afterCommit(session);
    users.forEach(
        user -> session.getKeycloakSessionFactory().publish(new Removed(realm, user, session)));
    return deleted;
  }

  private static boolean isPlainLocalUser(UserModel user) {
    return user.getFederationLink() == null
        && user.getServiceAccountClientLink() == null
        && StorageId.isLocalStorage(user.getId());
  }

  private static boolean schemaKnown(KeycloakSession session) {
    if (schemaKnown == null) {
      schemaKnown = inspectSchema(session);
    }
    return schemaKnown;
  }

  private static boolean inspectSchema(KeycloakSession session) {
    JpaConnectionProviderFactory database =
        (JpaConnectionProviderFactory)
            session.getKeycloakSessionFactory().getProviderFactory(JpaConnectionProvider.class);
    Set<String> referring = new HashSet<>();
    try (Connection connection = database.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String table : List.of("USER_ENTITY", "user_entity")) {
        try (ResultSet keys = metaData.getExportedKeys(null, database.getSchema(), table)) {
          while (keys.next()) {
            referring.add(keys.getString("FKTABLE_NAME"));
          }
        }
      }
    } catch (SQLException e) {
      LOG.warnf(e, "Cannot read which tables refer to users; identities are deleted one by one");
      return false;
    }
    boolean known = knowsEveryTable(referring);
    if (!known) {
      LOG.warnf(
          "Keycloak's schema has tables referring to users that batch deletion does not know (%s);"
              + " identities are deleted one by one",
          referring);
    }
    return known;
  }

  /** What Keycloak's user-removal events carry; each event type is its own class. */
  private abstract static class UserRemoval {
    private final RealmModel realm;
    private final UserModel user;
    private final KeycloakSession session;

    UserRemoval(RealmModel realm, UserModel user, KeycloakSession session) {
      this.realm = realm;
      this.user = user;
      this.session = session;
    }

    public RealmModel getRealm() {
      return realm;
    }

    public UserModel getUser() {
      return user;
    }

    public KeycloakSession getKeycloakSession() {
      return session;
    }
  }

  private static final class PreRemoved extends UserRemoval
      implements UserModel.UserPreRemovedEvent {
    PreRemoved(RealmModel realm, UserModel user, KeycloakSession session) {
      super(realm, user, session);
    }
  }

  private static final class Removed extends UserRemoval implements UserModel.UserRemovedEvent {
    Removed(RealmModel realm, UserModel user, KeycloakSession session) {
      super(realm, user, session);
    }
  }
}
