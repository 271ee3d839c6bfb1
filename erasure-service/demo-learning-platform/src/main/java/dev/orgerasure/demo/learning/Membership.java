package dev.orgerasure.demo.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A Keycloak user's place in an organisation. */
@Entity
@Table(name = "memberships")
@NamedQuery(
    name = "Membership.findByOrganizationAndUser",
    query = "SELECT m FROM Membership m WHERE m.organization.id = :orgId AND m.userId = :userId")
public class Membership {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "org_id", nullable = false, updatable = false)
  private Organization organization;

  @Column(name = "user_id", nullable = false, updatable = false, length = 36)
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MembershipRole role;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected Membership() {}

  public Membership(Organization organization, String userId, MembershipRole role) {
    this.organization = Objects.requireNonNull(organization, "organization");
    this.userId = Organization.requireText(userId, "userId");
    this.role = Objects.requireNonNull(role, "role");
    this.createdAt = OffsetDateTime.now();
  }

  public void changeRole(MembershipRole newRole) {
    this.role = Objects.requireNonNull(newRole, "role");
  }

  public Long id() {
    return id;
  }

  public Organization organization() {
    return organization;
  }

  public String userId() {
    return userId;
  }

  public MembershipRole role() {
    return role;
  }
}
