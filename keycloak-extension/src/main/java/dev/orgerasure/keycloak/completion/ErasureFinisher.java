package dev.orgerasure.keycloak.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.keycloak.audit.AuditEvent;
import dev.orgerasure.keycloak.audit.AuditRecordEntity;
import dev.orgerasure.keycloak.audit.AuditTrail;
import dev.orgerasure.keycloak.config.ErasureSettings;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.ErasureState;
import dev.orgerasure.keycloak.erasure.LockedMemberEntity;
import dev.orgerasure.keycloak.notification.CompletionNotifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.util.JsonSerialization;

/**
 * Finishes an erasure whose app data is gone: tells the requester by e-mail, deletes every
 * locked-out member's identity through Keycloak's {@link UserManager} (so user-removed events fire
 * and caches and session stores are cleaned) with the login events that name them, removes the
 * organisation with its identity providers and domains, and writes the audit record. Each step is
 * idempotent and each batch is its own transaction, so a second delivery or a restart in the middle
 * ends the same way.
 */
public class ErasureFinisher {

  private static final Logger LOG = Logger.getLogger(ErasureFinisher.class);

  private static final Set<ErasureState> FINISHABLE =
      Set.of(ErasureState.APP_DATA_PURGED, ErasureState.DELETING_IDENTITIES);

  private final KeycloakSessionFactory factory;
  private final ErasureSettings settings;

  public ErasureFinisher(KeycloakSessionFactory factory, ErasureSettings settings) {
    this.factory = factory;
    this.settings = settings;
  }

  public void finish(String requestId) {
    if (!claim(requestId)) {
      return;
    }
    new CompletionNotifier(factory).notifyRequester(requestId);
    while (deleteIdentityBatch(requestId) > 0) {
      renewClaim(requestId);
    }
    inTransaction(
        session -> {
          removeOrganization(session, request(session, requestId));
          return null;
        });
    inTransaction(
        session -> {
          ErasureRequestEntity request = request(session, requestId);
          RealmModel realm = session.realms().getRealm(request.getRealmId());
          boolean withErrors = hasErrors(request);
          AuditRecordEntity record =
              new AuditTrail(session)
                  .record(
                      new AuditEvent(
                          "COMPLETED",
                          request.getId(),
                          request.getRealmId(),
                          realm == null ? "" : realm.getName(),
                          request.getOrganizationId(),
                          request.getOrganizationName(),
                          request.getRequestedById(),
                          request.getRequestedByEmail(),
                          request.getMemberCount(),
                          counts(request),
                          request.getNotifiedTo(),
                          request.getNotificationError(),
                          withErrors
                              ? ErasureState.COMPLETED_WITH_ERRORS.name()
                              : ErasureState.COMPLETED.name()));
          request.completed(withErrors, record.getId(), Time.currentTimeMillis());
          LOG.infof(
              "Erasure %s completed (%s): %d identities deleted; audit record %s",
              requestId, request.getState(), request.getIdentitiesDeleted(), record.getId());
          return null;
        });
  }

  /** Takes the erasure for this node, unless it is not ready or another node holds it. */
  private boolean claim(String requestId) {
    return inTransaction(
        session -> {
          ErasureRequestEntity request =
              new ErasureRequestRepository(session).findById(requestId).orElse(null);
          if (request == null || !FINISHABLE.contains(request.getState())) {
            return false;
          }
          request.claimFinishing(
              Time.currentTimeMillis() + settings.finisherLeaseSeconds() * 1000L);
          return true;
        });
  }

  private void renewClaim(String requestId) {
    inTransaction(
        session -> {
          request(session, requestId)
              .claimFinishing(Time.currentTimeMillis() + settings.finisherLeaseSeconds() * 1000L);
          return null;
        });
  }

  private int deleteIdentityBatch(String requestId) {
    return inTransaction(
        session -> {
          ErasureRequestRepository requests = new ErasureRequestRepository(session);
          ErasureRequestEntity request = request(session, requestId);
          RealmModel realm = session.realms().getRealm(request.getRealmId());
          session.getContext().setRealm(realm);
          List<LockedMemberEntity> members =
              requests.findNotDeletedMembers(requestId, settings.identityBatchSize());
          if (members.isEmpty()) {
            return 0;
          }
          List<String> userIds = new ArrayList<>();
          long deleted = 0;
          UserManager users = new UserManager(session);
          for (LockedMemberEntity member : members) {
            UserModel user = session.users().getUserById(realm, member.userId());
            if (user != null && users.removeUser(realm, user)) {
              deleted++;
            }
            userIds.add(member.userId());
            member.deleted();
          }
          long events = requests.deleteLoginEvents(realm.getId(), userIds);
          request.identitiesDeleted(deleted, events);
          return members.size();
        });
  }

  private static void removeOrganization(KeycloakSession session, ErasureRequestEntity request) {
    RealmModel realm = session.realms().getRealm(request.getRealmId());
    session.getContext().setRealm(realm);
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    OrganizationModel organization = organizations.getById(request.getOrganizationId());
    if (organization == null) {
      return;
    }
    organizations
        .getIdentityProviders(organization)
        .toList()
        .forEach(idp -> session.identityProviders().remove(idp.getAlias()));
    organizations.remove(organization);
  }

  private static boolean hasErrors(ErasureRequestEntity request) {
    JsonNode appData = request.appData();
    return appData.path("files").path("failed").asLong(0) > 0;
  }

  private static String counts(ErasureRequestEntity request) {
    ObjectNode counts = JsonSerialization.mapper.createObjectNode();
    counts.put("membersLocked", request.getMembersLocked());
    counts.put("identitiesDeleted", request.getIdentitiesDeleted());
    counts.put("loginEventsDeleted", request.getLoginEventsDeleted());
    counts.set("appData", request.appData());
    return counts.toString();
  }

  private static ErasureRequestEntity request(KeycloakSession session, String requestId) {
    return new ErasureRequestRepository(session).findById(requestId).orElseThrow();
  }

  private <T> T inTransaction(Function<KeycloakSession, T> work) {
    return KeycloakModelUtils.runJobInTransactionWithResult(factory, work::apply);
  }
}
