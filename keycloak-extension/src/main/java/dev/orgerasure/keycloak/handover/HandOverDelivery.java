package dev.orgerasure.keycloak.handover;

import dev.orgerasure.contract.HandOver;
import dev.orgerasure.keycloak.audit.AuditEventType;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.notification.ScheduledNotice;
import dev.orgerasure.keycloak.serviceclient.ServiceClient;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Hands one locked erasure over to the erasure-service. The network call runs outside any
 * transaction; its outcome is recorded in a short one: accepted, or failed and due again after a
 * back-off that doubles up to the configured maximum. The attempt holds the erasure's lease, so a
 * cancel never runs while an attempt may still reach the service; a failure records whether the
 * attempt may have arrived all the same (docs/erasure.md, "Cancelling an erasure").
 */
public class HandOverDelivery {

  private static final Logger LOG = Logger.getLogger(HandOverDelivery.class);

  private record Delivery(ServiceClient service, HandOver request) {}

  private final KeycloakSessionFactory factory;
  private final ErasureSettings settings;

  public HandOverDelivery(KeycloakSessionFactory factory, ErasureSettings settings) {
    this.factory = factory;
    this.settings = settings;
  }

  public void deliver(String requestId) {
    Optional<Delivery> delivery =
        KeycloakModelUtils.runJobInTransactionWithResult(
            factory,
            session ->
                OrgErasureProvider.of(session)
                    .requests()
                    .findById(requestId)
                    .filter(
                        request ->
                            request.claimHandOver(Time.currentTimeMillis(), settings.leaseEnd()))
                    .map(
                        request ->
                            new Delivery(
                                ServiceClient.forRealm(
                                    settings, session.realms().getRealm(request.getRealmId())),
                                new HandOver(
                                    request.getId(),
                                    request.getOrganizationId(),
                                    request.getOrganizationName(),
                                    (long) request.getGracePeriodSeconds(),
                                    request.getMemberPolicy(),
                                    request.getTenantKind(),
                                    OrgErasureProvider.of(session)
                                        .requests()
                                        .findErasedMemberIds(requestId)))));
    if (delivery.isEmpty()) {
      return;
    }
    String failure;
    boolean reachedTheService = true;
    ServiceClient service = delivery.get().service();
    try {
      service.handOver(delivery.get().request());
      failure = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "Interrupted while handing over";
    } catch (Exception e) {
      failure = "The hand-over did not succeed: " + service.describe(e);
      reachedTheService = !ServiceClient.neverConnected(e);
    }
    if (record(requestId, failure, reachedTheService)) {
      new ScheduledNotice(factory).send(requestId);
    }
  }

  /** Records the attempt; {@code true} when it is the hand-over, recorded now. */
  private boolean record(String requestId, String failure, boolean reachedTheService) {
    return KeycloakModelUtils.runJobInTransactionWithResult(
        factory,
        session -> {
          ErasureRequestEntity request =
              OrgErasureProvider.of(session).requests().findById(requestId).orElseThrow();
          if (request.handOver().isDelivered() || !request.getState().awaitsHandOver()) {
            return false;
          }
          long now = Time.currentTimeMillis();
          if (failure == null) {
            request.handedOver(now);
            OrgErasureProvider.of(session)
                .recordAudit(
                    AuditEventType.HANDED_OVER,
                    request,
                    Map.of("gracePeriodSeconds", request.getGracePeriodSeconds()));
            LOG.infof("Erasure %s handed over to the erasure-service", requestId);
            return true;
          } else {
            long backoffSeconds =
                request.handOver().backoffSeconds(settings.deliveryMaxBackoffSeconds());
            request.handOverFailed(failure, reachedTheService, now + backoffSeconds * 1000);
            LOG.warnf(
                "Erasure %s: hand-over failed (%s); retrying in %d s",
                requestId, failure, backoffSeconds);
            return false;
          }
        });
  }
}
