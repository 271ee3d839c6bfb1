package dev.orgerasure.service.purge;

/** What one batch removed from one table. */
public record BatchResult(String table, long rowsDeleted, long filesDeleted, long filesFailed) {

  public boolean isEmpty() {
    return rowsDeleted == 0;
  }
}
