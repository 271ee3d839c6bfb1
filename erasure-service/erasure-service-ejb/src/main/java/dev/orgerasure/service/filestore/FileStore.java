package dev.orgerasure.service.filestore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The directory that holds the asset files; asset rows name files by paths relative to it. */
@ApplicationScoped
public class FileStore {

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
