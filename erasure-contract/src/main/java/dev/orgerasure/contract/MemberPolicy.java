package dev.orgerasure.contract;

/**
 * What an erasure does to the organisation's people, chosen at confirmation (docs/contract.md,
 * "Member policy"). Members with a reason to stay are kept under both.
 */
public enum MemberPolicy {
  /** Accounts are deleted with the organisation; the default. */
  ERASE,
  /**
   * Accounts are kept, without the organisation: enabled again as they were, and sent through
   * onboarding at their next sign-in. Accounts the organisation's identity provider manages are
   * erased all the same.
   */
  DETACH;

  /**
   * The policy a person chose, by name: none (null or blank) is {@link #ERASE}; anything but a
   * policy's exact name is refused.
   */
  public static MemberPolicy parse(String name) {
    if (name == null || name.isBlank()) {
      return ERASE;
    }
    for (MemberPolicy policy : values()) {
      if (policy.name().equals(name)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("Not a member policy: " + name);
  }

  /** The policy a hand-over without one means. */
  public static MemberPolicy orDefault(MemberPolicy policy) {
    return policy == null ? ERASE : policy;
  }
}
