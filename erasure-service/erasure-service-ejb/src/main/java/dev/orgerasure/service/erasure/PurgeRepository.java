package dev.orgerasure.service.erasure;

import dev.orgerasure.contract.PurgeState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface PurgeRepository {

  Optional<Purge> find(String requestId);

  /**
   * Loads the purge and locks its row until the transaction ends, so only one batch runs at a time.
   */
  Optional<Purge> lock(String requestId);

  /** Purges past their grace period and not yet reported. */
  List<String> findInProgress();

  /** The purges of every server sharing the database, per state; states without any left out. */
  Map<PurgeState, Long> countByState();

  /** Files of every purge that could not be deleted yet. */
  long countUndeletedFiles();

  void store(Purge purge);

  /**
   * Stores the members whose accounts the purge's erasure deletes, with the purge stored before in
   * the same transaction.
   */
  void storeErasedMembers(String requestId, Collection<String> userIds);

  /** Forgets the purge's erased members, once nothing of theirs is left to purge. */
  void forgetErasedMembers(String requestId);
}
