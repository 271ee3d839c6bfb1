package dev.orgerasure.keycloak.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A signed checkpoint of the audit log (docs/audit.md), kept as the compact JWS that was signed; a
 * copy of each goes to the checkpoint directory outside the database.
 */
@Entity
@Table(name = "ORG_ERASURE_AUDIT_CHECKPOINT")
@NamedQueries({
  @NamedQuery(
      name = "AuditCheckpoint.all",
      query = "select c from AuditCheckpointEntity c order by c.treeSize"),
  @NamedQuery(
      name = "AuditCheckpoint.latest",
      query = "select c from AuditCheckpointEntity c order by c.treeSize desc"),
  @NamedQuery(
      name = "AuditCheckpoint.covering",
      query =
          "select c from AuditCheckpointEntity c where c.treeSize >= :treeSize"
              + " order by c.treeSize")
})
public class AuditCheckpointEntity {

  @Id
  @Column(name = "TREE_SIZE")
  private long treeSize;

  @Column(name = "CREATED_AT", nullable = false)
  private long createdAt;

  @Column(name = "KEY_ID", nullable = false)
  private String keyId;

  @Column(name = "ROOT_HASH", length = 64, nullable = false)
  private String rootHash;

  @Column(name = "JWS", nullable = false, length = 8000)
  private String jws;

  protected AuditCheckpointEntity() {}

  AuditCheckpointEntity(long treeSize, long createdAt, String keyId, String rootHash, String jws) {
    this.treeSize = treeSize;
    this.createdAt = createdAt;
    this.keyId = keyId;
    this.rootHash = rootHash;
    this.jws = jws;
  }

  public long getTreeSize() {
    return treeSize;
  }

  public String getJws() {
    return jws;
  }
}
