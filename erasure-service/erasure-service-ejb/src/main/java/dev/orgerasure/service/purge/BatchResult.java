package dev.orgerasure.service.purge;

import dev.orgerasure.service.erasure.FileFailure;
import java.util.List;

/**
 * What one batch did to one table: the rows it deleted (or, under Detach, reset), the key of the
 * last of them (null when it found none, or for the table keyed by the organisation), the files it
 * deleted and those it could not.
 */
public record BatchResult(
    String table, long rows, Object[] lastKey, long filesDeleted, List<FileFailure> fileFailures) {

  public BatchResult {
    fileFailures = List.copyOf(fileFailures);
  }

  public long filesFailed() {
    return fileFailures.size();
  }

  public boolean isEmpty() {
    return rows == 0;
  }
}
