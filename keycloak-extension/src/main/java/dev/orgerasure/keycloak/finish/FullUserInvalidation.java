package dev.orgerasure.keycloak.finish;

import dev.orgerasure.keycloak.support.AfterCommit;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterEvent;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.cache.infinispan.InfinispanUserCacheProviderFactory;
import org.keycloak.models.cache.infinispan.events.UserFullInvalidationEvent;

/**
 * What Keycloak's own user delete invalidates on every node: the user's id, username and e-mail,
 * the lookups by each of their federated identities, and their consents. {@link UserCache#evict}
 * invalidates only what an update changes; a batch deletion bypasses the cache's {@code
 * removeUser}, so it sends Keycloak's full invalidation event itself, through the cluster (this
 * node included), once the deletion has committed.
 *
 * <p>The event is a class of Keycloak's Infinispan module, not of its SPI: should an upgrade change
 * it, the deletion says so once in the log and keeps the lighter eviction (docs/erasure.md,
 * "Deletion").
 */
final class FullUserInvalidation {

  private static final Logger LOG = Logger.getLogger(FullUserInvalidation.class);

  private static volatile boolean unavailable;

  private final List<ClusterEvent> events;

  private FullUserInvalidation(List<ClusterEvent> events) {
    this.events = events;
  }

  /**
   * The invalidation of these users, read before their rows go: their federated identities are read
   * in one statement.
   */
  static FullUserInvalidation of(KeycloakSession session, RealmModel realm, List<UserModel> users) {
    if (unavailable || users.isEmpty()) {
      return new FullUserInvalidation(List.of());
    }
    try {
      Map<String, List<FederatedIdentityModel>> links =
          realm.isIdentityFederationEnabled() ? linksOf(session, users) : Map.of();
      List<ClusterEvent> events = new ArrayList<>(users.size());
      for (UserModel user : users) {
        events.add(
            UserFullInvalidationEvent.create(
                user.getId(),
                user.getUsername(),
                user.getEmail(),
                realm.getId(),
                realm.isIdentityFederationEnabled(),
                links.getOrDefault(user.getId(), List.of()).stream()));
      }
      return new FullUserInvalidation(events);
    } catch (LinkageError e) {
      unavailable = true;
      LOG.warnf(
          "Keycloak's full user invalidation event is not the one this extension was built with"
              + " (%s); deleted identities are evicted from the user cache without it",
          e);
      return new FullUserInvalidation(List.of());
    }
  }

  /** Sends the invalidation to every node once the session's transaction has committed. */
  void afterCommit(KeycloakSession session) {
    if (events.isEmpty()) {
      return;
    }
    AfterCommit.run(
        session,
        () ->
            session
                .getProvider(ClusterProvider.class)
                .notify(
                    InfinispanUserCacheProviderFactory.USER_INVALIDATION_EVENTS,
                    events,
                    false,
                    ClusterProvider.DCNotify.ALL_DCS));
  }

  private static Map<String, List<FederatedIdentityModel>> linksOf(
      KeycloakSession session, List<UserModel> users) {
    EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    List<Object[]> rows =
        em.createQuery(
                "select f.user.id, f.identityProvider, f.userId, f.userName"
                    + " from FederatedIdentityEntity f where f.user.id in :users",
                Object[].class)
            .setParameter("users", users.stream().map(UserModel::getId).toList())
            .getResultList();
    Map<String, List<FederatedIdentityModel>> links = new HashMap<>();
    for (Object[] row : rows) {
      links
          .computeIfAbsent((String) row[0], user -> new ArrayList<>())
          .add(new FederatedIdentityModel((String) row[1], (String) row[2], (String) row[3]));
    }
    return links;
  }
}
