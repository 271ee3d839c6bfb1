package dev.orgerasure.audit.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, then one
 * signature line per signature. The text is what is signed, its final newline included.
 *
 * <pre>
 * example.com/log
 * 42
 * 3q2+7w…=
 *
 * — example.com/log Uw2QOkn8…=
 * </pre>
 *
 * <p>Parsing checks the form only. The text means nothing until {@link #verify} has found a
 * signature by a trusted key.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

  /**
   * Signatures read from one note at most. The spec asks verifiers to accept at least 16; this is
   * the limit of Go's reference implementation, so that no note it accepts is refused here.
   */
  public static final int MAX_SIGNATURES = 100;

  private static final String SEPARATOR = "\n\n";

  public SignedNote {
    requireNoteText(text);
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("a signed note has at least one signature");
    }
  }

  /**
   * Reads a note from its bytes, which must be UTF-8.
   *
   * @throws IllegalArgumentException when they are not a signed note
   */
  public static SignedNote parse(byte[] note) {
    return parse(NoteText.fromUtf8(note, "malformed note: it"));
  }

  /**
   * Reads a note: the text is everything up to the last blank line, the signature lines follow it.
   *
   * @throws IllegalArgumentException when it is not a signed note
   */
  public static SignedNote parse(String note) {
    if (!NoteText.hasOnlyAllowedCharacters(note)) {
      throw new IllegalArgumentException(
          "malformed note: it holds a control character other than newline");
    }
    int split = note.lastIndexOf(SEPARATOR);
    if (split < 0) {
      throw new IllegalArgumentException("malformed note: no blank line before the signatures");
    }
    String text = note.substring(0, split + 1);
    String lines = note.substring(split + SEPARATOR.length());
    if (lines.isEmpty() || !lines.endsWith("\n")) {
      throw new IllegalArgumentException(
          "malformed note: it does not end with a signature line and a newline");
    }
    List<NoteSignature> signatures = new ArrayList<>();
    for (String line : lines.substring(0, lines.length() - 1).split("\n", -1)) {
      if (signatures.size() == MAX_SIGNATURES) {
        throw new IllegalArgumentException(
            "malformed note: more than " + MAX_SIGNATURES + " signatures");
      }
      try {
        signatures.add(NoteSignature.parseLine(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed note: " + e.getMessage(), e);
      }
    }
    return new SignedNote(text, signatures);
  }

  /** The note as it is written and sent: text, blank line, signature lines. */
  public String format() {
    StringBuilder note = new StringBuilder(text).append('\n');
    for (NoteSignature signature : signatures) {
      note.append(signature.line()).append('\n');
    }
    return note.toString();
  }

  /** {@link #format()} in UTF-8. */
  public byte[] toBytes() {
    return format().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * This note with one more signature, e.g. a witness's cosignature; a signature by the same key
   * (name and key ID) is replaced.
   */
  public SignedNote withSignature(NoteSignature signature) {
    List<NoteSignature> kept = new ArrayList<>();
    for (NoteSignature existing : signatures) {
      if (!existing.isBySameKeyAs(signature)) {
        kept.add(existing);
      }
    }
    kept.add(signature);
    return new SignedNote(text, kept);
  }

  /**
   * Verifies the note as the spec asks: signatures by keys not among the trusted ones are ignored
   * (a name or a key ID alone is no match); every signature by a trusted key must verify; at least
   * one must be there.
   *
   * @return the trusted keys' signatures, all verified, never empty
   * @throws NoteVerificationException when a trusted key's signature does not verify, when no
   *     trusted key signed, or when two different trusted keys share a name and key ID
   */
  public List<NoteSignature> verify(Collection<NoteVerifier> trustedKeys)
      throws NoteVerificationException {
    List<NoteSignature> verified = new ArrayList<>();
    for (NoteSignature signature : signatures) {
      List<NoteVerifier> keys =
          trustedKeys.stream().filter(key -> key.isKeyOf(signature)).distinct().toList();
      if (keys.isEmpty()) {
        continue;
      }
      if (keys.size() > 1) {
        throw new NoteVerificationException(
            "two trusted keys have the name and key ID " + keys.get(0).keyHandle());
      }
      if (!keys.get(0).verifies(text, signature)) {
        throw new NoteVerificationException(
            "its signature by " + keys.get(0).keyHandle() + " does not verify");
      }
      if (verified.stream().noneMatch(signature::isBySameKeyAs)) {
        verified.add(signature);
      }
    }
    if (verified.isEmpty()) {
      throw new NoteVerificationException(
          "none of its signatures is by a trusted key (signed by "
              + signatures.stream().map(NoteSignature::keyName).distinct().toList()
              + ", trusted "
              + trustedKeys.stream().map(NoteVerifier::keyHandle).toList()
              + ")");
    }
    return List.copyOf(verified);
  }

  /**
   * Refuses a text that cannot be the text of a note: it ends in a newline and holds no control
   * character other than newline.
   */
  static String requireNoteText(String text) {
    if (text == null || !text.endsWith("\n")) {
      throw new IllegalArgumentException("a note's text ends with a newline");
    }
    if (!NoteText.hasOnlyAllowedCharacters(text)) {
      throw new IllegalArgumentException(
          "a note's text holds no control character other than newline");
    }
    return text;
  }

  @Override
  public String toString() {
    return format();
  }
}
