package dev.orgerasure.keycloak.metrics;

import dev.orgerasure.keycloak.audit.AuditLog;
import dev.orgerasure.keycloak.erasure.ErasureState;
import dev.orgerasure.keycloak.support.StepTimers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The extension's metrics, on Keycloak's own Micrometer registry: shown at the management
 * interface's {@code /metrics} when Keycloak runs with {@code --metrics-enabled=true}
 * (docs/operating.md, "Metrics and alerts"). The erasures by state are the cluster's, read from the
 * database at most every {@link #REFRESH}, so every node shows the same numbers; the audit log's
 * appends are counted per node ({@link AuditLog#appendsCounter}).
 */
public final class ErasureMetrics {

  private static final Logger LOG = Logger.getLogger(ErasureMetrics.class);

  /** How long a read of the erasures' states serves the gauges before it is read again. */
  static final Duration REFRESH = Duration.ofSeconds(10);

  private final KeycloakSessionFactory factory;
  private volatile Snapshot snapshot = new Snapshot(0, Map.of(), 0);

  /** The erasures per state, and the oldest retrying one's request time, read at {@code readAt}. */
  private record Snapshot(long readAt, Map<ErasureState, Long> byState, long oldestRetryingSince) {}

  private ErasureMetrics(KeycloakSessionFactory factory) {
    this.factory = factory;
  }

  /** Registers the gauges over the erasures of {@code factory}'s database; once per node. */
  public static void register(KeycloakSessionFactory factory) {
    ErasureMetrics metrics = new ErasureMetrics(factory);
    MeterRegistry registry = Metrics.globalRegistry;
    for (ErasureState state : ErasureState.values()) {
      Gauge.builder(
              "org_erasure_erasures", metrics, m -> m.current().byState().getOrDefault(state, 0L))
          .description("Erasures in the cluster by state")
          // Nothing else holds the metrics object; Micrometer alone would hold it weakly.
          .strongReference(true)
          .tag("state", state.name())
          .register(registry);
    }
    Gauge.builder(
            "org_erasure_oldest_retrying_seconds",
            metrics,
            m -> {
              long since = m.current().oldestRetryingSince();
              return since == 0 ? 0 : (Time.currentTimeMillis() - since) / 1000.0;
            })
        .description(
            "Age of the oldest erasure whose hand-over is being retried (FAILED_RETRYING), since"
                + " it was requested; 0 when none is")
        .strongReference(true)
        .register(registry);
    // Shown from the start, at zero, rather than from the first append on.
    AuditLog.appendsCounter();
    StepTimers.lockout();
    StepTimers.identityDeletion();
  }

  private Snapshot current() {
    Snapshot known = snapshot;
    if (Time.currentTimeMillis() - known.readAt() < REFRESH.toMillis()) {
      return known;
    }
    try {
      Snapshot read = read();
      snapshot = read;
      return read;
    } catch (RuntimeException e) {
      LOG.debugf(e, "Cannot read the erasures' states for the metrics");
      return known;
    }
  }

  private Snapshot read() {
    Map<ErasureState, Long> byState = new EnumMap<>(ErasureState.class);
    long[] oldestRetrying = {0};
    KeycloakModelUtils.runJobInTransaction(
        factory,
        session -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              session
                  .getProvider(JpaConnectionProvider.class)
                  .getEntityManager()
                  .createNativeQuery(
                      "SELECT STATE, COUNT(*), MIN(REQUESTED_AT) FROM ORG_ERASURE_REQUEST"
                          + " GROUP BY STATE")
                  .getResultList();
          for (Object[] row : rows) {
            ErasureState state = ErasureState.valueOf((String) row[0]);
            byState.put(state, ((Number) row[1]).longValue());
            if (state == ErasureState.FAILED_RETRYING) {
              oldestRetrying[0] = ((Number) row[2]).longValue();
            }
          }
        });
    return new Snapshot(Time.currentTimeMillis(), byState, oldestRetrying[0]);
  }
}
