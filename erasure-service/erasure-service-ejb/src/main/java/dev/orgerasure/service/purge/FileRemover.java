package dev.orgerasure.service.purge;

import java.util.Optional;

/** Removes one asset file from the file store. */
public interface FileRemover {

  /**
   * @param relativePath the path stored in the asset row
   * @return empty if the file is gone (also when it was already missing), else why it could not be
   *     deleted
   */
  Optional<String> remove(String relativePath);
}
