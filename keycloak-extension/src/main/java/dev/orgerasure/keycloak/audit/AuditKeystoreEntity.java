package dev.orgerasure.keycloak.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Base64;

/**
 * The cluster's audit keys: one PKCS#12 keystore, protected by its password, in one row every node
 * reads (docs/audit.md, "Keys and rotation"). The row exists from the migration on, empty until the
 * first node adds a key; its version moves with every change, so that a node sees another's
 * rotation.
 */
@Entity
@Table(name = "ORG_ERASURE_AUDIT_KEYSTORE")
@NamedQuery(
    name = "AuditKeystore.version",
    query = "SELECT k.version FROM AuditKeystoreEntity k WHERE k.id = :id")
public class AuditKeystoreEntity {

  static final String ID = "audit";

  @Id
  @Column(name = "ID", length = 16)
  private String id;

  @Column(name = "VERSION", nullable = false)
  private int version;

  /** Base64 of the PKCS#12 bytes; null before the first key. */
  @Column(name = "PKCS12", length = 100_000)
  private String pkcs12;

  protected AuditKeystoreEntity() {}

  int getVersion() {
    return version;
  }

  /** The keystore's bytes, or null while it holds no key. */
  byte[] pkcs12() {
    return pkcs12 == null ? null : Base64.getDecoder().decode(pkcs12);
  }

  void replace(byte[] keystore) {
    pkcs12 = Base64.getEncoder().encodeToString(keystore);
    version++;
  }
}
