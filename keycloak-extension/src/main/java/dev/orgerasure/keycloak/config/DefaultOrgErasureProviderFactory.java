package dev.orgerasure.keycloak.config;

import dev.orgerasure.keycloak.admin.ErasureRoles;
import dev.orgerasure.keycloak.admin.InteractiveSessionCheck;
import dev.orgerasure.keycloak.erasure.ErasureTask;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.Config;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Reads the settings, gives every realm the erasure role (at start and when a realm is created),
 * and schedules the cluster-aware task that retries hand-overs and resumes unfinished completions.
 */
public class DefaultOrgErasureProviderFactory implements OrgErasureProviderFactory {

  public static final String ID = "default";

  private ErasureSettings settings;

  @Override
  public OrgErasureProvider create(KeycloakSession session) {
    return () -> settings;
  }

  @Override
  public void init(Config.Scope config) {
    Set<String> interactiveClients =
        Arrays.stream(
                config.get("interactive-clients", Constants.ADMIN_CONSOLE_CLIENT_ID).split(","))
            .map(String::trim)
            .filter(c -> !c.isEmpty())
            .collect(Collectors.toSet());
    settings =
        new ErasureSettings(
            new InteractiveSessionCheck(interactiveClients, config.getInt("max-auth-age", 300)),
            config.getInt("lockout-batch-size", 100),
            config.getInt("identity-batch-size", 50),
            config.getInt("grace-period-default", 0),
            URI.create(
                withoutTrailingSlash(
                    config.get("service-url", "http://127.0.0.1:9080/erasure/api"))),
            URI.create(withoutTrailingSlash(config.get("keycloak-url", "http://127.0.0.1:8080"))),
            config.get("dispatcher-client", "org-erasure-dispatcher"),
            config.get("service-client", "erasure-service"),
            config.getLong("task-interval-millis", 2000L),
            config.getInt("delivery-max-backoff", 60),
            config.getInt("finisher-lease", 120));
  }

  /**
   * Database work waits for Keycloak's own migration: the order in which factories are
   * post-initialised is not defined, and the database may not be ready before that event.
   */
  @Override
  public void postInit(KeycloakSessionFactory factory) {
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(
                factory,
                session -> session.realms().getRealmsStream().forEach(ErasureRoles::provision));
            scheduleTask(factory);
          } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            ErasureRoles.provision(created.getCreatedRealm());
          }
        });
  }

  private void scheduleTask(KeycloakSessionFactory factory) {
    try (KeycloakSession session = factory.create()) {
      session
          .getProvider(TimerProvider.class)
          .schedule(
              new ClusterAwareScheduledTaskRunner(
                  factory, new ErasureTask(settings), settings.taskIntervalMillis()),
              settings.taskIntervalMillis(),
              settings.taskIntervalMillis());
    }
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name("max-auth-age")
        .type("int")
        .defaultValue(300)
        .helpText("Seconds since the admin's last sign-in within which an erasure may start")
        .add()
        .property()
        .name("interactive-clients")
        .type("string")
        .defaultValue(Constants.ADMIN_CONSOLE_CLIENT_ID)
        .helpText("Comma-separated clients whose sessions count as interactive")
        .add()
        .property()
        .name("lockout-batch-size")
        .type("int")
        .defaultValue(100)
        .helpText("Members locked out per transaction")
        .add()
        .property()
        .name("identity-batch-size")
        .type("int")
        .defaultValue(50)
        .helpText("Identities deleted per transaction")
        .add()
        .property()
        .name("grace-period-default")
        .type("int")
        .defaultValue(0)
        .helpText("Grace period in seconds when the request names none")
        .add()
        .property()
        .name("service-url")
        .type("string")
        .defaultValue("http://127.0.0.1:9080/erasure/api")
        .helpText("Base URL of the erasure-service API")
        .add()
        .property()
        .name("keycloak-url")
        .type("string")
        .defaultValue("http://127.0.0.1:8080")
        .helpText("This Keycloak's base URL, for the dispatcher's client-credentials token")
        .add()
        .property()
        .name("dispatcher-client")
        .type("string")
        .defaultValue("org-erasure-dispatcher")
        .helpText("Client whose service account hands erasures over to the service")
        .add()
        .property()
        .name("service-client")
        .type("string")
        .defaultValue("erasure-service")
        .helpText("The erasure-service's client: the only one whose callback is accepted")
        .add()
        .property()
        .name("task-interval-millis")
        .type("long")
        .defaultValue(2000L)
        .helpText("How often hand-overs are retried and unfinished completions resumed")
        .add()
        .property()
        .name("delivery-max-backoff")
        .type("int")
        .defaultValue(60)
        .helpText("Longest wait in seconds between two hand-over attempts")
        .add()
        .property()
        .name("finisher-lease")
        .type("int")
        .defaultValue(120)
        .helpText("Seconds a node holds an erasure it is finishing before another may resume it")
        .add()
        .build();
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
