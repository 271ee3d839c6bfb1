package dev.orgerasure.audit.note;

import dev.orgerasure.audit.checkpoint.Checkpoint;
import dev.orgerasure.audit.log.Hashes;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A transparency log checkpoint (c2sp.org/tlog-checkpoint): the note text that states a log's tree
 * head, one item a line: the origin (the log's name), the tree size in decimal, the RFC 6962 root
 * hash in base64, then optional extension lines.
 *
 * <pre>
 * keycloak.example/org-erasure/audit
 * 30
 * hgoeBtp3bBpu6SSb+mM9rVSiTHVcyQ9Y8nXCMnAPNnM=
 * </pre>
 *
 * <p>It states the same tree as the JWS {@link Checkpoint} of that size, in the format that
 * witnesses and other transparency log tooling read. The JWS's time and chain are not in it: a
 * checkpoint note's consistency with earlier ones is shown by consistency proofs instead.
 *
 * @param extensionLines opaque, non-empty lines after the root hash; the spec does not recommend
 *     them, and this log writes none
 */
public record TlogCheckpoint(
    String origin, long treeSize, byte[] rootHash, List<String> extensionLines) {

  private static final Pattern TREE_SIZE = Pattern.compile("0|[1-9][0-9]*");

  public TlogCheckpoint {
    requireLine(origin, "the origin");
    if (treeSize < 0) {
      throw new IllegalArgumentException("the tree size is not negative");
    }
    if (rootHash == null || rootHash.length != Hashes.LENGTH) {
      throw new IllegalArgumentException("the root hash is " + Hashes.LENGTH + " bytes (SHA-256)");
    }
    rootHash = rootHash.clone();
    extensionLines = List.copyOf(extensionLines);
    extensionLines.forEach(line -> requireLine(line, "an extension line"));
  }

  /**
   * The checkpoint note text of the same tree as a JWS checkpoint: its tree size and root hash,
   * under the log's origin.
   *
   * @throws IllegalArgumentException when the origin is not one {@link #requireRecommendedOrigin}
   *     accepts
   */
  public static TlogCheckpoint of(String origin, Checkpoint checkpoint) {
    requireRecommendedOrigin(origin);
    return new TlogCheckpoint(origin, checkpoint.treeSize(), checkpoint.root(), List.of());
  }

  /**
   * Refuses an origin that is not what the spec recommends a log to use: non-empty, without Unicode
   * spaces or '+', a schema-less URL such as {@code keycloak.example/org-erasure/audit}. Such an
   * origin is also a valid key name, so the log's key can be named after it, as the spec asks.
   */
  public static String requireRecommendedOrigin(String origin) {
    if (!NoteText.isValidKeyName(origin)) {
      throw new IllegalArgumentException(
          "a log origin is non-empty and has no spaces, no '+' and no control characters, e.g."
              + " keycloak.example/org-erasure/audit: \""
              + origin
              + "\"");
    }
    return origin;
  }

  /**
   * Reads a checkpoint's note text. Any non-empty origin is accepted, as clients must not assume
   * more of it.
   *
   * @throws IllegalArgumentException when the text is not a checkpoint
   */
  public static TlogCheckpoint fromNoteText(String text) {
    SignedNote.requireNoteText(text);
    List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
    if (lines.size() < 3) {
      throw new IllegalArgumentException(
          "a checkpoint has at least three lines: origin, tree size, root hash");
    }
    if (!TREE_SIZE.matcher(lines.get(1)).matches()) {
      throw new IllegalArgumentException(
          "the tree size is not a decimal without leading zeroes: " + lines.get(1));
    }
    long treeSize;
    try {
      treeSize = Long.parseLong(lines.get(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the tree size is too large: " + lines.get(1), e);
    }
    byte[] rootHash;
    try {
      rootHash = NoteText.fromBase64(lines.get(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the root hash is not base64: " + lines.get(2), e);
    }
    return new TlogCheckpoint(lines.get(0), treeSize, rootHash, lines.subList(3, lines.size()));
  }

  /**
   * Verifies a checkpoint note: the origin is the expected one and the note is signed by one of the
   * log's keys for that origin ({@link SignedNote#verify}).
   *
   * @throws NoteVerificationException when the note is not a checkpoint of that origin or its
   *     signatures do not hold
   */
  public static TlogCheckpoint verify(
      SignedNote note, String origin, Collection<NoteVerifier> logKeys)
      throws NoteVerificationException {
    // The text means nothing before a trusted signature is found, so that is checked first.
    note.verify(logKeys);
    TlogCheckpoint checkpoint;
    try {
      checkpoint = fromNoteText(note.text());
    } catch (IllegalArgumentException e) {
      throw new NoteVerificationException("it is not a checkpoint: " + e.getMessage());
    }
    if (!checkpoint.origin().equals(origin)) {
      throw new NoteVerificationException(
          "it is a checkpoint of \"" + checkpoint.origin() + "\", not of \"" + origin + "\"");
    }
    return checkpoint;
  }

  /**
   * The note text: origin, tree size, root hash and extension lines, each ending with a newline.
   */
  public String toNoteText() {
    StringBuilder text = new StringBuilder();
    text.append(origin).append('\n');
    text.append(treeSize).append('\n');
    text.append(NoteText.base64(rootHash)).append('\n');
    extensionLines.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  /** The checkpoint as a note signed by the log's key (named after the origin). */
  public SignedNote sign(NoteSigner logKey) {
    return logKey.sign(toNoteText());
  }

  /** Whether it states the same tree as the JWS checkpoint: same tree size, same root hash. */
  public boolean matches(Checkpoint checkpoint) {
    return treeSize == checkpoint.treeSize() && MessageDigest.isEqual(rootHash, checkpoint.root());
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TlogCheckpoint that
        && origin.equals(that.origin)
        && treeSize == that.treeSize
        && Arrays.equals(rootHash, that.rootHash)
        && extensionLines.equals(that.extensionLines);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash), extensionLines);
  }

  @Override
  public String toString() {
    return toNoteText();
  }

  private static void requireLine(String line, String what) {
    if (line == null
        || line.isEmpty()
        || !NoteText.hasOnlyAllowedCharacters(line)
        || line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(what + " is one non-empty line of text");
    }
  }
}
