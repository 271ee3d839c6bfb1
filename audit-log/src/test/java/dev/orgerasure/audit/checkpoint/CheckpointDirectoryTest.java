package dev.orgerasure.audit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orgerasure.audit.AuditLogFixture;
import dev.orgerasure.audit.AuditLogFixture.TestKey;
import dev.orgerasure.audit.log.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirectoryTest {

  private static final TestKey KEY = AuditLogFixture.key("audit-1");
  private static final Instant TIME = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir Path temp;

  @Test
  void eachCheckpointIsOneFileNamedByItsTreeSize() throws IOException {
    SignedCheckpoint checkpoint = checkpoint(57);

    Path file = new CheckpointDirectory(temp).write(checkpoint);

    assertEquals("checkpoint-000000000057.jws", file.getFileName().toString());
    assertEquals(checkpoint.jws(), Files.readString(file));
  }

  @Test
  void theCheckpointsAreReadInTheOrderOfTheirTreeSizes() throws IOException {
    CheckpointDirectory directory = new CheckpointDirectory(temp);
    SignedCheckpoint nine = checkpoint(9);
    SignedCheckpoint ten = checkpoint(10);
    SignedCheckpoint hundred = checkpoint(100);
    directory.write(hundred);
    directory.write(nine);
    directory.write(ten);
    Files.writeString(temp.resolve("notes.txt"), "not a checkpoint");

    assertEquals(List.of(nine.jws(), ten.jws(), hundred.jws()), directory.readAll());
  }

  @Test
  void aCheckpointsNoteLiesBesideItsJwsAndIsWrittenOnceOnly() throws IOException {
    CheckpointDirectory directory = new CheckpointDirectory(temp);
    SignedCheckpoint checkpoint = checkpoint(7);
    directory.write(checkpoint);
    String note = "example.org/log\n7\nAAAA\n\n\u2014 example.org/log abcd\n";

    Path file = directory.writeNote(7, note);
    directory.writeNote(7, note);

    assertEquals("checkpoint-000000000007.note", file.getFileName().toString());
    assertEquals(note, Files.readString(file));
    assertEquals(List.of(checkpoint.jws()), directory.readAll(), "notes are not read as JWS");
    assertThrows(IOException.class, () -> directory.writeNote(7, note.replace("7\n", "8\n")));
  }

  @Test
  void writingTheSameCheckpointAgainIsHarmless() throws IOException {
    CheckpointDirectory directory = new CheckpointDirectory(temp);
    SignedCheckpoint checkpoint = checkpoint(3);
    directory.write(checkpoint);

    directory.write(checkpoint);

    assertEquals(List.of(checkpoint.jws()), directory.readAll());
  }

  @Test
  void aDifferentCheckpointOfAWrittenSizeIsRefused() throws IOException {
    CheckpointDirectory directory = new CheckpointDirectory(temp);
    directory.write(checkpoint(3));

    assertThrows(IOException.class, () -> directory.write(checkpoint(3)));
  }

  private static SignedCheckpoint checkpoint(long treeSize) {
    // ES256 signatures are randomised: two signings of one size are two different checkpoints.
    return KEY.signer().sign(treeSize, Hashes.sha256(new byte[] {1}), TIME, Optional.empty());
  }
}
