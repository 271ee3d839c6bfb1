package dev.orgerasure.keycloak.completion;

import dev.orgerasure.keycloak.config.ErasureSettings;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/**
 * Hears "app data purged" and, once that report is committed, finishes the erasure off the request
 * thread, so the service's callback returns at once.
 */
public class ErasureCompletionListener implements EventListenerProvider {

  private final KeycloakSession session;
  private final ErasureSettings settings;

  public ErasureCompletionListener(KeycloakSession session, ErasureSettings settings) {
    this.session = session;
    this.settings = settings;
  }

  @Override
  public void onEvent(Event event) {}

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {
    if (!ErasureCallbackResource.RESOURCE_TYPE.equals(event.getResourceTypeAsString())
        || event.getResourcePath() == null
        || !event.getResourcePath().endsWith("/" + ErasureCallbackResource.APP_DATA_PURGED)) {
      return;
    }
    String[] path = event.getResourcePath().split("/");
    String requestId = path[path.length - 2];
    session
        .getTransactionManager()
        .enlistAfterCompletion(
            new AbstractKeycloakTransaction() {
              @Override
              protected void commitImpl() {
                ErasureCompletionListenerFactory.executor(session)
                    .execute(
                        () ->
                            new ErasureFinisher(session.getKeycloakSessionFactory(), settings)
                                .finish(requestId));
              }

              @Override
              protected void rollbackImpl() {}
            });
  }

  @Override
  public void close() {}
}
