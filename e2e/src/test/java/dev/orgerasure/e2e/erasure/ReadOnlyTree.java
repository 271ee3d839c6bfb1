package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A directory tree made read-only, as a file store mounted read-only: no file in it can be deleted
 * until {@link #close()}. Every directory loses its write permission; where POSIX permissions do
 * not bind (a test run as root), each directory also gets the immutable attribute ({@code chattr
 * +i}), which binds root too. The test is skipped where neither holds.
 */
final class ReadOnlyTree implements AutoCloseable {

  private static final Set<PosixFilePermission> READ_ONLY =
      PosixFilePermissions.fromString("r-xr-xr-x");

  private final List<Path> directories;
  private final List<Set<PosixFilePermission>> permissions = new ArrayList<>();
  private boolean immutable;

  private ReadOnlyTree(List<Path> directories) {
    this.directories = directories;
  }

  static ReadOnlyTree of(Path root) throws IOException {
    List<Path> directories;
    try (Stream<Path> tree = Files.walk(root)) {
      directories = tree.filter(Files::isDirectory).toList();
    }
    ReadOnlyTree tree = new ReadOnlyTree(directories);
    try {
      tree.lock(root);
    } catch (IOException | RuntimeException e) {
      tree.close();
      throw e;
    }
    return tree;
  }

  private void lock(Path root) throws IOException {
    for (Path directory : directories) {
      permissions.add(Files.getPosixFilePermissions(directory));
      Files.setPosixFilePermissions(directory, READ_ONLY);
    }
    if (canWrite(root)) {
      immutable = chattr("+i") == 0;
      assumeTrue(immutable && !canWrite(root), "cannot make " + root + " read-only here");
    }
  }

  private static boolean canWrite(Path directory) {
    Path probe = directory.resolve(".write-probe");
    try {
      Files.deleteIfExists(Files.createFile(probe));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The exit code of {@code chattr} on every directory; -1 when it could not run. */
  private int chattr(String change) {
    List<String> command = new ArrayList<>(List.of("chattr", change));
    directories.forEach(directory -> command.add(directory.toString()));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Writable again, with the permissions each directory had. */
  @Override
  public void close() throws IOException {
    if (immutable && chattr("-i") != 0) {
      throw new IOException("chattr -i failed on " + directories);
    }
    for (int i = 0; i < permissions.size(); i++) {
      Files.setPosixFilePermissions(directories.get(i), permissions.get(i));
    }
  }
}
