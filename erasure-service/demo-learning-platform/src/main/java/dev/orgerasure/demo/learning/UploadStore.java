package dev.orgerasure.demo.learning;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory the platform stores uploaded asset files in; each asset row names its file by a
 * path relative to it. The erasure service deletes them through the same root.
 */
@ApplicationScoped
public class UploadStore {

  @Inject
  @ConfigProperty(name = "learning.file-store.root")
  String configuredRoot;

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

  /** Stores bytes under a relative path, creating its directories. */
  public void write(String relativePath, byte[] content) {
    Path file = root.resolve(relativePath).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("path leaves the file store: " + relativePath);
    }
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the file-store file " + relativePath, e);
    }
  }
}
