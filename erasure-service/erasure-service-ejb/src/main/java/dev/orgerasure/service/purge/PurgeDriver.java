package dev.orgerasure.service.purge;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a purge on: steps, each its own transaction, until the time budget is used, the purge must
 * wait, or the report to Keycloak is due (then it is sent). Used by the timer and by the resumption
 * at start.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PurgeDriver {

  private static final Logger LOG = Logger.getLogger(PurgeDriver.class.getName());

  @Inject private PurgeStepper stepper;

  @Inject private KeycloakReporter reporter;

  @Inject private PurgeSettings settings;

  /**
   * The last step's outcome; {@link StepOutcome#WAIT} after a failed step, which is retried later.
   */
  public StepOutcome advance(String requestId, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    PurgeRun run = settings.newRun();
    try {
      while (true) {
        StepOutcome outcome = stepper.step(requestId, run);
        if (outcome == StepOutcome.REPORT_DUE) {
          stepper
              .pendingReport(requestId)
              .ifPresent(report -> stepper.recordReport(requestId, reporter.report(report)));
          return outcome;
        }
        if (outcome != StepOutcome.BATCH_DONE || System.nanoTime() - deadline >= 0) {
          return outcome;
        }
      }
    } catch (RuntimeException e) {
      // The step that failed rolled back; the purge's timer tries again at its next expiry.
      LOG.log(
          Level.WARNING, "Purge " + requestId + ": step failed, retried at the next timeout", e);
      return StepOutcome.WAIT;
    }
  }
}
