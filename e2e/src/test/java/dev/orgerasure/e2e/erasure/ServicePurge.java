package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.harness.WholeSystem;

/** An erasure's purge as the first erasure-service's own tables hold it (schema erasure). */
record ServicePurge(String state, int reportAttempts, String lastReportError) {

  static ServicePurge of(WholeSystem system, String requestId) {
    String row =
        Sql.single(
            system::learningDatabase,
            "select state || '|' || report_attempts || '|' || coalesce(last_report_error, '')"
                + " from purge where request_id = ?",
            requestId);
    if (row == null) {
      throw new AssertionError("the service holds no purge " + requestId);
    }
    String[] fields = row.split("\\|", 3);
    return new ServicePurge(fields[0], Integer.parseInt(fields[1]), fields[2]);
  }
}
