package dev.orgerasure.keycloak.notification;

import dev.orgerasure.keycloak.cancel.CancelLinks;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The "erasure scheduled" e-mail to whoever asked for an erasure with a grace period, sent once the
 * service holds it: when the purge starts, and the single-use link that cancels it until then. The
 * requester is locked out like everyone else, so the mail is their way back.
 */
public class ScheduledNotice {

  private static final Logger LOG = Logger.getLogger(ScheduledNotice.class);

  static final String TEMPLATE = "org-erasure-scheduled.ftl";
  static final String SUBJECT_KEY = "orgErasureScheduledSubject";

  private final KeycloakSessionFactory factory;

  public ScheduledNotice(KeycloakSessionFactory factory) {
    this.factory = factory;
  }

  public void send(String requestId) {
    KeycloakModelUtils.runJobInTransaction(
        factory,
        session -> {
          OrgErasureProvider erasures = OrgErasureProvider.of(session);
          ErasureRequestEntity request = erasures.requests().findById(requestId).orElseThrow();
          RealmModel realm = session.realms().getRealm(request.getRealmId());
          session.getContext().setRealm(realm);
          UserModel requester =
              CompletionNotifier.requester(session, realm, request.getRequestedById());
          Long deliveredAt = request.handOver().deliveredAt();
          if (requester == null
              || requester.getEmail() == null
              || deliveredAt == null
              || request.getGracePeriodSeconds() <= 0) {
            return;
          }
          long graceEndsAt = deliveredAt + request.getGracePeriodSeconds() * 1000L;
          String link =
              new CancelLinks(session)
                  .linkFor(erasures.settings().publicUrl(), realm, requestId, graceEndsAt)
                  .toString();
          try {
            session
                .getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(requester)
                .send(
                    SUBJECT_KEY,
                    List.of(request.getOrganizationName()),
                    TEMPLATE,
                    // The template provider adds its own entries, so the map must be mutable.
                    new HashMap<>(
                        Map.of(
                            "organizationName", request.getOrganizationName(),
                            "memberCount", request.getMemberCount(),
                            "graceEndsAt",
                                CompletionNotifier.TIME.format(Instant.ofEpochMilli(graceEndsAt)),
                            "cancelLink", link,
                            "requestId", requestId)));
            LOG.infof("Erasure %s: scheduled notice sent to user %s", requestId, requester.getId());
          } catch (EmailException e) {
            LOG.warnf(
                "Erasure %s: scheduled notice to user %s not sent: %s",
                requestId, requester.getId(), MailFailures.forLog(e, requester.getEmail()));
            LOG.debugf(e, "Erasure %s: scheduled notice not sent", requestId);
          }
        });
  }
}
