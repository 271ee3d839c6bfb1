package dev.orgerasure.keycloak.notification;

import dev.orgerasure.keycloak.cancel.CancelLinks;
import dev.orgerasure.keycloak.erasure.ErasureTransactions;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import java.time.Instant;
import java.util.Map;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The "erasure scheduled" e-mail to whoever asked for an erasure with a grace period, sent once the
 * service holds it: when the purge starts, and the single-use link that cancels it until then. The
 * requester is locked out like everyone else, so the mail is their way back.
 */
public class ScheduledNotice {

  static final String TEMPLATE = "org-erasure-scheduled.ftl";
  static final String SUBJECT_KEY = "orgErasureScheduledSubject";

  private static final RequesterMail MAIL =
      new RequesterMail("scheduled notice", SUBJECT_KEY, TEMPLATE);

  private final KeycloakSessionFactory factory;

  public ScheduledNotice(KeycloakSessionFactory factory) {
    this.factory = factory;
  }

  public void send(String requestId) {
    new ErasureTransactions(factory)
        .inRealmOf(
            requestId,
            (session, request) -> {
              OrgErasureProvider erasures = OrgErasureProvider.of(session);
              RealmModel realm = session.getContext().getRealm();
              UserModel requester =
                  CompletionNotifier.requester(session, realm, request.getRequestedById());
              Long deliveredAt = request.handOver().deliveredAt();
              if (requester == null
                  || requester.getEmail() == null
                  || deliveredAt == null
                  || request.getGracePeriodSeconds() <= 0) {
                return null;
              }
              long graceEndsAt = deliveredAt + request.getGracePeriodSeconds() * 1000L;
              String link =
                  new CancelLinks(session)
                      .linkFor(erasures.settings().publicUrl(), realm, requestId, graceEndsAt)
                      .toString();
              MAIL.send(
                  session,
                  realm,
                  requester,
                  requestId,
                  request.getOrganizationName(),
                  Map.of(
                      "organizationName", request.getOrganizationName(),
                      "memberCount", request.getMemberCount(),
                      "graceEndsAt",
                          CompletionNotifier.TIME.format(Instant.ofEpochMilli(graceEndsAt)),
                      "cancelLink", link,
                      "requestId", requestId));
              return null;
            });
  }
}
