package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.keycloak.members.MemberDecision;
import dev.orgerasure.keycloak.support.ContractJson;
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
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A member locked out by an erasure, with the enabled flag they had before, so that a cancel
 * restores exactly what was.
 */
@Entity
@Table(name = "ORG_ERASURE_LOCKED_MEMBER")
@IdClass(LockedMemberEntity.Key.class)
@NamedQueries({
  @NamedQuery(
      name = "LockedMember.finishedSoFar",
      query =
          "select count(case when m.identityDeleted = true then 1 end),"
              + " coalesce(sum(m.loginEventsDeleted), 0)"
              + " from LockedMemberEntity m where m.requestId = :requestId"),
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

  /** Deleted or detached by the finisher (the column predates Detach). */
  @Column(name = "DELETED", nullable = false)
  private boolean finished;

  @Enumerated(EnumType.STRING)
  @Column(name = "DECISION", length = 32, nullable = false)
  private MemberDecision decision;

  /**
   * What the finisher deleted for this member, kept on the member's own row so that batches running
   * side by side never write a row in common; the erasure adds them up when it completes.
   */
  @Column(name = "IDENTITY_DELETED", nullable = false)
  private boolean identityDeleted;

  @Column(name = "LOGIN_EVENTS_DELETED", nullable = false)
  private long loginEventsDeleted;

  /**
   * The erased member's username and e-mail as they were when the identity went: what the sweep of
   * admin events after the last batch searches for beside the id. Gone with the row at completion.
   */
  @Column(name = "ERASED_USERNAME")
  private String erasedUsername;

  @Column(name = "ERASED_EMAIL")
  private String erasedEmail;

  /**
   * The tenant's groups a kept member left at lockout, as a JSON array of ids, for a cancel to give
   * back; kept here, not on the tenant, where a group manager could add to it.
   */
  @Column(name = "LEFT_GROUPS", length = 1_000_000)
  private String leftGroups;

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

  /** Decided again before the finisher deals with the member; the decision in force is recorded. */
  public void decidedAgain(MemberDecision now) {
    decision = Objects.requireNonNull(now);
  }

  /** Deleted, or detached: the finisher is done with the member. */
  public void finished() {
    finished = true;
  }

  /** The member's identity was deleted (not merely found gone). */
  public void identityDeleted() {
    identityDeleted = true;
  }

  /** Who the erased member was known as, for the sweep of admin events. */
  public void erasedAs(String username, String email) {
    erasedUsername = username;
    erasedEmail = email;
  }

  /**
   * The names an erased member's admin events may carry: username, and e-mail when they had one.
   */
  public List<String> erasedNames() {
    return Stream.of(erasedUsername, erasedEmail).filter(Objects::nonNull).toList();
  }

  public void leftGroups(List<String> groupIds) {
    leftGroups = groupIds.isEmpty() ? null : ContractJson.write(groupIds);
  }

  public List<String> leftGroups() {
    return leftGroups == null
        ? List.of()
        : List.of(ContractJson.readStored(leftGroups, String[].class));
  }

  public void loginEventsDeleted(long events) {
    loginEventsDeleted = events;
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
