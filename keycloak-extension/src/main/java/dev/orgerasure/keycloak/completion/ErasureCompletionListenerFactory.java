package dev.orgerasure.keycloak.completion;

import java.util.concurrent.ExecutorService;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Global, so that no realm has to enable it for its erasures to finish. */
public class ErasureCompletionListenerFactory implements EventListenerProviderFactory {

  public static final String ID = "org-erasure";

  static ExecutorService executor(KeycloakSession session) {
    return session.getProvider(ExecutorsProvider.class).getExecutor(ID);
  }

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new ErasureCompletionListener(session);
  }

  @Override
  public boolean isGlobal() {
    return true;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
