package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.contract.ContractLimits;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The completion notice to the requester: tried once, sent to whom, or why not. */
@Embeddable
public class Notification {

  @Column(name = "NOTIFIED_AT")
  private Long attemptedAt;

  @Column(name = "NOTIFIED_TO")
  private String sentTo;

  @Column(name = "NOTIFICATION_ERROR", length = ContractLimits.ERROR_MAX_CHARS)
  private String error;

  void attempted(String sentTo, String error, long at) {
    this.attemptedAt = at;
    this.sentTo = error == null ? sentTo : null;
    this.error = ContractLimits.truncatedError(error);
  }

  public boolean isAttempted() {
    return attemptedAt != null;
  }

  /** The address the notice went to; {@code null} when it was not sent. */
  public String sentTo() {
    return sentTo;
  }

  public String error() {
    return error;
  }
}
