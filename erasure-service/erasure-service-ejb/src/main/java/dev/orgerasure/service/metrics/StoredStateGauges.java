package dev.orgerasure.service.metrics;

import dev.orgerasure.contract.PurgeState;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges of the database's state: the purges by state and the files not deleted yet. Several
 * servers share the database, so these are read from it (through {@link StoredStateCache}) and
 * every server shows the same numbers; a server's own counts would show only its share.
 */
@Singleton
@Startup
public class StoredStateGauges {

  private static final String PURGES = "org_erasure_service_purges";
  private static final String UNDELETED_FILES = "org_erasure_service_undeleted_files";

  @Inject private MetricRegistry registry;

  @Inject private StoredStateReader reader;

  private StoredStateCache cache;

  @PostConstruct
  void register() {
    cache = new StoredStateCache(reader::read, Clock.systemUTC());
    Metadata purges =
        Metadata.builder()
            .withName(PURGES)
            .withDescription("Purges of every server sharing the database, by state")
            .build();
    for (PurgeState state : PurgeState.values()) {
      registry.gauge(purges, () -> cache.current().purges(state), new Tag("state", state.name()));
    }
    registry.gauge(
        Metadata.builder()
            .withName(UNDELETED_FILES)
            .withDescription(
                "Files of purged organisations that could not be deleted yet (retried with"
                    + " back-off), of every server sharing the database")
            .build(),
        () -> cache.current().undeletedFiles());
  }
}
