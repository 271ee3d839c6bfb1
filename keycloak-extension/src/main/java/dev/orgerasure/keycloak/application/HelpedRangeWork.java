package dev.orgerasure.keycloak.application;

import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureTransactions;
import dev.orgerasure.keycloak.finish.ErasureFinisher;
import dev.orgerasure.keycloak.lockout.TenantLockout;
import dev.orgerasure.keycloak.ranges.RangeHelpers;
import dev.orgerasure.keycloak.ranges.RangePhase;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.UserIdRange;
import java.util.Optional;
import java.util.function.Consumer;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The work of one range of another node's erasure, as its holder runs it: the lockout's passes
 * without the request that started the erasure (a helping node has none, as after a crash), or the
 * deletion's batches.
 */
final class HelpedRangeWork implements RangeHelpers.RangeWork {

  private final KeycloakSessionFactory factory;
  private final ErasureSettings settings;

  HelpedRangeWork(KeycloakSessionFactory factory, ErasureSettings settings) {
    this.factory = factory;
    this.settings = settings;
  }

  @Override
  public Consumer<UserIdRange> of(String requestId, RangePhase phase) {
    return switch (phase) {
      case LOCKOUT -> lockout(requestId);
      case DELETION ->
          range -> new ErasureFinisher(factory, settings).finishRange(requestId, range);
    };
  }

  private Consumer<UserIdRange> lockout(String requestId) {
    record Target(Tenant tenant, String realmId) {}
    Target target =
        new ErasureTransactions(factory)
            .inTransaction(
                session -> {
                  ErasureRequestEntity request = ErasureTransactions.request(session, requestId);
                  return new Target(
                      new Tenant(request.getOrganizationId(), request.getOrganizationName()),
                      request.getRealmId());
                });
    TenantLockout lockout =
        new TenantLockout(factory, target.realmId(), settings.lockoutBatchSize(), Optional.empty());
    return range -> lockout.lockOutRange(target.tenant(), requestId, range);
  }
}
