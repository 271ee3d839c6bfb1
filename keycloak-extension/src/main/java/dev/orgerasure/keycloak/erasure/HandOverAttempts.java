package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.contract.ContractLimits;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The hand-over of an erasure to the service: when it was accepted, or how often it failed and when
 * it is tried next. The back-off doubles per failure up to a maximum.
 */
@Embeddable
public class HandOverAttempts {

  /** The request thread hands over at once; the scheduled task takes over after this. */
  static final long TAKEOVER_MILLIS = 30_000;

  @Column(name = "DELIVERED_AT")
  private Long deliveredAt;

  @Column(name = "DELIVERY_ATTEMPTS", nullable = false)
  private int attempts;

  @Column(name = "NEXT_DELIVERY_AT")
  private Long nextAttemptAt;

  @Column(name = "LAST_ERROR", length = ContractLimits.ERROR_MAX_CHARS)
  private String lastError;

  /**
   * Whether a failed attempt may have reached the service all the same (it answered, or the
   * connection broke after it was made): only an erasure none of whose attempts did can be
   * cancelled without the service.
   */
  @Column(name = "DELIVERY_MAY_HAVE_ARRIVED", nullable = false)
  private boolean mayHaveArrived;

  void dueForTakeoverAfter(long lockedAt) {
    nextAttemptAt = lockedAt + TAKEOVER_MILLIS;
  }

  void delivered(long at) {
    deliveredAt = at;
    nextAttemptAt = null;
    lastError = null;
  }

  void failed(String error, boolean reachedTheService, long retryAt) {
    attempts++;
    mayHaveArrived |= reachedTheService;
    nextAttemptAt = retryAt;
    lastError = ContractLimits.truncatedError(error);
  }

  /** Seconds to wait after the attempts made so far: 1, 2, 4, … up to {@code maxSeconds}. */
  public long backoffSeconds(int maxSeconds) {
    return Math.min(maxSeconds, 1L << Math.min(attempts, 16));
  }

  public boolean isDelivered() {
    return deliveredAt != null;
  }

  /** When the service accepted the erasure; null before. */
  public Long deliveredAt() {
    return deliveredAt;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  /** Whether the service may hold the erasure: delivered, or an attempt may have arrived. */
  public boolean mayBeAtTheService() {
    return deliveredAt != null || mayHaveArrived;
  }
}
