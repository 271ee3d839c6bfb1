package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.keycloak.members.MemberDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A member locked out by an erasure, with the enabled flag they had before, so that a cancel
 * restores exactly what was.
 */
@Entity
@Table(name = "ORG_ERASURE_LOCKED_MEMBER")
@IdClass(LockedMemberEntity.Key.class)
@NamedQueries({
  @NamedQuery(
      name = "LockedMember.findToDelete",
      query =
          "select m from LockedMemberEntity m where m.requestId = :requestId and m.deleted = false"
              + " and m.decision = dev.orgerasure.keycloak.members.MemberDecision.ERASE"
              + " order by m.userId"),
  @NamedQuery(
      name = "LockedMember.countByDecision",
      query =
          "select m.decision, count(m) from LockedMemberEntity m where m.requestId = :requestId"
              + " group by m.decision"),
  @NamedQuery(
      name = "LockedMember.countByRequest",
      query = "select count(m) from LockedMemberEntity m where m.requestId = :requestId")
})
public class LockedMemberEntity {

  @Id
  @Column(name = "REQUEST_ID", length = 36)
  private String requestId;

  @Id
  @Column(name = "USER_ID", length = 36)
  private String userId;

  @Column(name = "WAS_ENABLED", nullable = false)
  private boolean wasEnabled;

  @Column(name = "DELETED", nullable = false)
  private boolean deleted;

  @Enumerated(EnumType.STRING)
  @Column(name = "DECISION", length = 32, nullable = false)
  private MemberDecision decision;

  protected LockedMemberEntity() {}

  public LockedMemberEntity(
      String requestId, String userId, boolean wasEnabled, MemberDecision decision) {
    this.requestId = Objects.requireNonNull(requestId);
    this.userId = Objects.requireNonNull(userId);
    this.wasEnabled = wasEnabled;
    this.decision = Objects.requireNonNull(decision);
  }

  public String userId() {
    return userId;
  }

  public boolean wasEnabled() {
    return wasEnabled;
  }

  public MemberDecision decision() {
    return decision;
  }

  /** Decided again before deletion: the member now has a reason to stay. */
  public void keep(MemberDecision reason) {
    if (reason.erases()) {
      throw new IllegalArgumentException("Not a reason to keep: " + reason);
    }
    decision = reason;
  }

  public void deleted() {
    deleted = true;
  }

  public static class Key implements Serializable {
    private String requestId;
    private String userId;

    public Key() {}

    public Key(String requestId, String userId) {
      this.requestId = requestId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && requestId.equals(k.requestId) && userId.equals(k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(requestId, userId);
    }
  }
}
