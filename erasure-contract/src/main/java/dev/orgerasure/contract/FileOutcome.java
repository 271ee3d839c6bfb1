package dev.orgerasure.contract;

/**
 * Files of the organisation the purge deleted, and those it could not delete (still failing when
 * counted; they do not stop the purge, the service keeps retrying them, and the erasure completes
 * with errors).
 */
public record FileOutcome(long deleted, long failed) {

  public boolean hasFailures() {
    return failed > 0;
  }
}
