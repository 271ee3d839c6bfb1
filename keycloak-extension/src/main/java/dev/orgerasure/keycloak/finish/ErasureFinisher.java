package dev.orgerasure.keycloak.finish;

import static dev.orgerasure.keycloak.erasure.ErasureTransactions.request;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.keycloak.audit.AuditEventType;
import dev.orgerasure.keycloak.audit.AuditRecordEntity;
import dev.orgerasure.keycloak.detach.MemberDetachment;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.ErasureTransactions;
import dev.orgerasure.keycloak.erasure.FinishedMembers;
import dev.orgerasure.keycloak.erasure.LockedMemberEntity;
import dev.orgerasure.keycloak.erasure.MemberCounts;
import dev.orgerasure.keycloak.lockout.TenantLockout;
import dev.orgerasure.keycloak.members.MemberDecision;
import dev.orgerasure.keycloak.members.MemberFacts;
import dev.orgerasure.keycloak.members.MemberRules;
import dev.orgerasure.keycloak.notification.CompletionNotifier;
import dev.orgerasure.keycloak.ranges.RangePhase;
import dev.orgerasure.keycloak.ranges.SharedRanges;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.support.StepTimers;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import dev.orgerasure.keycloak.tenant.UserIdRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Finishes an erasure whose app data is gone: tells the requester by e-mail, deletes every
 * locked-out member's identity a batch at a time ({@link IdentityDeletion}: user-removed events
 * fire for each, caches and session stores are cleaned) with the login events that name them, then
 * the admin events that name any of them, removes the tenant, and writes the audit record. Each
 * step is idempotent and each batch is its own transaction, so a second delivery or a restart in
 * the middle ends the same way.
 */
public class ErasureFinisher {

  private static final Logger LOG = Logger.getLogger(ErasureFinisher.class);

  /** Erased members whose ids and names are held in memory for one pass over admin events. */
  private static final int SWEEP_MEMBERS = 20_000;

  /** What the audit record counts, beside the service's report. */
  private record ErasureCounts(
      MemberPolicy memberPolicy,
      long membersLocked,
      long membersKeptInOtherTenants,
      long membersKeptAsAdministrators,
      long membersKeptAfterLeaving,
      long membersDetached,
      long identitiesDeleted,
      long loginEventsDeleted,
      PurgeReport appData) {}

  private final KeycloakSessionFactory factory;
  private final ErasureSettings settings;
  private final ErasureTransactions transactions;

  public ErasureFinisher(KeycloakSessionFactory factory, ErasureSettings settings) {
    this.factory = factory;
    this.settings = settings;
    this.transactions = new ErasureTransactions(factory);
  }

  public void finish(String requestId) {
    if (!claim(requestId)) {
      return;
    }
    try {
      finishClaimed(requestId);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Erasure %s: finishing failed; tried again when its lease ends", requestId);
      transactions.inTransaction(
          session -> {
            request(session, requestId).finishingFailed(e.getMessage());
            return null;
          });
    }
  }

  private void finishClaimed(String requestId) {
    lockOutLateMembers(requestId);
    new CompletionNotifier(factory).notifyRequester(requestId);
    StepTimers.identityDeletion().record(() -> finishMembers(requestId));
    deleteAdminEventsNamingErasedMembers(requestId);
    transactions.inRealmOf(
        requestId,
        (session, request) -> {
          OrgErasureProvider erasures = OrgErasureProvider.of(session);
          TenantDirectory tenants = erasures.tenants(request.getTenantKind());
          tenants
              .find(request.getOrganizationId())
              .ifPresent(tenant -> tenants.remove(tenant, request.tenantClosure()));
          erasures.selfServiceErasers().forget(request.getOrganizationId());
          return null;
        });
    transactions.inRealmOf(
        requestId,
        (session, request) -> {
          OrgErasureProvider erasures = OrgErasureProvider.of(session);
          FinishedMembers finished = erasures.requests().finishedSoFar(requestId);
          request.identitiesDeleted(finished.identitiesDeleted(), finished.loginEventsDeleted());
          request.counted(erasures.requests().countMembers(requestId));
          erasures.recordAudit(
              AuditEventType.IDENTITIES_DELETED,
              request,
              Map.of(
                  "memberPolicy", request.getMemberPolicy(),
                  "identitiesDeleted", request.finishing().identitiesDeleted(),
                  "membersDetached", request.members().detached(),
                  "loginEventsDeleted", request.finishing().loginEventsDeleted()));
          boolean withErrors = request.report().map(PurgeReport::hasFailures).orElse(false);
          AuditRecordEntity record =
              erasures.recordAudit(AuditEventType.COMPLETED, request, counts(request));
          request.completed(withErrors, record.getId(), Time.currentTimeMillis());
          erasures.requests().deleteMembers(requestId);
          LOG.infof(
              "Erasure %s completed (%s, %s): %d identities deleted, %d detached; audit record %d",
              requestId,
              request.getState(),
              request.getMemberPolicy(),
              request.finishing().identitiesDeleted(),
              request.members().detached(),
              record.getSequence());
          return null;
        });
  }

  /** Takes the erasure for this node, unless it is not ready or another node holds it. */
  private boolean claim(String requestId) {
    try {
      return transactions.inTransaction(
          session -> {
            ErasureRequestEntity request =
                OrgErasureProvider.of(session).requests().findById(requestId).orElse(null);
            return request != null
                && request.claimFinishing(Time.currentTimeMillis(), settings.leaseEnd());
          });
    } catch (ModelException concurrentClaim) {
      // Another finisher claimed it in the same instant; the request's version refused this one.
      LOG.debugf(concurrentClaim, "Erasure %s is being finished elsewhere", requestId);
      return false;
    }
  }

  private void renewClaim(String requestId) {
    transactions.renewLease(requestId, settings.leaseEnd());
  }

  /**
   * Members who joined after the lockout (an admin added them, or a sign-up raced it) are decided
   * and locked out like the others before anyone is deleted, and counted.
   */
  private void lockOutLateMembers(String requestId) {
    record Target(Tenant tenant, String realmId) {}
    Optional<Target> target =
        transactions.inRealmOf(
            requestId,
            (session, request) ->
                OrgErasureProvider.of(session)
                    .tenants(request.getTenantKind())
                    .find(request.getOrganizationId())
                    .map(tenant -> new Target(tenant, request.getRealmId())));
    target.ifPresent(
        t -> {
          MemberCounts members =
              new TenantLockout(factory, t.realmId(), settings.lockoutBatchSize(), Optional.empty())
                  .lockOutEveryMember(
                      t.tenant(), requestId, sharedRanges(requestId, RangePhase.LOCKOUT));
          transactions.inTransaction(
              session -> {
                request(session, requestId).counted(members);
                return null;
              });
        });
  }

  /**
   * Deletes or detaches every member still to finish, range by range of user ids on every node of
   * the cluster, side by side, each a batch per transaction (Keycloak's listeners of user removal
   * wait mostly on the database, so ranges overlap well). Workers write only their own members'
   * rows.
   */
  private void finishMembers(String requestId) {
    sharedRanges(requestId, RangePhase.DELETION).run(range -> finishRange(requestId, range));
  }

  /**
   * Deletes or detaches the range's members still to finish: the work of one range, on any node.
   */
  public void finishRange(String requestId, UserIdRange range) {
    int finished;
    do {
      finished = finishMemberBatch(requestId, range);
    } while (finished > 0);
  }

  private SharedRanges sharedRanges(String requestId, RangePhase phase) {
    return new SharedRanges(factory, settings, requestId, phase, () -> renewClaim(requestId));
  }

  /**
   * Deletes Keycloak's admin events that name an erased member by id, username or e-mail, once
   * every member is finished: one pass over the realm's admin events per {@value #SWEEP_MEMBERS}
   * erased members, so that the cost grows with events plus members, not with their product as a
   * pass per batch would. A pass reads {@code admin-event-sweep-page} events per transaction and
   * renews the lease after each, so that no other node takes the erasure over while a large realm
   * is swept. The names were written on the members' rows with the deletion, so a restart before
   * completion sweeps again and finds what is left.
   */
  private void deleteAdminEventsNamingErasedMembers(String requestId) {
    record Erased(String realmId, List<String> ids, List<String> names) {}
    String after = "";
    while (after != null) {
      String from = after;
      Erased erased =
          transactions.inRealmOf(
              requestId,
              (session, request) -> {
                List<LockedMemberEntity> members =
                    OrgErasureProvider.of(session)
                        .requests()
                        .findErasedMembersAfter(requestId, from, SWEEP_MEMBERS);
                return new Erased(
                    request.getRealmId(),
                    members.stream().map(LockedMemberEntity::userId).toList(),
                    members.stream().flatMap(m -> m.erasedNames().stream()).toList());
              });
      if (erased.ids().isEmpty()) {
        return;
      }
      AdminEventMatcher matcher = new AdminEventMatcher(erased.ids(), erased.names());
      Optional<AdminEventSweep.Position> page = Optional.of(AdminEventSweep.Position.START);
      long deleted = 0;
      while (page.isPresent()) {
        AdminEventSweep.Position position = page.get();
        AdminEventSweep.Page swept =
            transactions.inTransaction(
                session ->
                    new AdminEventSweep(
                            session.getProvider(JpaConnectionProvider.class).getEntityManager())
                        .deleteNaming(
                            erased.realmId(), matcher, position, settings.adminEventSweepPage()));
        deleted += swept.deleted();
        page = swept.next();
        renewClaim(requestId);
      }
      LOG.debugf(
          "Erasure %s: %d admin events named %d erased members",
          requestId, deleted, erased.ids().size());
      after =
          erased.ids().size() < SWEEP_MEMBERS ? null : erased.ids().get(erased.ids().size() - 1);
    }
  }

  /**
   * Deletes or detaches one batch of the range's members, each decided again first: a member who
   * joined another tenant or became an admin since the lockout is kept as they were, without this
   * membership; one whom someone took out of the tenant since is kept as they were. The facts
   * behind the decisions are found for the whole batch at once, and the identities are deleted
   * together ({@link IdentityDeletion}), in Keycloak's batch mode so that no query flushes what the
   * batch has loaded so far. What was deleted is written on the members' rows; the erasure itself
   * is only read.
   */
  private int finishMemberBatch(String requestId, UserIdRange range) {
    return transactions.inRealmOf(
        requestId,
        (session, request) -> {
          RealmModel realm = session.getContext().getRealm();
          ErasureRequestRepository requests = OrgErasureProvider.of(session).requests();
          TenantDirectory tenants = OrgErasureProvider.of(session).tenants(request.getTenantKind());
          Tenant tenant = new Tenant(request.getOrganizationId(), request.getOrganizationName());
          List<LockedMemberEntity> members =
              requests.findMembersToFinish(requestId, range, settings.identityBatchSize());
          if (members.isEmpty()) {
            return 0;
          }
          List<String> memberIds = members.stream().map(LockedMemberEntity::userId).toList();
          MemberFacts facts = MemberRules.factsOf(session, realm, tenants, tenant, memberIds);
          Set<String> stillMembers = tenants.membersAmong(tenant, memberIds);
          List<String> erasedIds = new ArrayList<>();
          Set<String> deleted = new HashSet<>();
          EntityManagers.runInBatch(
              session,
              () -> {
                List<UserModel> toDelete = new ArrayList<>();
                Map<String, UserModel> stored =
                    IdentityDeletion.storedUsers(session, realm, memberIds);
                for (LockedMemberEntity member : members) {
                  UserModel user = stored.get(member.userId());
                  MemberDecision now =
                      user == null
                          ? MemberDecision.ERASE
                          : MemberRules.decideAgain(
                              facts,
                              request.getMemberPolicy(),
                              member.userId(),
                              member.decision(),
                              stillMembers);
                  member.decidedAgain(now);
                  member.finished();
                  if (now == MemberDecision.KEEP_LEFT_TENANT) {
                    cached(session, realm, user).setEnabled(member.wasEnabled());
                  } else if (now == MemberDecision.DETACH) {
                    MemberDetachment.detach(
                        tenants, tenant, cached(session, realm, user), member.wasEnabled());
                  } else if (!now.erases()) {
                    UserModel kept = cached(session, realm, user);
                    kept.setEnabled(member.wasEnabled());
                    tenants.removeMember(tenant, kept);
                  } else {
                    if (user != null) {
                      member.erasedAs(user.getUsername(), user.getEmail());
                      toDelete.add(user);
                    }
                    erasedIds.add(member.userId());
                  }
                }
                deleted.addAll(IdentityDeletion.delete(session, realm, toDelete));
              },
              true);
          Map<String, Long> events =
              erasedIds.isEmpty()
                  ? Map.of()
                  : LoginEvents.delete(
                      session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                      realm.getId(),
                      erasedIds);
          for (LockedMemberEntity member : members) {
            if (deleted.contains(member.userId())) {
              member.identityDeleted();
            }
            member.loginEventsDeleted(events.getOrDefault(member.userId(), 0L));
          }
          return members.size();
        });
  }

  /** The user through Keycloak's user cache, whose writes invalidate it everywhere. */
  private static UserModel cached(KeycloakSession session, RealmModel realm, UserModel stored) {
    return session.users().getUserById(realm, stored.getId());
  }

  private static ErasureCounts counts(ErasureRequestEntity request) {
    return new ErasureCounts(
        request.getMemberPolicy(),
        request.members().signedOut(),
        request.members().keptInOtherTenants(),
        request.members().keptAsAdministrators(),
        request.members().keptAfterLeaving(),
        request.members().detached(),
        request.finishing().identitiesDeleted(),
        request.finishing().loginEventsDeleted(),
        request.report().orElse(null));
  }
}
