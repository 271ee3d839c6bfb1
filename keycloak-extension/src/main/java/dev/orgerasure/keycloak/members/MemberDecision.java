package dev.orgerasure.keycloak.members;

/**
 * What an erasure does to one member of the tenant (docs/erasure.md, "Who is erased"). Decided at
 * lockout and again before identities are deleted, and recorded with the member.
 */
public enum MemberDecision {
  /** Disabled, signed out everywhere, and deleted with the tenant. */
  ERASE("ERASE"),
  /**
   * Under the Detach policy: disabled and signed out like an erased member until the app data is
   * gone, then enabled as before, without this membership, and sent through onboarding.
   */
  DETACH("DETACH: account kept, sent through onboarding"),
  /** Also a member of another tenant: loses only this membership and is signed out. */
  KEEP_OTHER_TENANTS("KEEP: member of other organisations"),
  /** Holds an admin role: loses only this membership and is signed out. */
  KEEP_ADMINISTRATOR("KEEP: administrator"),
  /**
   * Taken out of the tenant by someone else after the lockout, before the erasure completed: no
   * longer the tenant's, so kept with the enabled flag they had before the lockout.
   */
  KEEP_LEFT_TENANT("KEEP: left the organisation before the erasure completed");

  private final String reason;

  MemberDecision(String reason) {
    this.reason = reason;
  }

  public boolean erases() {
    return this == ERASE;
  }

  /**
   * Whether the member is disabled until the erasure ends (and keeps the membership until then);
   * the others lose only this membership at once.
   */
  public boolean disablesUntilTheEnd() {
    return this == ERASE || this == DETACH;
  }

  /** As the audit record and the pages state it. */
  public String reason() {
    return reason;
  }
}
