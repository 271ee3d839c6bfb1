package dev.orgerasure.service.purge;

/** What one step of a purge did, and so what its timer does next. */
public enum StepOutcome {
  /** A batch was deleted: more may follow at once. */
  BATCH_DONE,
  /** Nothing to do now (grace period, or waiting for the next report attempt). */
  WAIT,
  /** The app data is gone and the report to Keycloak is due. */
  REPORT_DUE,
  /** Nothing left to do ever: the purge is reported or cancelled (or unknown). */
  FINISHED
}
