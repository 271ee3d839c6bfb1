package dev.orgerasure.keycloak.notification;

import dev.orgerasure.keycloak.cancel.CancelLinks;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureTransactions;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The "erasure scheduled" e-mail to whoever asked for an erasure with a grace period, sent once the
 * service holds it: when the purge starts, and the single-use link that cancels it until then. The
 * requester is locked out like everyone else, so the mail is their way back: one that could not be
 * sent is recorded with its reason on the erasure and tried again with back-off (the scheduled task
 * does) until it is sent or the grace period is over.
 */
public class ScheduledNotice {

  static final String TEMPLATE = "org-erasure-scheduled.ftl";
  static final String SUBJECT_KEY = "orgErasureScheduledSubject";

  private static final RequesterMail MAIL =
      new RequesterMail("scheduled notice", SUBJECT_KEY, TEMPLATE);

  /** One attempt: sent (no error), or why not and whether another attempt can do better. */
  private record Attempt(String error, boolean retry) {}

  private final KeycloakSessionFactory factory;

  public ScheduledNotice(KeycloakSessionFactory factory) {
    this.factory = factory;
  }

  /** Sends the notice if it is still to go out, and records how it went. */
  public void send(String requestId) {
    ErasureTransactions transactions = new ErasureTransactions(factory);
    Optional<Attempt> attempt =
        transactions.inRealmOf(
            requestId,
            (session, request) -> {
              if (!request.scheduledNotice().isPending() || !request.getState().isInGracePeriod()) {
                return Optional.empty();
              }
              OrgErasureProvider erasures = OrgErasureProvider.of(session);
              RealmModel realm = session.getContext().getRealm();
              UserModel requester =
                  CompletionNotifier.requester(session, realm, request.getRequestedById());
              if (requester == null
                  || requester.getEmail() == null
                  || requester.getEmail().isBlank()) {
                return Optional.of(new Attempt("The requester has no e-mail address", false));
              }
              long graceEndsAt = graceEndsAt(request);
              String link =
                  new CancelLinks(session)
                      .linkFor(erasures.settings().publicUrl(), realm, requestId, graceEndsAt)
                      .toString();
              Optional<String> failure =
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
              return Optional.of(new Attempt(failure.orElse(null), true));
            });
    attempt.ifPresent(
        result ->
            transactions.inRealmOf(
                requestId,
                (session, request) -> {
                  long now = Time.currentTimeMillis();
                  if (result.error() == null) {
                    request.scheduledNoticeSent(now);
                    return null;
                  }
                  long backoffSeconds =
                      request
                          .scheduledNotice()
                          .backoffSeconds(
                              OrgErasureProvider.of(session)
                                  .settings()
                                  .deliveryMaxBackoffSeconds());
                  long retryAt = now + backoffSeconds * 1000;
                  request.scheduledNoticeFailed(result.error(), retryAt);
                  if (!result.retry() || retryAt >= graceEndsAt(request)) {
                    request.scheduledNoticeGivenUp();
                  }
                  return null;
                }));
  }

  private static long graceEndsAt(ErasureRequestEntity request) {
    return request.handOver().deliveredAt() + request.getGracePeriodSeconds() * 1000L;
  }
}
