package dev.orgerasure.keycloak.designation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A member whom an erasure admin allowed to erase their own organisation from the account console
 * (docs/erasure.md, "Who may erase"). Kept in the extension's own table, written only through its
 * admin API, so that no attribute or group a user or organisation manager can edit grants the
 * power.
 */
@Entity
@Table(name = "ORG_ERASURE_SELF_SERVICE_ERASER")
@IdClass(SelfServiceEraserEntity.Key.class)
public class SelfServiceEraserEntity {

  @Id
  @Column(name = "REALM_ID", length = 36)
  private String realmId;

  @Id
  @Column(name = "TENANT_ID", length = 36)
  private String tenantId;

  @Id
  @Column(name = "USER_ID", length = 36)
  private String userId;

  /** The admin who designated them: who answers for the grant. */
  @Column(name = "GRANTED_BY_ID", length = 36, nullable = false)
  private String grantedById;

  @Column(name = "GRANTED_AT", nullable = false)
  private long grantedAt;

  protected SelfServiceEraserEntity() {}

  SelfServiceEraserEntity(
      String realmId, String tenantId, String userId, String grantedById, long grantedAt) {
    this.realmId = realmId;
    this.tenantId = tenantId;
    this.userId = userId;
    this.grantedById = grantedById;
    this.grantedAt = grantedAt;
  }

  public String tenantId() {
    return tenantId;
  }

  public String userId() {
    return userId;
  }

  public String grantedById() {
    return grantedById;
  }

  public long grantedAt() {
    return grantedAt;
  }

  /** The composite key: one designation per person and tenant. */
  public static class Key implements Serializable {
    private String realmId;
    private String tenantId;
    private String userId;

    public Key() {}

    Key(String realmId, String tenantId, String userId) {
      this.realmId = realmId;
      this.tenantId = tenantId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && realmId.equals(key.realmId)
          && tenantId.equals(key.tenantId)
          && userId.equals(key.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(realmId, tenantId, userId);
    }
  }
}
