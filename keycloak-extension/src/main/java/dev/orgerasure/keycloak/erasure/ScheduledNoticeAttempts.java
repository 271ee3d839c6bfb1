package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.contract.ContractLimits;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The "erasure scheduled" e-mail to the requester, who is locked out and has no other way to the
 * cancel link: when it was sent, or how often it failed, why, and when it is tried next. Tried
 * until it is sent or the grace period ends, the back-off doubling per failure as the hand-over's
 * does.
 */
@Embeddable
public class ScheduledNoticeAttempts {

  /** The hand-over's own thread sends it at once; the scheduled task takes over after this. */
  static final long TAKEOVER_MILLIS = 30_000;

  @Column(name = "SCHEDULED_NOTICE_SENT_AT")
  private Long sentAt;

  @Column(name = "SCHEDULED_NOTICE_ATTEMPTS")
  private Integer attempts;

  @Column(name = "SCHEDULED_NOTICE_NEXT_AT")
  private Long nextAttemptAt;

  @Column(name = "SCHEDULED_NOTICE_ERROR", length = ContractLimits.ERROR_MAX_CHARS)
  private String lastError;

  /** The erasure is at the service and waits out a grace period: the notice is due. */
  void due(long handedOverAt) {
    nextAttemptAt = handedOverAt + TAKEOVER_MILLIS;
  }

  void sent(long at) {
    attempts = attempts() + 1;
    sentAt = at;
    nextAttemptAt = null;
    lastError = null;
  }

  void failed(String error, long retryAt) {
    attempts = attempts() + 1;
    nextAttemptAt = retryAt;
    lastError = ContractLimits.truncatedError(error);
  }

  /** No notice is sent any more: the grace period is over, or the requester cannot get one. */
  void givenUp() {
    nextAttemptAt = null;
  }

  /** Seconds to wait after the attempts made so far: 1, 2, 4, … up to {@code maxSeconds}. */
  public long backoffSeconds(int maxSeconds) {
    return Math.min(maxSeconds, 1L << Math.min(attempts(), 16));
  }

  /** Whether it still has to go out: due and not sent. */
  public boolean isPending() {
    return sentAt == null && nextAttemptAt != null;
  }

  /** When it was sent; null before, and for an erasure without a grace period. */
  public Long sentAt() {
    return sentAt;
  }

  public int attempts() {
    return attempts == null ? 0 : attempts;
  }

  /** Why the last attempt failed; null once sent. */
  public String lastError() {
    return lastError;
  }
}
