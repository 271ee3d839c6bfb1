package dev.orgerasure.demo.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A tenant of the learning platform, identified by its Keycloak organisation id. */
@Entity
@Table(name = "organizations")
public class Organization {

  static final int MAX_ID_LENGTH = 36;

  @Id
  @Column(name = "org_id", length = MAX_ID_LENGTH)
  private String id;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected Organization() {}

  public Organization(String id, String name) {
    this.id = requireOrgId(id);
    this.name = requireText(name, "name");
    this.createdAt = OffsetDateTime.now();
  }

  static String requireOrgId(String orgId) {
    requireText(orgId, "orgId");
    if (orgId.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("orgId longer than " + MAX_ID_LENGTH + " characters");
    }
    return orgId;
  }

  static String requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    return value;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
