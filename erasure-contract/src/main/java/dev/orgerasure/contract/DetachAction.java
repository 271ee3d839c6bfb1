package dev.orgerasure.contract;

/**
 * What a {@link MemberPolicy#DETACH} erasure does to the organisation's rows of one table. An
 * {@link MemberPolicy#ERASE} erasure deletes them all.
 */
public enum DetachAction {
  /** The organisation's rows go, as with Erase. */
  DELETE,
  /**
   * The rows are a kept person's own: they stay, and what ties them to the organisation is reset.
   */
  RESET,
  /**
   * The rows are people's own and belong to no organisation: those of the members the erasure
   * deletes go, under either policy, and every other row stays as it is. Rows counted for such a
   * table are rows deleted.
   */
  KEEP
}
