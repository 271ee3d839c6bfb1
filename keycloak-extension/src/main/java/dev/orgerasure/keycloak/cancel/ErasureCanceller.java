package dev.orgerasure.keycloak.cancel;

import static dev.orgerasure.keycloak.erasure.ErasureTransactions.request;

import dev.orgerasure.contract.PurgeState;
import dev.orgerasure.contract.PurgeStatus;
import dev.orgerasure.keycloak.audit.AuditEventType;
import dev.orgerasure.keycloak.erasure.ErasureRepresentation;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.ErasureTransactions;
import dev.orgerasure.keycloak.erasure.LockedMemberEntity;
import dev.orgerasure.keycloak.serviceclient.ServiceClient;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Cancels an erasure during its grace period (docs/erasure.md, "Cancelling an erasure"): the
 * service cancels its purge first, since only it knows whether the grace period is over (an erasure
 * no hand-over attempt may have reached is not the service's, and is cancelled here alone); then
 * everything the lockout changed is put back, a batch of members per transaction: each erased-to-be
 * member's former enabled flag, each kept member's membership, the organisation and its identity
 * providers. Sessions are not restored. A crash in the middle is finished by the scheduled task.
 */
public class ErasureCanceller {

  private static final Logger LOG = Logger.getLogger(ErasureCanceller.class);

  private final KeycloakSessionFactory factory;
  private final ErasureSettings settings;
  private final ErasureTransactions transactions;

  public ErasureCanceller(KeycloakSessionFactory factory, ErasureSettings settings) {
    this.factory = factory;
    this.settings = settings;
    this.transactions = new ErasureTransactions(factory);
  }

  /**
   * Cancels the erasure now; answers it as it ends, cancelled.
   *
   * @throws CancelRefusedException when it is not in its grace period (any more), or the service
   *     could not be asked; nothing changed then
   */
  public ErasureRepresentation cancel(String requestId) {
    // Empty when the service never received the erasure: nothing to cancel there.
    Optional<ServiceClient> service =
        transactions.inTransaction(
            session -> {
              ErasureRequestEntity request = request(session, requestId);
              if (!request.getState().isCancellable()) {
                throw new CancelRefusedException(
                    "Only an erasure in its grace period can be cancelled; this one is "
                        + request.getState());
              }
              if (!request.claimCancel(Time.currentTimeMillis(), settings.leaseEnd())) {
                throw CancelRefusedException.forNow(
                    "The erasure is being worked on; try again in a moment");
              }
              if (!request.handOver().mayBeAtTheService()) {
                return Optional.<ServiceClient>empty();
              }
              return Optional.of(
                  ServiceClient.forRealm(
                      settings, session.realms().getRealm(request.getRealmId())));
            });
    Optional<CancelRefusedException> refusal =
        service.flatMap(client -> cancelAtTheService(client, requestId));
    if (refusal.isPresent()) {
      transactions.inTransaction(
          session -> {
            request(session, requestId).releaseLease();
            return null;
          });
      throw refusal.get();
    }
    transactions.inTransaction(
        session -> {
          request(session, requestId).cancelling();
          return null;
        });
    LOG.infof(
        "Erasure %s cancelled %s; restoring its members",
        requestId, service.isPresent() ? "at the service" : "before the service received it");
    return restore(requestId);
  }

  /**
   * Finishes a cancel a crash interrupted, unless a node holds it. Restoring goes on where it
   * stopped. An erasure still in its grace period was claimed by a cancel that stopped before
   * Keycloak recorded the service's answer: the service is asked, and a purge it cancelled is
   * restored here; otherwise the erasure is left as it was (unreachable: asked again once the new
   * claim lapses).
   */
  public void resume(String requestId) {
    record Claim(boolean restoring, ServiceClient service) {}
    Claim claim =
        transactions.inTransaction(
            session -> {
              ErasureRequestEntity request = request(session, requestId);
              boolean restoring = request.getState().awaitsRestore();
              if (!request.claimCancel(Time.currentTimeMillis(), settings.leaseEnd())) {
                return null;
              }
              return new Claim(
                  restoring,
                  ServiceClient.forRealm(
                      settings, session.realms().getRealm(request.getRealmId())));
            });
    if (claim == null) {
      return;
    }
    if (!claim.restoring()) {
      if (!cancelledAtTheService(claim.service(), requestId)) {
        return;
      }
      transactions.inTransaction(
          session -> {
            request(session, requestId).cancelling();
            return null;
          });
    }
    LOG.infof("Erasure %s: resuming the restore a stop interrupted", requestId);
    restore(requestId);
  }

  /**
   * Whether the service holds the purge as cancelled; when it does not, the claim is given back.
   */
  private boolean cancelledAtTheService(ServiceClient service, String requestId) {
    Optional<PurgeState> there;
    try {
      there = service.purgeStatus(requestId).map(PurgeStatus::state);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (IOException e) {
      LOG.debugf("Erasure %s: the service cannot say whether it was cancelled yet", requestId);
      return false;
    }
    if (there.filter(state -> state == PurgeState.CANCELLED).isPresent()) {
      return true;
    }
    transactions.inTransaction(
        session -> {
          request(session, requestId).releaseLease();
          return null;
        });
    return false;
  }

  /** The service's refusal (the grace period is over), or a passing one when it cannot be asked. */
  private Optional<CancelRefusedException> cancelAtTheService(
      ServiceClient service, String requestId) {
    try {
      return service.cancel(requestId).map(CancelRefusedException::new);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(
          CancelRefusedException.forNow(
              "Interrupted while asking the erasure-service; nothing was changed"));
    } catch (IOException e) {
      return Optional.of(
          CancelRefusedException.forNow(service.describe(e) + "; nothing was changed"));
    }
  }

  private ErasureRepresentation restore(String requestId) {
    transactions.inRealmOf(
        requestId,
        (session, request) -> {
          TenantDirectory tenants = OrgErasureProvider.of(session).tenants(request.getTenantKind());
          tenants
              .find(request.getOrganizationId())
              .ifPresent(tenant -> tenants.reopen(tenant, request.tenantClosure()));
          return null;
        });
    while (restoreBatch(requestId) > 0) {
      transactions.inTransaction(
          session -> {
            request(session, requestId).renewLease(settings.leaseEnd());
            return null;
          });
    }
    return transactions.inRealmOf(
        requestId,
        (session, request) -> {
          OrgErasureProvider erasures = OrgErasureProvider.of(session);
          erasures.recordAudit(
              AuditEventType.CANCELLED,
              request,
              Map.of(
                  "accountsRestored", request.members().disabledUntilTheEnd(),
                  "membershipsRestored", request.members().leftAtLockout()));
          request.cancelled();
          LOG.infof("Erasure %s cancelled; its members are as before", requestId);
          return ErasureRepresentation.of(request);
        });
  }

  /** Restores one batch of members; each member's row goes once they are as before. */
  private int restoreBatch(String requestId) {
    return transactions.inRealmOf(
        requestId,
        (session, request) -> {
          RealmModel realm = session.getContext().getRealm();
          ErasureRequestRepository requests = OrgErasureProvider.of(session).requests();
          TenantDirectory tenants = OrgErasureProvider.of(session).tenants(request.getTenantKind());
          Tenant tenant = new Tenant(request.getOrganizationId(), request.getOrganizationName());
          List<LockedMemberEntity> members =
              requests.findMembersToRestore(requestId, settings.lockoutBatchSize());
          for (LockedMemberEntity member : members) {
            UserModel user = session.users().getUserById(realm, member.userId());
            if (user != null) {
              if (member.decision().disablesUntilTheEnd()) {
                user.setEnabled(member.wasEnabled());
              } else {
                tenants.restoreMember(tenant, user, member.leftGroups());
              }
            }
            requests.removeMember(member);
          }
          return members.size();
        });
  }
}
