package dev.orgerasure.keycloak.application;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.keycloak.audit.AuditEventType;
import dev.orgerasure.keycloak.erasure.ConfirmationMismatchException;
import dev.orgerasure.keycloak.erasure.ConfirmationRule;
import dev.orgerasure.keycloak.erasure.ErasureRepresentation;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.ErasureTransactions;
import dev.orgerasure.keycloak.erasure.HandOverNotPossibleException;
import dev.orgerasure.keycloak.erasure.MemberCounts;
import dev.orgerasure.keycloak.erasure.StartedErasure;
import dev.orgerasure.keycloak.handover.HandOverDelivery;
import dev.orgerasure.keycloak.lockout.RequestOrigin;
import dev.orgerasure.keycloak.lockout.TenantLockout;
import dev.orgerasure.keycloak.ranges.LocalRanges;
import dev.orgerasure.keycloak.ranges.PhaseRanges;
import dev.orgerasure.keycloak.ranges.RangePhase;
import dev.orgerasure.keycloak.ranges.SharedRanges;
import dev.orgerasure.keycloak.serviceclient.ServiceClient;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.support.ErasureLogContext;
import dev.orgerasure.keycloak.support.StepTimers;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

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
  private final Optional<RequestOrigin> origin;

  /**
   * @param origin the request that starts the erasure, whose context the lockout's sessions borrow
   *     for back-channel logouts; none when the scheduled task resumes a lockout
   */
  public ErasureStarter(
      KeycloakSessionFactory factory,
      String realmId,
      ErasureSettings settings,
      Optional<RequestOrigin> origin) {
    this.factory = factory;
    this.realmId = realmId;
    this.settings = settings;
    this.origin = origin;
  }

  public StartedErasure start(
      Tenant tenant,
      UserModel requester,
      String confirmation,
      int gracePeriodSeconds,
      MemberPolicy memberPolicy) {
    if (!ConfirmationRule.isConfirmed(tenant.name(), confirmation)) {
      throw new ConfirmationMismatchException();
    }
    refuseWhenHandOverIsImpossible();
    StartedErasure recorded = record(tenant, requester, gracePeriodSeconds, memberPolicy);
    if (recorded.created()) {
      try (ErasureLogContext context = ErasureLogContext.withErasure(recorded.erasure().id())) {
        lockOutAndHandOver(tenant, recorded.erasure().id());
      }
    }
    return new StartedErasure(
        inRealm(
            (session, realm) ->
                ErasureRepresentation.of(
                    OrgErasureProvider.of(session)
                        .requests()
                        .find(realmId, recorded.erasure().id())
                        .orElseThrow())),
        recorded.created());
  }

  /**
   * Goes on with an erasure whose lockout a crash interrupted, unless a node holds it: members
   * already recorded stay as they are, the rest are locked out, then the erasure is handed over.
   */
  public void resume(String requestId) {
    Optional<Tenant> tenant =
        inRealm(
            (session, realm) -> {
              OrgErasureProvider erasures = OrgErasureProvider.of(session);
              ErasureRequestEntity request = erasures.requests().findById(requestId).orElseThrow();
              if (!request.claimLockout(Time.currentTimeMillis(), settings.leaseEnd())) {
                return Optional.<Tenant>empty();
              }
              return Optional.of(
                  new Tenant(request.getOrganizationId(), request.getOrganizationName()));
            });
    tenant.ifPresent(
        t -> {
          LOG.infof("Erasure %s: resuming the lockout a stop interrupted", requestId);
          lockOutAndHandOver(t, requestId);
        });
  }

  private void refuseWhenHandOverIsImpossible() {
    ServiceClient service = inRealm((session, realm) -> ServiceClient.forRealm(settings, realm));
    Optional<String> reason;
    try {
      reason = service.whyHandOverIsImpossible();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking the erasure-service", e);
    }
    reason.ifPresent(
        why -> {
          throw new HandOverNotPossibleException(why);
        });
  }

  private void lockOutAndHandOver(Tenant tenant, String requestId) {
    Timer.Sample lockout = Timer.start();
    MemberCounts members =
        new TenantLockout(factory, realmId, settings.lockoutBatchSize(), origin)
            .lockOutEveryMember(tenant, requestId, lockoutRanges(requestId));
    lockout.stop(StepTimers.lockout());
    inRealm(
        (session, realm) -> {
          OrgErasureProvider erasures = OrgErasureProvider.of(session);
          ErasureRequestEntity request = erasures.requests().findById(requestId).orElseThrow();
          request.lockedOut(members, Time.currentTimeMillis());
          erasures.recordAudit(AuditEventType.LOCKED_OUT, request, members);
          return null;
        });
    LOG.infof(
        "Erasure %s of organisation %s: %d members signed out, %d of them kept",
        requestId, tenant.id(), members.signedOut(), members.kept());
    new HandOverDelivery(factory, settings).deliver(requestId);
  }

  /**
   * A lockout started by a request stays on this node, which alone can tell the members' clients
   * through back-channel logout ({@link LocalRanges}); one resumed without it is shared.
   */
  private PhaseRanges lockoutRanges(String requestId) {
    Runnable renewLease =
        () -> new ErasureTransactions(factory).renewLease(requestId, settings.leaseEnd());
    return origin.isPresent()
        ? new LocalRanges(
            "org-erasure-lockout", settings.batchThreads(), settings.leaseRenewal(), renewLease)
        : new SharedRanges(factory, settings, requestId, RangePhase.LOCKOUT, renewLease);
  }

  private StartedErasure record(
      Tenant tenant, UserModel requester, int gracePeriodSeconds, MemberPolicy memberPolicy) {
    try {
      return inRealm(
          (session, realm) -> {
            ErasureRequestRepository requests = OrgErasureProvider.of(session).requests();
            Optional<ErasureRequestEntity> existing =
                requests.findActiveByOrganization(tenant.id());
            if (existing.isPresent()) {
              return new StartedErasure(ErasureRepresentation.of(existing.get()), false);
            }
            OrgErasureProvider erasures = OrgErasureProvider.of(session);
            TenantDirectory tenants = erasures.tenants();
            ErasureRequestEntity request =
                new ErasureRequestEntity(
                    realmId,
                    erasures.tenantModel().kind(),
                    tenant.id(),
                    tenant.name(),
                    requester.getId(),
                    requester.getUsername(),
                    requester.getEmail(),
                    gracePeriodSeconds,
                    memberPolicy,
                    tenants.memberCount(tenant),
                    Time.currentTimeMillis());
            request.claimLockout(Time.currentTimeMillis(), settings.leaseEnd());
            requests.add(request);
            OrgErasureProvider.of(session)
                .recordAudit(
                    AuditEventType.REQUESTED,
                    request,
                    Map.of("gracePeriodSeconds", gracePeriodSeconds, "memberPolicy", memberPolicy));
            tenants.markUnderErasure(tenant, request.getId());
            request.closedTenant(tenants.closeToNewMembers(tenant));
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

  private <T> T inRealm(BiFunction<KeycloakSession, RealmModel, T> work) {
    return new ErasureTransactions(factory)
        .inRealm(realmId, session -> work.apply(session, session.getContext().getRealm()));
  }
}
