package dev.orgerasure.e2e.erasure;

import java.util.List;
import java.util.Set;

/**
 * The erasure's states and audit steps as the tests expect them (docs/contract.md, docs/audit.md).
 */
final class ErasureStates {

  /** The states an erasure ends in when it went through. */
  static final Set<String> DONE = Set.of("COMPLETED", "COMPLETED_WITH_ERRORS");

  /** The audit records of an erasure that went through without a hitch, in order. */
  static final List<String> STEPS =
      List.of(
          "REQUESTED",
          "LOCKED_OUT",
          "HANDED_OVER",
          "APP_DATA_PURGED",
          "NOTIFIED",
          "IDENTITIES_DELETED",
          "COMPLETED");

  private ErasureStates() {}
}
