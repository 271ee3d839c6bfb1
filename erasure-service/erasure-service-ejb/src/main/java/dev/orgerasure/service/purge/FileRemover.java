package dev.orgerasure.service.purge;

/** Removes one asset file from the file store. */
public interface FileRemover {

  /**
   * @param relativePath the path stored in the asset row
   * @return true if the file is gone (also when it was already missing), false if it could not be
   *     deleted
   */
  boolean remove(String relativePath);
}
