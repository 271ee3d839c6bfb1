package dev.orgerasure.keycloak.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the audit log: its size and the compact range of its Merkle tree (docs/audit.md), one
 * row. An append takes this row under a database lock, so appends of several Keycloak nodes are
 * ordered and the log never forks.
 */
@Entity
@Table(name = "ORG_ERASURE_AUDIT_HEAD")
public class AuditLogHeadEntity {

  static final String ID = "log";

  @Id
  @Column(name = "ID", length = 16)
  private String id;

  @Column(name = "TREE_SIZE", nullable = false)
  private long treeSize;

  @Column(name = "COMPACT_RANGE", nullable = false, length = 8000)
  private String compactRange;

  protected AuditLogHeadEntity() {}

  long getTreeSize() {
    return treeSize;
  }

  String getCompactRange() {
    return compactRange;
  }

  void moveTo(long treeSize, String compactRange) {
    this.treeSize = treeSize;
    this.compactRange = compactRange;
  }
}
