package dev.orgerasure.keycloak.lockout;

import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.ErasureTransactions;
import dev.orgerasure.keycloak.erasure.LockedMemberEntity;
import dev.orgerasure.keycloak.erasure.MemberCounts;
import dev.orgerasure.keycloak.members.MemberDecision;
import dev.orgerasure.keycloak.members.MemberFacts;
import dev.orgerasure.keycloak.members.MemberRules;
import dev.orgerasure.keycloak.ranges.PhaseRanges;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import dev.orgerasure.keycloak.tenant.UserIdRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Decides and locks out every member of a tenant not yet recorded for the erasure, in batches of
 * their own transactions: a member to erase or detach is disabled and signed out everywhere; a
 * member to keep loses this membership and is signed out. Pages follow the members' ids, so members
 * who leave meanwhile shift nothing; passes repeat until one finds nobody new, so a member added
 * behind the page is not missed; members already recorded are left as they are, so a pass after a
 * crash goes on where it stopped. Ranges of user ids run side by side ({@link PhaseRanges}): on
 * this node when a request started the lockout, on every node of the cluster when it is resumed; a
 * batch writes the members' rows, never the erasure's.
 */
public class TenantLockout {

  /** One page of members: how many there were, how many were new, and the last id seen. */
  private record Batch(int size, int recorded, String lastUserId) {}

  private final KeycloakSessionFactory factory;
  private final String realmId;
  private final int batchSize;
  private final Optional<RequestOrigin> origin;

  /**
   * @param origin the request that started the erasure, for back-channel logouts; none after a
   *     crash, and on a node that helps with another node's lockout
   */
  public TenantLockout(
      KeycloakSessionFactory factory,
      String realmId,
      int batchSize,
      Optional<RequestOrigin> origin) {
    this.factory = factory;
    this.realmId = realmId;
    this.batchSize = batchSize;
    this.origin = origin;
  }

  /**
   * Locks out every member not recorded yet; answers the members by decision, all recorded.
   *
   * @param ranges run the ranges of members, on this node or the cluster's, and keep the caller's
   *     hold on the erasure
   */
  public MemberCounts lockOutEveryMember(Tenant tenant, String requestId, PhaseRanges ranges) {
    ranges.run(range -> lockOutRange(tenant, requestId, range));
    return inRealm(session -> OrgErasureProvider.of(session).requests().countMembers(requestId));
  }

  /** Locks out the range's members not recorded yet: the work of one range, on any node. */
  public void lockOutRange(Tenant tenant, String requestId, UserIdRange range) {
    int recordedInPass;
    do {
      recordedInPass = pass(tenant, requestId, range);
    } while (recordedInPass > 0);
  }

  private int pass(Tenant tenant, String requestId, UserIdRange range) {
    int recorded = 0;
    String after = "";
    Batch batch;
    do {
      String from = after;
      batch = inRealm(session -> lockOutBatch(session, tenant, requestId, range, from));
      recorded += batch.recorded();
      after = batch.lastUserId();
    } while (batch.size() == batchSize);
    return recorded;
  }

  /**
   * Decides each new member of the page by the member rules, records them, and locks out those to
   * erase or detach together; a member to keep loses the membership and is signed out.
   */
  private Batch lockOutBatch(
      KeycloakSession session,
      Tenant tenant,
      String requestId,
      UserIdRange range,
      String afterUserId) {
    RealmModel realm = session.getContext().getRealm();
    OrgErasureProvider erasures = OrgErasureProvider.of(session);
    ErasureRequestRepository requests = erasures.requests();
    ErasureRequestEntity request = requests.findById(requestId).orElseThrow();
    TenantDirectory tenants = erasures.tenants(request.getTenantKind());
    List<String> page = tenants.memberIds(tenant, range, afterUserId, batchSize);
    if (page.isEmpty()) {
      return new Batch(0, 0, afterUserId);
    }
    Set<String> recordedBefore = requests.recordedAmong(requestId, afterUserId, page);
    List<String> fresh = page.stream().filter(id -> !recordedBefore.contains(id)).toList();
    MemberFacts facts = MemberRules.factsOf(session, realm, tenants, tenant, fresh);
    Map<String, Boolean> enabled = MemberLockout.enabledFlags(session, fresh);
    List<String> toLockOut = new ArrayList<>();
    Map<String, LockedMemberEntity> toKeep = new LinkedHashMap<>();
    for (String userId : fresh) {
      Boolean wasEnabled = enabled.get(userId);
      if (wasEnabled == null) {
        continue;
      }
      MemberDecision decision = MemberRules.decide(facts, request.getMemberPolicy(), userId);
      LockedMemberEntity locked = new LockedMemberEntity(requestId, userId, wasEnabled, decision);
      requests.addLockedMember(locked);
      if (decision.disablesUntilTheEnd()) {
        toLockOut.add(userId);
      } else {
        toKeep.put(userId, locked);
      }
    }
    toKeep.forEach(
        (userId, locked) -> {
          UserModel member = session.users().getUserById(realm, userId);
          locked.leftGroups(tenants.removeMember(tenant, member));
          MemberLockout.signOut(session, realm, member, origin.isPresent());
        });
    MemberLockout.lockOut(session, realm, toLockOut, origin.isPresent());
    return new Batch(page.size(), toLockOut.size() + toKeep.size(), page.get(page.size() - 1));
  }

  private <T> T inRealm(Function<KeycloakSession, T> work) {
    return new ErasureTransactions(factory)
        .inRealm(
            realmId,
            session -> {
              origin.ifPresent(request -> request.lendTo(session));
              return work.apply(session);
            });
  }
}
