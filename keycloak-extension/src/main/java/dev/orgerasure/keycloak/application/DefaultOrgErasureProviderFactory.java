package dev.orgerasure.keycloak.application;

import dev.orgerasure.keycloak.access.ErasureRoles;
import dev.orgerasure.keycloak.audit.AuditKeys;
import dev.orgerasure.keycloak.detach.OrganisationClosedRequiredActionFactory;
import dev.orgerasure.keycloak.metrics.ErasureMetrics;
import dev.orgerasure.keycloak.ranges.RangeHelpers;
import dev.orgerasure.keycloak.ranges.RangeLeases;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.settings.ProductionSecrets;
import dev.orgerasure.keycloak.settings.Setting;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.spi.OrgErasureProviderFactory;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Reads the settings, gives every realm the erasure role (at start and when a realm is created),
 * forgets a removed realm's erasures (their audit records stay), schedules the cluster-aware task
 * that retries hand-overs and resumes unfinished completions, and this node's helpers of other
 * nodes' erasures.
 */
public class DefaultOrgErasureProviderFactory implements OrgErasureProviderFactory {

  public static final String ID = "default";

  private ErasureSettings settings;
  private AuditKeys auditKeys;
  private RangeHelpers rangeHelpers;

  @Override
  public OrgErasureProvider create(KeycloakSession session) {
    return new DefaultOrgErasureProvider(session, settings, auditKeys);
  }

  @Override
  public void init(Config.Scope config) {
    settings = ErasureSettings.read(config);
    ProductionSecrets.check(config);
    auditKeys = AuditKeys.configured(settings);
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
            KeycloakModelUtils.runJobInTransaction(factory, auditKeys::open);
            ErasureMetrics.register(factory);
            KeycloakModelUtils.runJobInTransaction(
                factory,
                session ->
                    session
                        .realms()
                        .getRealmsStream()
                        .forEach(DefaultOrgErasureProviderFactory::provision));
            scheduleTask(factory);
          } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            provision(created.getCreatedRealm());
          } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            OrgErasureProvider erasures = OrgErasureProvider.of(removed.getKeycloakSession());
            new RangeLeases(
                    removed
                        .getKeycloakSession()
                        .getProvider(JpaConnectionProvider.class)
                        .getEntityManager())
                .deleteRealm(removed.getRealm().getId());
            erasures.requests().deleteRealm(removed.getRealm().getId());
            erasures.selfServiceErasers().forgetRealm();
          }
        });
  }

  /** What every realm needs before anyone erases in it: the roles and the detach action. */
  private static void provision(RealmModel realm) {
    ErasureRoles.provision(realm);
    OrganisationClosedRequiredActionFactory.register(realm);
  }

  /**
   * The cluster-aware task, and this node's helpers of other nodes' erasures unless it is told not
   * to help: every node runs its own, so that ranges of an erasure are shared by all nodes
   * (docs/operating.md).
   */
  private void scheduleTask(KeycloakSessionFactory factory) {
    rangeHelpers = new RangeHelpers(factory, settings, new HelpedRangeWork(factory, settings));
    try (KeycloakSession session = factory.create()) {
      TimerProvider timer = session.getProvider(TimerProvider.class);
      timer.schedule(
          new ClusterAwareScheduledTaskRunner(
              factory, new ErasureTask(), settings.taskIntervalMillis()),
          settings.taskIntervalMillis(),
          settings.taskIntervalMillis());
      if (settings.helpOtherNodes()) {
        timer.schedule(rangeHelpers, settings.rangePollMillis(), "org-erasure-range-helpers");
      }
    }
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return Setting.configMetadata();
  }

  @Override
  public void close() {
    if (rangeHelpers != null) {
      rangeHelpers.close();
    }
  }

  @Override
  public String getId() {
    return ID;
  }
}
