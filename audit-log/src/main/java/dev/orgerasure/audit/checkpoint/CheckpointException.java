package dev.orgerasure.audit.checkpoint;

import java.util.OptionalLong;

/**
 * A checkpoint that cannot be trusted. The message says why, as the end of a sentence that starts
 * with the checkpoint ("… cannot be trusted: " + message).
 */
public final class CheckpointException extends Exception {

  private final OptionalLong treeSize;

  CheckpointException(String message, OptionalLong treeSize) {
    super(message);
    this.treeSize = treeSize;
  }

  /** The tree size the checkpoint claims, when its payload could be read at all. */
  public OptionalLong treeSize() {
    return treeSize;
  }
}
