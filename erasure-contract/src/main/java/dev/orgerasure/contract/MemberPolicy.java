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

  /** The policy a hand-over without one means. */
  public static MemberPolicy orDefault(MemberPolicy policy) {
    return policy == null ? ERASE : policy;
  }
}
