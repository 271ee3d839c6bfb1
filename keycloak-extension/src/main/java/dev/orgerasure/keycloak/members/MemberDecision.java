package dev.orgerasure.keycloak.members;

/**
 * What an erasure does to one member of the tenant (README, "Who is erased"). Decided at lockout
 * and again before identities are deleted, and recorded with the member.
 */
public enum MemberDecision {
  /** Disabled, signed out everywhere, and deleted with the tenant. */
  ERASE("ERASE"),
  /** Also a member of another tenant: loses only this membership and is signed out. */
  KEEP_OTHER_TENANTS("KEEP: member of other organisations"),
  /** Holds an admin role: loses only this membership and is signed out. */
  KEEP_ADMINISTRATOR("KEEP: administrator");

  private final String reason;

  MemberDecision(String reason) {
    this.reason = reason;
  }

  public boolean erases() {
    return this == ERASE;
  }

  /** As the audit record and the pages state it. */
  public String reason() {
    return reason;
  }
}
