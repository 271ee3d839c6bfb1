package dev.orgerasure.keycloak.application;

import dev.orgerasure.keycloak.erasure.ConfirmationMismatchException;
import dev.orgerasure.keycloak.erasure.ConfirmationRule;
import dev.orgerasure.keycloak.erasure.ErasureRepresentation;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.LockedMemberEntity;
import dev.orgerasure.keycloak.erasure.StartedErasure;
import dev.orgerasure.keycloak.handover.HandOverDelivery;
import dev.orgerasure.keycloak.lockout.MemberLockout;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Starts an erasure: the one code path behind every way a person can ask for one. It checks the
 * confirmation, records the request (one per organisation, whatever the concurrency), and locks
 * every member out in batches, each batch in its own short transaction.
 */
public class ErasureStarter {

  private static final Logger LOG = Logger.getLogger(ErasureStarter.class);

  private final KeycloakSessionFactory factory;
  private final String realmId;
  private final ErasureSettings settings;

  public ErasureStarter(KeycloakSessionFactory factory, String realmId, ErasureSettings settings) {
    this.factory = factory;
    this.realmId = realmId;
    this.settings = settings;
  }

  public StartedErasure start(
      Tenant tenant, UserModel requester, String confirmation, int gracePeriodSeconds) {
    if (!ConfirmationRule.isConfirmed(tenant.name(), confirmation)) {
      throw new ConfirmationMismatchException();
    }
    StartedErasure recorded = record(tenant, requester, gracePeriodSeconds);
    if (!recorded.created()) {
      return recorded;
    }
    String requestId = recorded.erasure().id();
    lockOutMembers(tenant, requestId);
    long locked =
        inRealm(
            (session, realm) -> {
              ErasureRequestRepository requests = OrgErasureProvider.of(session).requests();
              ErasureRequestEntity request = requests.find(realmId, requestId).orElseThrow();
              request.lockedOut(requests.countLockedMembers(requestId), Time.currentTimeMillis());
              return request.getMembersLocked();
            });
    LOG.infof(
        "Erasure %s of organisation %s: %d members locked out", requestId, tenant.id(), locked);
    new HandOverDelivery(factory, settings).deliver(requestId);
    return new StartedErasure(
        inRealm(
            (session, realm) ->
                ErasureRepresentation.of(
                    OrgErasureProvider.of(session)
                        .requests()
                        .find(realmId, requestId)
                        .orElseThrow())),
        true);
  }

  private StartedErasure record(Tenant tenant, UserModel requester, int gracePeriodSeconds) {
    try {
      return inRealm(
          (session, realm) -> {
            ErasureRequestRepository requests = OrgErasureProvider.of(session).requests();
            Optional<ErasureRequestEntity> existing =
                requests.findActiveByOrganization(tenant.id());
            if (existing.isPresent()) {
              return new StartedErasure(ErasureRepresentation.of(existing.get()), false);
            }
            TenantDirectory tenants = OrgErasureProvider.of(session).tenants();
            ErasureRequestEntity request =
                new ErasureRequestEntity(
                    realmId,
                    tenant.id(),
                    tenant.name(),
                    requester.getId(),
                    requester.getUsername(),
                    requester.getEmail(),
                    gracePeriodSeconds,
                    tenants.memberCount(tenant),
                    Time.currentTimeMillis());
            requests.add(request);
            tenants.markUnderErasure(tenant, request.getId());
            return new StartedErasure(ErasureRepresentation.of(request), true);
          });
    } catch (RuntimeException concurrentSubmit) {
      // The unique active-organisation key refused a second request: answer with the first.
      return inRealm(
              (session, realm) ->
                  OrgErasureProvider.of(session).requests().findActiveByOrganization(tenant.id()))
          .map(existing -> new StartedErasure(ErasureRepresentation.of(existing), false))
          .orElseThrow(() -> concurrentSubmit);
    }
  }

  private void lockOutMembers(Tenant tenant, String requestId) {
    int first = 0;
    int lockedInBatch;
    do {
      int offset = first;
      lockedInBatch =
          inRealm(
              (session, realm) -> {
                ErasureRequestRepository requests = OrgErasureProvider.of(session).requests();
                List<UserModel> members =
                    OrgErasureProvider.of(session)
                        .tenants()
                        .members(tenant, offset, settings.lockoutBatchSize());
                for (UserModel member : members) {
                  if (!requests.isLocked(requestId, member.getId())) {
                    requests.addLockedMember(
                        new LockedMemberEntity(requestId, member.getId(), member.isEnabled()));
                  }
                  MemberLockout.lockOut(session, realm, member);
                }
                return members.size();
              });
      first += settings.lockoutBatchSize();
    } while (lockedInBatch == settings.lockoutBatchSize());
  }

  private <T> T inRealm(BiFunction<KeycloakSession, RealmModel, T> work) {
    return KeycloakModelUtils.runJobInTransactionWithResult(
        factory,
        session -> {
          RealmModel realm = session.realms().getRealm(realmId);
          session.getContext().setRealm(realm);
          return work.apply(session, realm);
        });
  }
}
