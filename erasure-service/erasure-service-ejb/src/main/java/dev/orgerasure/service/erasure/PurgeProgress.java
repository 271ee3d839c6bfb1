package dev.orgerasure.service.erasure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * How many rows of one inventory table a purge has deleted so far, or reset for a table that a
 * Detach resets.
 */
@Entity
@Table(name = "purge_progress")
@IdClass(PurgeProgress.Key.class)
public class PurgeProgress {

  @Id
  @ManyToOne(optional = false)
  @JoinColumn(name = "request_id", nullable = false, updatable = false)
  private Purge purge;

  @Id
  @Column(name = "table_name", length = 63)
  private String tableName;

  @Column(nullable = false)
  private int position;

  @Column(name = "rows_deleted", nullable = false)
  private long rowsDeleted;

  protected PurgeProgress() {}

  PurgeProgress(Purge purge, String tableName, int position) {
    this.purge = Objects.requireNonNull(purge, "purge");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.position = position;
  }

  public String tableName() {
    return tableName;
  }

  public int position() {
    return position;
  }

  public long rowsDeleted() {
    return rowsDeleted;
  }

  void add(long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows is negative");
    }
    rowsDeleted += rows;
  }

  /** The composite key: request id and table name. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    // Named like the relationship it derives from; holds the purge's id.
    private String purge;
    private String tableName;

    public Key() {}

    public Key(String requestId, String tableName) {
      this.purge = requestId;
      this.tableName = tableName;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(purge, key.purge)
          && Objects.equals(tableName, key.tableName);
    }

    @Override
    public int hashCode() {
      return Objects.hash(purge, tableName);
    }
  }
}
