package dev.orgerasure.service.metrics;

import dev.orgerasure.service.purge.PurgedBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * This server's purge batches (docs/operating.md, "Metrics and alerts"): the rows they purged and
 * how long each took. A batch counts once its step has committed: a step that rolls back purged
 * nothing, and its batches run again.
 */
@ApplicationScoped
public class BatchMetrics {

  private static final String ROWS_PURGED = "org_erasure_service_rows_purged";
  private static final String BATCH_DURATION = "org_erasure_service_purge_batch";

  @Inject private MetricRegistry registry;

  private Counter rowsPurged;
  private Timer batches;

  @PostConstruct
  void register() {
    rowsPurged =
        registry.counter(
            Metadata.builder()
                .withName(ROWS_PURGED)
                .withDescription(
                    "Rows of the application's tables this server's purges deleted (or, under"
                        + " Detach, reset)")
                .build());
    batches =
        registry.timer(
            Metadata.builder()
                .withName(BATCH_DURATION)
                .withDescription("Purge batches this server ran that found rows, and their time")
                .build());
  }

  /** Creates the bean at start, so its metrics show at zero before the first batch. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {}

  void purged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PurgedBatch batch) {
    rowsPurged.inc(batch.rows());
    batches.update(batch.took());
  }
}
