package dev.orgerasure.service.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The hand-overs this server's erasure API answered, by {@link HandOverOutcome}. */
@ApplicationScoped
public class HandOverMetrics {

  private static final String HAND_OVERS = "org_erasure_service_hand_overs";

  @Inject private MetricRegistry registry;

  private final Map<HandOverOutcome, Counter> counters = new EnumMap<>(HandOverOutcome.class);

  @PostConstruct
  void register() {
    Metadata metadata =
        Metadata.builder()
            .withName(HAND_OVERS)
            .withDescription("Hand-overs from Keycloak this server answered, by outcome")
            .build();
    for (HandOverOutcome outcome : HandOverOutcome.values()) {
      counters.put(outcome, registry.counter(metadata, new Tag("outcome", outcome.tag())));
    }
  }

  /** Creates the bean at start, so every outcome shows at zero before the first hand-over. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {}

  public void received(HandOverOutcome outcome) {
    counters.get(outcome).inc();
  }
}
