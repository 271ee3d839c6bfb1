package dev.orgerasure.service.purge;

import dev.orgerasure.service.erasure.ReportBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The purge's settings (MicroProfile Config; defaults in META-INF/microprofile-config.properties).
 */
@ApplicationScoped
public class PurgeSettings {

  @Inject
  @ConfigProperty(name = "erasure.purge.batch-size")
  int batchSize;

  @Inject
  @ConfigProperty(name = "erasure.purge.batch-size-max")
  int batchSizeMax;

  @Inject
  @ConfigProperty(name = "erasure.purge.batch-target-ms")
  long batchTargetMs;

  @Inject
  @ConfigProperty(name = "erasure.purge.timer-interval-ms")
  long timerIntervalMs;

  @Inject
  @ConfigProperty(name = "erasure.purge.timeout-budget-ms")
  long timeoutBudgetMs;

  @Inject
  @ConfigProperty(name = "erasure.grace-period.default-seconds")
  long defaultGraceSeconds;

  @Inject
  @ConfigProperty(name = "erasure.report.backoff-first-ms")
  long backoffFirstMs;

  @Inject
  @ConfigProperty(name = "erasure.report.backoff-max-ms")
  long backoffMaxMs;

  @Inject
  @ConfigProperty(name = "erasure.file-retry.backoff-first-ms")
  long fileRetryFirstMs;

  @Inject
  @ConfigProperty(name = "erasure.file-retry.backoff-max-ms")
  long fileRetryMaxMs;

  /** Rows of each table's first batch in one run of a purge. */
  public int batchSize() {
    return Math.max(1, batchSize);
  }

  /**
   * A new run of a purge: batches grow from {@link #batchSize()} towards the maximum while they
   * take well under the target time.
   */
  public PurgeRun newRun() {
    return new PurgeRun(
        batchSize(), Math.max(1, batchSizeMax), Duration.ofMillis(Math.max(1, batchTargetMs)));
  }

  public Duration timerInterval() {
    return Duration.ofMillis(Math.max(10, timerIntervalMs));
  }

  /**
   * How long one timeout may go on running batches (each in its own transaction) before yielding.
   */
  public Duration timeoutBudget() {
    return Duration.ofMillis(Math.max(0, timeoutBudgetMs));
  }

  public Duration defaultGracePeriod() {
    return Duration.ofSeconds(Math.max(0, defaultGraceSeconds));
  }

  public ReportBackoff reportBackoff() {
    return new ReportBackoff(Duration.ofMillis(backoffFirstMs), Duration.ofMillis(backoffMaxMs));
  }

  /** Between attempts to delete a file that could not be deleted. */
  public ReportBackoff fileRetryBackoff() {
    return new ReportBackoff(
        Duration.ofMillis(fileRetryFirstMs), Duration.ofMillis(fileRetryMaxMs));
  }
}
