package dev.orgerasure.service.filestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Files in a directory (local, or a volume every server mounts at the same path), named by paths
 * relative to it.
 */
public final class LocalFileStore implements FileStore {

  private static final Logger LOG = Logger.getLogger(LocalFileStore.class.getName());

  private final Path root;

  /** Opens the directory, creating it if absent. */
  public LocalFileStore(String configuredRoot) {
    root = Path.of(configuredRoot).toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the file-store root " + root, e);
    }
  }

  /** Resolves a stored relative path, refusing any path that would leave the root. */
  public Path resolve(String relativePath) {
    Path file = root.resolve(relativePath).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("path leaves the file store: " + relativePath);
    }
    return file;
  }

  @Override
  public Optional<String> remove(String relativePath) {
    try {
      Files.deleteIfExists(resolve(relativePath));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot delete the file-store file " + relativePath + ": " + e, e);
      return Optional.of(e.toString());
    }
  }

  @Override
  public long sizeOf(String relativePath) {
    Path file = resolve(relativePath);
    try {
      return Files.isRegularFile(file) ? Files.size(file) : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
