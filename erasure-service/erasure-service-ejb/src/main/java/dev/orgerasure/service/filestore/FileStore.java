package dev.orgerasure.service.filestore;

import java.util.Optional;

/**
 * Where the application keeps the files its rows name (the inventory's {@code files} entries), by
 * paths relative to the store: a local directory ({@link LocalFileStore}) or a bucket of an
 * S3-compatible object store ({@link S3FileStore}), as {@code erasure.file-store.type} says.
 */
public interface FileStore {

  /**
   * Deletes a stored file. A file already missing counts as deleted, so a purge resumed after a
   * crash counts it once; a file that cannot be deleted is logged and its error returned.
   *
   * @return empty when the file is gone, else the error
   */
  Optional<String> remove(String relativePath);

  /** The size of a stored file in bytes, or -1 if it is not there (or cannot be read). */
  long sizeOf(String relativePath);
}
