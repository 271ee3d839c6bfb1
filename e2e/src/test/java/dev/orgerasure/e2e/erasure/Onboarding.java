package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.harness.WholeSystem;
import java.sql.Connection;
import java.util.concurrent.Callable;

/** A person's onboarding state in the learning platform, as its database holds it. */
final class Onboarding {

  private Onboarding() {}

  /**
   * {@code PENDING} for a row reset to "not onboarded, in no organisation"; otherwise the state and
   * the organisation, or {@code NO ROW}.
   */
  static String stateOf(WholeSystem system, String userId) {
    return stateOf(system::learningDatabase, userId);
  }

  /** As {@link #stateOf(WholeSystem, String)}, in one erasure-service's app database. */
  static String stateOf(Callable<Connection> database, String userId) {
    String row =
        Sql.single(
            database,
            "select state || '/' || coalesce(org_id, '-') from onboarding where user_id = ?",
            userId);
    if (row == null) {
      return "NO ROW";
    }
    return row.equals("PENDING/-") ? "PENDING" : row;
  }
}
