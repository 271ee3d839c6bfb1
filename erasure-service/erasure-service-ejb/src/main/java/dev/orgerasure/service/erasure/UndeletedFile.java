package dev.orgerasure.service.erasure;

import dev.orgerasure.contract.ContractLimits;
import dev.orgerasure.contract.FailedFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A file of the purged organisation that could not be deleted yet, retried with back-off. */
@Entity
@Table(name = "purge_failed_file")
@IdClass(UndeletedFile.Key.class)
@NamedQuery(name = "UndeletedFile.count", query = "SELECT COUNT(f) FROM UndeletedFile f")
public class UndeletedFile {

  @Id
  @ManyToOne(optional = false)
  @JoinColumn(name = "request_id", nullable = false, updatable = false)
  private Purge purge;

  @Id
  @Column(length = 1024)
  private String path;

  @Column(nullable = false, length = 1024)
  private String error;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_attempt_at", nullable = false)
  private OffsetDateTime lastAttemptAt;

  @Column(name = "next_attempt_at", nullable = false)
  private OffsetDateTime nextAttemptAt;

  protected UndeletedFile() {}

  UndeletedFile(Purge purge, String path, String error, Instant now, ReportBackoff backoff) {
    this.purge = Objects.requireNonNull(purge, "purge");
    this.path = Objects.requireNonNull(path, "path");
    failedAgain(error, now, backoff);
  }

  /** One more attempt failed: keep its error and wait longer before the next. */
  void failedAgain(String error, Instant now, ReportBackoff backoff) {
    this.error = Objects.requireNonNullElse(ContractLimits.truncatedError(error), "unknown error");
    attempts++;
    lastAttemptAt = now.atOffset(ZoneOffset.UTC);
    nextAttemptAt = now.plus(backoff.delayAfter(attempts)).atOffset(ZoneOffset.UTC);
  }

  boolean isDue(Instant now) {
    return !now.isBefore(nextAttemptAt.toInstant());
  }

  public String path() {
    return path;
  }

  public String error() {
    return error;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt.toInstant();
  }

  FailedFile view() {
    return new FailedFile(path, error, attempts);
  }

  /** The composite key: request id and path. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    // Named like the relationship it derives from; holds the purge's id.
    private String purge;
    private String path;

    public Key() {}

    public Key(String requestId, String path) {
      this.purge = requestId;
      this.path = path;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(purge, key.purge)
          && Objects.equals(path, key.path);
    }

    @Override
    public int hashCode() {
      return Objects.hash(purge, path);
    }
  }
}
