package dev.orgerasure.keycloak.finish;

import dev.orgerasure.keycloak.support.AfterCommit;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.keycloak.models.cache.infinispan.UserCacheManager;
import org.keycloak.models.cache.infinispan.UserCacheSession;
import org.keycloak.models.cache.infinispan.events.UserFullInvalidationEvent;

/**
 * What Keycloak's own user delete invalidates on every node: the user's id, username and e-mail,
 * the lookups by each of their federated identities, their consents and verifiable credentials.
 * {@link UserCache#evict}, which {@link IdentityDeletion} calls for each user, invalidates only
 * what an update changes; a batch deletion bypasses the cache's {@code removeUser}, so once the
 * deletion has committed it sends Keycloak's full invalidation event itself to the other nodes, and
 * on this node invalidates only the keys the eviction left, as Keycloak's delete invalidates each
 * key once here (the event handled here too would bump the eviction's keys a second time).
 *
 * <p>The event is a class of Keycloak's Infinispan module, not of its SPI: should an upgrade change
 * it, the deletion says so once in the log and keeps the lighter eviction (docs/erasure.md,
 * "Deletion").
 */
final class FullUserInvalidation {

  private static final Logger LOG = Logger.getLogger(FullUserInvalidation.class);

  private static volatile boolean unavailable;

  private final List<ClusterEvent> events;

  /** This node's user cache, or none: then the event is handled here as on the other nodes. */
  private final UserCacheManager localCache;

  private final Set<String> keysLeftByEviction;

  private FullUserInvalidation(
      List<ClusterEvent> events, UserCacheManager localCache, Set<String> keysLeftByEviction) {
    this.events = events;
    this.localCache = localCache;
    this.keysLeftByEviction = keysLeftByEviction;
  }

  /**
   * The invalidation of these users, read before their rows go: their federated identities are read
   * in one statement.
   */
  static FullUserInvalidation of(KeycloakSession session, RealmModel realm, List<UserModel> users) {
    if (unavailable || users.isEmpty()) {
      return none();
    }
    try {
      Map<String, List<FederatedIdentityModel>> links =
          realm.isIdentityFederationEnabled() ? linksOf(session, users) : Map.of();
      UserCacheManager localCache =
          session.getProvider(UserCache.class) instanceof UserCacheSession cacheSession
              ? cacheSession.getCache()
              : null;
      List<ClusterEvent> events = new ArrayList<>(users.size());
      Set<String> keysLeftByEviction = new HashSet<>();
      for (UserModel user : users) {
        UserFullInvalidationEvent event =
            UserFullInvalidationEvent.create(
                user.getId(),
                user.getUsername(),
                user.getEmail(),
                realm.getId(),
                realm.isIdentityFederationEnabled(),
                links.getOrDefault(user.getId(), List.of()).stream());
        events.add(event);
        if (localCache != null) {
          Set<String> full = new HashSet<>();
          localCache.fullUserInvalidation(
              user.getId(),
              user.getUsername(),
              user.getEmail(),
              realm.getId(),
              realm.isIdentityFederationEnabled(),
              event.getFederatedIdentities(),
              full);
          Set<String> evicted = new HashSet<>();
          localCache.userUpdatedInvalidations(
              user.getId(), user.getUsername(), user.getEmail(), realm.getId(), evicted);
          keysLeftByEviction.addAll(withoutEvicted(full, evicted));
        }
      }
      return new FullUserInvalidation(events, localCache, keysLeftByEviction);
    } catch (LinkageError e) {
      unavailable = true;
      LOG.warnf(
          "Keycloak's full user invalidation event is not the one this extension was built with"
              + " (%s); deleted identities are evicted from the user cache without it",
          e);
      return none();
    }
  }

  /** The keys of a full invalidation that the eviction of an update does not invalidate. */
  static Set<String> withoutEvicted(Set<String> full, Set<String> evicted) {
    Set<String> left = new HashSet<>(full);
    left.removeAll(evicted);
    return left;
  }

  private static FullUserInvalidation none() {
    return new FullUserInvalidation(List.of(), null, Set.of());
  }

  /** Invalidates on every node once the session's transaction has committed. */
  void afterCommit(KeycloakSession session) {
    if (events.isEmpty()) {
      return;
    }
    AfterCommit.run(
        session,
        () -> {
          session
              .getProvider(ClusterProvider.class)
              .notify(
                  InfinispanUserCacheProviderFactory.USER_INVALIDATION_EVENTS,
                  events,
                  localCache != null,
                  ClusterProvider.DCNotify.ALL_DCS);
          if (localCache != null) {
            keysLeftByEviction.forEach(localCache::invalidateObject);
          }
        });
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
