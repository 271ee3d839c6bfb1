package dev.orgerasure.keycloak.handover;

import dev.orgerasure.keycloak.config.ErasureSettings;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Hands one locked erasure over to the erasure-service. The network call runs outside any
 * transaction; its outcome is recorded in a short one: accepted, or failed and due again after a
 * back-off that doubles up to the configured maximum.
 */
public class HandOver {

  private static final Logger LOG = Logger.getLogger(HandOver.class);

  private record Delivery(ServiceClient service, ServiceClient.HandOverRequest request) {}

  private final KeycloakSessionFactory factory;
  private final ErasureSettings settings;

  public HandOver(KeycloakSessionFactory factory, ErasureSettings settings) {
    this.factory = factory;
    this.settings = settings;
  }

  public void deliver(String requestId) {
    Optional<Delivery> delivery =
        KeycloakModelUtils.runJobInTransactionWithResult(
            factory,
            session ->
                new ErasureRequestRepository(session)
                    .findById(requestId)
                    .filter(request -> request.getDeliveredAt() == null)
                    .map(
                        request ->
                            new Delivery(
                                ServiceClient.forRealm(
                                    settings, session.realms().getRealm(request.getRealmId())),
                                new ServiceClient.HandOverRequest(
                                    request.getId(),
                                    request.getOrganizationId(),
                                    request.getOrganizationName(),
                                    request.getGracePeriodSeconds()))));
    if (delivery.isEmpty()) {
      return;
    }
    String failure;
    ServiceClient service = delivery.get().service();
    try {
      service.handOver(delivery.get().request());
      failure = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "Interrupted while handing over";
    } catch (Exception e) {
      failure = "The hand-over did not succeed: " + service.describe(e);
    }
    record(requestId, failure);
  }

  private void record(String requestId, String failure) {
    KeycloakModelUtils.runJobInTransaction(
        factory,
        session -> {
          ErasureRequestRepository requests = new ErasureRequestRepository(session);
          ErasureRequestEntity request = requests.findById(requestId).orElseThrow();
          if (request.getDeliveredAt() != null) {
            return;
          }
          long now = Time.currentTimeMillis();
          if (failure == null) {
            request.handedOver(now);
            LOG.infof("Erasure %s handed over to the erasure-service", requestId);
          } else {
            long backoffSeconds =
                Math.min(
                    settings.deliveryMaxBackoffSeconds(),
                    1L << Math.min(request.getDeliveryAttempts(), 16));
            request.handOverFailed(failure, now + backoffSeconds * 1000);
            LOG.warnf(
                "Erasure %s: hand-over failed (%s); retrying in %d s",
                requestId, failure, backoffSeconds);
          }
        });
  }
}
