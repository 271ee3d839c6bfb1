package dev.orgerasure.keycloak.notification;

import dev.orgerasure.contract.DetachAction;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.keycloak.audit.AuditEventType;
import dev.orgerasure.keycloak.audit.ReceiptLinks;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureTransactions;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Tells whoever requested an erasure that it is done, by e-mail through Keycloak's e-mail sender
 * and the realm's e-mail theme, before the identities are deleted: the requester may be a member,
 * and the data subject is told first. A failure to send is logged and recorded, and the erasure
 * goes on. It is tried once: a crash between sending and recording may send it again.
 */
public class CompletionNotifier {

  private static final Logger LOG = Logger.getLogger(CompletionNotifier.class);

  static final String TEMPLATE = "org-erasure-completed.ftl";
  static final String SUBJECT_KEY = "orgErasureCompletedSubject";

  private static final RequesterMail MAIL =
      new RequesterMail("completion notice", SUBJECT_KEY, TEMPLATE);

  /** How the notices write a time: people read them anywhere, so in UTC. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private record Outcome(String sentTo, String error) {}

  private final KeycloakSessionFactory factory;

  public CompletionNotifier(KeycloakSessionFactory factory) {
    this.factory = factory;
  }

  public void notifyRequester(String requestId) {
    Optional<Outcome> outcome =
        new ErasureTransactions(factory)
            .inRealmOf(
                requestId,
                (session, request) ->
                    request.notification().isAttempted()
                        ? Optional.empty()
                        : Optional.of(send(session, request)));
    outcome.ifPresent(
        result ->
            KeycloakModelUtils.runJobInTransaction(
                factory,
                session -> {
                  OrgErasureProvider erasures = OrgErasureProvider.of(session);
                  ErasureRequestEntity request =
                      erasures.requests().findById(requestId).orElseThrow();
                  request.notified(result.sentTo(), result.error(), Time.currentTimeMillis());
                  erasures.recordAudit(AuditEventType.NOTIFIED, request, Map.of());
                }));
  }

  private static Outcome send(KeycloakSession session, ErasureRequestEntity request) {
    RealmModel realm = session.getContext().getRealm();
    UserModel requester = requester(session, realm, request.getRequestedById());
    if (requester == null || requester.getEmail() == null || requester.getEmail().isBlank()) {
      LOG.warnf(
          "Erasure %s: notification not sent: requester %s has no e-mail address",
          request.getId(), request.getRequestedById());
      // The reason goes into the audit log, which names no person: the requester's id is there.
      return new Outcome(null, "The requester has no e-mail address");
    }
    Optional<String> failure =
        MAIL.send(
            session,
            realm,
            requester,
            request.getId(),
            request.getOrganizationName(),
            attributes(
                request, isErased(session, requester, request), receiptLink(session, request)));
    return failure.isEmpty()
        ? new Outcome(requester.getEmail(), null)
        : new Outcome(null, failure.get());
  }

  /** A realm's own admin is a user of the realm; a master admin is a user of master. */
  static UserModel requester(KeycloakSession session, RealmModel realm, String userId) {
    UserModel user = session.users().getUserById(realm, userId);
    if (user != null) {
      return user;
    }
    RealmModel master = session.realms().getRealmByName(Config.getAdminRealm());
    return master == null ? null : session.users().getUserById(master, userId);
  }

  /**
   * Whether the requester's own account goes with the organisation (an org admin), or stays (a
   * realm admin).
   */
  private static boolean isErased(
      KeycloakSession session, UserModel requester, ErasureRequestEntity request) {
    return OrgErasureProvider.of(session)
        .requests()
        .findMember(request.getId(), requester.getId())
        .map(member -> member.decision().erases())
        .orElse(false);
  }

  private static String receiptLink(KeycloakSession session, ErasureRequestEntity request) {
    OrgErasureProvider erasures = OrgErasureProvider.of(session);
    return new ReceiptLinks(
            erasures.auditKeys().current(session),
            Duration.ofDays(erasures.settings().receiptLinkLifetimeDays()))
        .linkFor(erasures.settings().publicUrl(), request.getId())
        .toString();
  }

  private static Map<String, Object> attributes(
      ErasureRequestEntity request, boolean requesterErased, String receiptLink) {
    PurgeReport report = request.report().orElseThrow();
    // The e-mail theme reads maps; FreeMarker does not see record accessors as properties.
    boolean detach = request.getMemberPolicy() == MemberPolicy.DETACH;
    List<Map<String, Object>> appCategories =
        report.tables().stream()
            .map(
                table ->
                    Map.<String, Object>of(
                        "category",
                        table.category(),
                        "count",
                        table.rows(),
                        "reset",
                        detach && table.underDetach() == DetachAction.RESET))
            .toList();
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("organizationName", request.getOrganizationName());
    attributes.put("memberCount", request.getMemberCount());
    attributes.put("membersErased", request.members().erased());
    attributes.put("membersKept", request.members().keptForAReason());
    attributes.put("memberPolicy", request.getMemberPolicy().name());
    attributes.put("membersDetached", request.members().detached());
    attributes.put("completedAt", TIME.format(Instant.ofEpochMilli(Time.currentTimeMillis())));
    attributes.put("appCategories", appCategories);
    attributes.put("filesDeleted", report.files().deleted());
    attributes.put("filesFailed", report.files().failed());
    attributes.put("requestId", request.getId());
    attributes.put("requesterErased", requesterErased);
    attributes.put("receiptLink", receiptLink);
    return attributes;
  }
}
