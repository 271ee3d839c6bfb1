package dev.orgerasure.keycloak.completion;

import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.support.AfterCommit;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Hears "app data purged" and, once that report is committed, finishes the erasure off the request
 * thread, so the service's callback returns at once.
 */
public class ErasureCompletionListener implements EventListenerProvider {

  private final KeycloakSession session;

  public ErasureCompletionListener(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public void onEvent(Event event) {}

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {
    if (!ErasureCallbackResource.RESOURCE_TYPE.equals(event.getResourceTypeAsString())
        || event.getResourcePath() == null
        || !event.getResourcePath().endsWith("/" + ServiceApi.APP_DATA_PURGED)) {
      return;
    }
    String[] path = event.getResourcePath().split("/");
    String requestId = path[path.length - 2];
    KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
    AfterCommit.run(
        session,
        () ->
            ErasureCompletionListenerFactory.executor(session)
                .execute(() -> finish(factory, requestId)));
  }

  /** The finisher opens a transaction per step; this session only reaches the provider. */
  private static void finish(KeycloakSessionFactory factory, String requestId) {
    try (KeycloakSession session = factory.create()) {
      OrgErasureProvider.of(session).finish(requestId);
    }
  }

  @Override
  public void close() {}
}
