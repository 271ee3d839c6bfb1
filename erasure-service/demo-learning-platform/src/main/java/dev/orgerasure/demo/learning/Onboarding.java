package dev.orgerasure.demo.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A person's onboarding: one per Keycloak user, not per membership. It is the person's own, so a
 * Detach erasure of the organisation keeps it and sets it back to {@link OnboardingState#PENDING}
 * without an organisation (the data inventory says how).
 */
@Entity
@Table(name = "onboarding")
public class Onboarding {

  @Id
  @Column(name = "user_id", length = Organization.MAX_ID_LENGTH)
  private String userId;

  @Column(name = "org_id", length = Organization.MAX_ID_LENGTH)
  private String orgId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OnboardingState state;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  protected Onboarding() {}

  /** A person not onboarded yet. */
  public Onboarding(String userId) {
    this.userId = Organization.requireText(userId, "userId");
    this.state = OnboardingState.PENDING;
  }

  /** Onboarded into the member's organisation now, whatever came before. */
  public void complete(Membership member, OffsetDateTime now) {
    if (!member.userId().equals(userId)) {
      throw new IllegalArgumentException("the membership is another person's");
    }
    this.orgId = member.organization().id();
    this.state = OnboardingState.COMPLETED;
    this.completedAt = Objects.requireNonNull(now, "now");
  }

  public String userId() {
    return userId;
  }

  /** The organisation the person was onboarded into; {@code null} while pending. */
  public String orgId() {
    return orgId;
  }

  public OnboardingState state() {
    return state;
  }

  public OffsetDateTime completedAt() {
    return completedAt;
  }
}
