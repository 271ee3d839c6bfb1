package dev.orgerasure.service.filestore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory that holds the application's files; the inventory's {@code files} entries name them
 * by paths relative to it.
 */
@ApplicationScoped
public class FileStore {

  private static final Logger LOG = Logger.getLogger(FileStore.class.getName());

  @Inject
  @ConfigProperty(name = "erasure.file-store.root")
  private String configuredRoot;

  private Path root;

  @PostConstruct
  void openRoot() {
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

  /**
   * Deletes a stored file. A file already missing counts as deleted, so a purge resumed after a
   * crash counts it once; a file that cannot be deleted is logged and its error returned.
   *
   * @return empty when the file is gone, else the error
   */
  public Optional<String> remove(String relativePath) {
    try {
      Files.deleteIfExists(resolve(relativePath));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot delete the file-store file " + relativePath + ": " + e, e);
      return Optional.of(e.toString());
    }
  }

  /** The size of a stored file in bytes, or -1 if it is not there. */
  public long sizeOf(String relativePath) {
    Path file = resolve(relativePath);
    try {
      return Files.isRegularFile(file) ? Files.size(file) : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
