package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.harness.WholeSystem;

/** A person's onboarding state in the learning platform, as its database holds it. */
final class Onboarding {

  private Onboarding() {}

  /**
   * {@code PENDING} for a row reset to "not onboarded, in no organisation"; otherwise the state and
   * the organisation, or {@code NO ROW}.
   */
  static String stateOf(WholeSystem system, String userId) {
    String row =
        Sql.single(
            system::learningDatabase,
            "select state || '/' || coalesce(org_id, '-') from onboarding where user_id = ?",
            userId);
    if (row == null) {
      return "NO ROW";
    }
    return row.equals("PENDING/-") ? "PENDING" : row;
  }
}
