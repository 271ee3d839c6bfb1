package dev.orgerasure.service.metrics;

import dev.orgerasure.service.erasure.PurgeRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Reads the {@link StoredState} in a transaction of its own: the gauges are read on the metrics
 * endpoint's thread, which has none.
 */
@Stateless
public class StoredStateReader {

  @Inject private PurgeRepository purges;

  public StoredState read() {
    return new StoredState(purges.countByState(), purges.countUndeletedFiles());
  }
}
