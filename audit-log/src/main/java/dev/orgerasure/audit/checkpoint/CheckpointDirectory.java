package dev.orgerasure.audit.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The copy of every checkpoint outside the database: one file {@code checkpoint-<treeSize, 12
 * digits>.jws} holding the compact JWS. Someone who can rewrite the database cannot also rewrite
 * this copy, so the two disagree after a rewrite.
 */
public final class CheckpointDirectory {

  private static final Pattern FILE = Pattern.compile("checkpoint-(\\d{12,18})\\.jws");

  private final Path directory;

  public CheckpointDirectory(Path directory) {
    this.directory = directory;
  }

  public static String fileName(long treeSize) {
    return String.format("checkpoint-%012d.jws", treeSize);
  }

  /** The file of a checkpoint's C2SP signed note, beside its JWS. */
  public static String noteFileName(long treeSize) {
    return String.format("checkpoint-%012d.note", treeSize);
  }

  /**
   * Writes the checkpoint's file: to a temporary file first, forced to disk, then moved into place
   * at once, so a reader never sees half a checkpoint. Writing the same checkpoint again is
   * harmless.
   *
   * @throws IOException also when the directory already holds a different checkpoint of that size
   */
  public Path write(SignedCheckpoint checkpoint) throws IOException {
    return writeOnce(
        fileName(checkpoint.checkpoint().treeSize()),
        checkpoint.jws().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Writes the checkpoint of {@code treeSize} as a C2SP signed note (docs/audit.md, "Standard
   * checkpoint format"), as {@link #write} writes its JWS.
   *
   * @throws IOException also when the directory already holds a different note of that size
   */
  public Path writeNote(long treeSize, String note) throws IOException {
    return writeOnce(noteFileName(treeSize), note.getBytes(StandardCharsets.UTF_8));
  }

  private Path writeOnce(String name, byte[] content) throws IOException {
    Files.createDirectories(directory);
    Path target = directory.resolve(name);
    if (Files.exists(target)) {
      if (Arrays.equals(Files.readAllBytes(target), content)
          || Files.readString(target, StandardCharsets.UTF_8)
              .strip()
              .equals(new String(content, StandardCharsets.UTF_8))) {
        return target;
      }
      throw new IOException(target + " already holds a different checkpoint");
    }
    Path temporary = Files.createTempFile(directory, ".checkpoint-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(content));
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return target;
  }

  /** Every checkpoint's compact JWS, ordered by tree size. */
  public List<String> readAll() throws IOException {
    Map<Long, Path> files = new TreeMap<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        Matcher name = FILE.matcher(entry.getFileName().toString());
        if (name.matches()) {
          files.put(Long.parseLong(name.group(1)), entry);
        }
      }
    }
    List<String> checkpoints = new ArrayList<>();
    for (Path file : files.values()) {
      checkpoints.add(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }
    return checkpoints;
  }
}
