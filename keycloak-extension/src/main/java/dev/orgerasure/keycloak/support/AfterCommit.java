package dev.orgerasure.keycloak.support;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/** Work that must see the session's transaction committed, and must not run if it rolls back. */
public final class AfterCommit {

  private AfterCommit() {}

  public static void run(KeycloakSession session, Runnable work) {
    session
        .getTransactionManager()
        .enlistAfterCompletion(
            new AbstractKeycloakTransaction() {
              @Override
              protected void commitImpl() {
                work.run();
              }

              @Override
              protected void rollbackImpl() {
                // Rolled back: nothing happened that the work would follow.
              }
            });
  }
}
