package dev.orgerasure.keycloak.erasure;

import java.util.function.Function;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Work on one erasure in short transactions of its own: the finisher and the canceller commit a
 * batch at a time, so a stop loses at most one batch and the scheduled task resumes from there.
 */
public final class ErasureTransactions {

  /** Work given the session and the erasure, read in that session. */
  public interface RequestWork<T> {
    T apply(KeycloakSession session, ErasureRequestEntity request);
  }

  private final KeycloakSessionFactory factory;

  public ErasureTransactions(KeycloakSessionFactory factory) {
    this.factory = factory;
  }

  public <T> T inTransaction(Function<KeycloakSession, T> work) {
    return KeycloakModelUtils.runJobInTransactionWithResult(factory, work::apply);
  }

  /** Work in its own transaction, with the realm {@code realmId} as the session's. */
  public <T> T inRealm(String realmId, Function<KeycloakSession, T> work) {
    return inTransaction(
        session -> {
          session.getContext().setRealm(session.realms().getRealm(realmId));
          return work.apply(session);
        });
  }

  /** Work on the erasure in its own transaction, with its realm as the session's. */
  public <T> T inRealmOf(String requestId, RequestWork<T> work) {
    return inTransaction(
        session -> {
          ErasureRequestEntity request = request(session, requestId);
          session.getContext().setRealm(session.realms().getRealm(request.getRealmId()));
          return work.apply(session, request);
        });
  }

  /** Extends this node's hold on the erasure until {@code until}, in a transaction of its own. */
  public void renewLease(String requestId, long until) {
    inTransaction(
        session -> {
          request(session, requestId).renewLease(until);
          return null;
        });
  }

  /** The erasure, which must exist. */
  public static ErasureRequestEntity request(KeycloakSession session, String requestId) {
    return new ErasureRequestRepository(
            session.getProvider(JpaConnectionProvider.class).getEntityManager())
        .findById(requestId)
        .orElseThrow();
  }
}
