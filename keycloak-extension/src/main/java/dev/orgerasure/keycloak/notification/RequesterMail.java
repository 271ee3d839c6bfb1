package dev.orgerasure.keycloak.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One e-mail of our e-mail theme to the person who asked for an erasure, through Keycloak's e-mail
 * sender and the realm's SMTP settings. The logs name the erasure and the user's id, never the
 * address.
 *
 * @param notice what the mail is, for the logs, e.g. "completion notice"
 */
record RequesterMail(String notice, String subjectKey, String template) {

  private static final Logger LOG = Logger.getLogger(RequesterMail.class);

  /**
   * Sends it to {@code requester}, whose subject names the organisation; answers why it was not
   * sent, if it was not.
   */
  Optional<String> send(
      KeycloakSession session,
      RealmModel realm,
      UserModel requester,
      String requestId,
      String organizationName,
      Map<String, Object> attributes) {
    try {
      session
          .getProvider(EmailTemplateProvider.class)
          .setRealm(realm)
          .setUser(requester)
          // The template provider adds its own entries, so the map must be mutable.
          .send(subjectKey, List.of(organizationName), template, new HashMap<>(attributes));
      LOG.infof("Erasure %s: %s sent to user %s", requestId, notice, requester.getId());
      return Optional.empty();
    } catch (EmailException e) {
      String failure = MailFailures.forLog(e, requester.getEmail());
      LOG.warnf(
          "Erasure %s: %s to user %s not sent: %s", requestId, notice, requester.getId(), failure);
      LOG.debugf(e, "Erasure %s: %s not sent", requestId, notice);
      return Optional.of("The e-mail could not be sent: " + failure);
    }
  }
}
