package dev.orgerasure.service.metrics;

import dev.orgerasure.contract.PurgeState;
import java.util.Map;

/**
 * What the database holds for every server sharing it, read at one moment: the purges per state and
 * the files that could not be deleted yet.
 */
public record StoredState(Map<PurgeState, Long> purgesByState, long undeletedFiles) {

  /** Before the first read. */
  static final StoredState NONE = new StoredState(Map.of(), 0);

  public StoredState {
    purgesByState = Map.copyOf(purgesByState);
  }

  long purges(PurgeState state) {
    return purgesByState.getOrDefault(state, 0L);
  }
}
