package dev.orgerasure.keycloak.lockout;

import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.LockedMemberEntity;
import dev.orgerasure.keycloak.erasure.MemberCounts;
import dev.orgerasure.keycloak.members.MemberDecision;
import dev.orgerasure.keycloak.members.MemberRules;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import java.util.List;
import java.util.function.Function;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Decides and locks out every member of a tenant not yet recorded for the erasure, in batches of
 * their own transactions: a member to erase or detach is disabled and signed out everywhere; a
 * member to keep loses this membership and is signed out. Passes repeat until one finds nobody new,
 * so a member added meanwhile, or skipped because kept members left the list, is not missed;
 * members already recorded are left as they are, so a pass after a crash goes on where it stopped.
 */
public class TenantLockout {

  private record Batch(int size, int recorded, int removed) {}

  private final KeycloakSessionFactory factory;
  private final String realmId;
  private final int batchSize;
  private final long leaseMillis;

  /**
   * @param leaseMillis how long each batch extends the caller's hold on the erasure
   */
  public TenantLockout(
      KeycloakSessionFactory factory, String realmId, int batchSize, long leaseMillis) {
    this.factory = factory;
    this.realmId = realmId;
    this.batchSize = batchSize;
    this.leaseMillis = leaseMillis;
  }

  /** Locks out every member not recorded yet; answers the members by decision, all recorded. */
  public MemberCounts lockOutEveryMember(Tenant tenant, String requestId) {
    int recordedInPass;
    do {
      recordedInPass = pass(tenant, requestId);
    } while (recordedInPass > 0);
    return inRealm(session -> OrgErasureProvider.of(session).requests().countMembers(requestId));
  }

  private int pass(Tenant tenant, String requestId) {
    int recorded = 0;
    int first = 0;
    Batch batch;
    do {
      int offset = first;
      batch = inRealm(session -> lockOutBatch(session, tenant, requestId, offset));
      recorded += batch.recorded();
      // Kept members left the tenant: the next page starts that many places earlier.
      first += batch.size() - batch.removed();
    } while (batch.size() == batchSize);
    return recorded;
  }

  private Batch lockOutBatch(KeycloakSession session, Tenant tenant, String requestId, int first) {
    RealmModel realm = session.getContext().getRealm();
    OrgErasureProvider erasures = OrgErasureProvider.of(session);
    ErasureRequestRepository requests = erasures.requests();
    ErasureRequestEntity request = requests.findById(requestId).orElseThrow();
    TenantDirectory tenants = erasures.tenants(request.getTenantKind());
    request.renewLease(Time.currentTimeMillis() + leaseMillis);
    List<UserModel> members = tenants.members(tenant, first, batchSize);
    int recorded = 0;
    int removed = 0;
    for (UserModel member : members) {
      if (requests.isLocked(requestId, member.getId())) {
        continue;
      }
      MemberDecision decision =
          MemberRules.decide(realm, tenants, tenant, request.getMemberPolicy(), member);
      requests.addLockedMember(
          new LockedMemberEntity(requestId, member.getId(), member.isEnabled(), decision));
      if (decision.disablesUntilTheEnd()) {
        MemberLockout.lockOut(session, realm, tenants, member);
      } else {
        tenants.removeMember(tenant, member);
        MemberLockout.signOut(session, realm, member);
        removed++;
      }
      recorded++;
    }
    return new Batch(members.size(), recorded, removed);
  }

  private <T> T inRealm(Function<KeycloakSession, T> work) {
    return KeycloakModelUtils.runJobInTransactionWithResult(
        factory,
        session -> {
          session.getContext().setRealm(session.realms().getRealm(realmId));
          return work.apply(session);
        });
  }
}
