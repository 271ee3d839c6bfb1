package dev.orgerasure.keycloak.notification;

/** What a notice that could not be sent says about why: to the erasure, and to the log. */
final class MailFailures {

  private MailFailures() {}

  /** The innermost cause's message: what the mail server or the connection said. */
  static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /**
   * The same without the recipient's address, for the log and the audit record, which carry ids,
   * never addresses: a server's refusal often quotes the recipient's address, in any case.
   */
  static String forLog(Throwable failure, String recipient) {
    String message = rootMessage(failure);
    if (recipient == null || recipient.isEmpty()) {
      return message;
    }
    StringBuilder logged = new StringBuilder();
    int from = 0;
    int at = 0;
    while (at + recipient.length() <= message.length()) {
      if (message.regionMatches(true, at, recipient, 0, recipient.length())) {
        logged.append(message, from, at).append("<recipient>");
        at += recipient.length();
        from = at;
      } else {
        at++;
      }
    }
    return logged.append(message, from, message.length()).toString();
  }
}
