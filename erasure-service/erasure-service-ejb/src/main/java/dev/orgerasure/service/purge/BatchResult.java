package dev.orgerasure.service.purge;

import dev.orgerasure.service.erasure.FileFailure;
import java.util.List;

/** What one batch removed from one table, and the files it could not delete. */
public record BatchResult(
    String table, long rowsDeleted, long filesDeleted, List<FileFailure> fileFailures) {

  public BatchResult {
    fileFailures = List.copyOf(fileFailures);
  }

  public long filesFailed() {
    return fileFailures.size();
  }

  public boolean isEmpty() {
    return rowsDeleted == 0;
  }
}
