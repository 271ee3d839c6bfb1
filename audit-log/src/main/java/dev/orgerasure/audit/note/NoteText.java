package dev.orgerasure.audit.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The text rules that the note formats share: key names, allowed characters, strict base64. */
final class NoteText {

  private static final Base64.Encoder ENCODER = Base64.getEncoder();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private NoteText() {}

  /**
   * Whether the text has no ASCII control character other than newline and no lone surrogate, so
   * that it is valid UTF-8 once encoded (signed-note: "MUST NOT contain any ASCII control
   * characters … other than newline").
   */
  static boolean hasOnlyAllowedCharacters(String text) {
    return text.codePoints().allMatch(c -> (c >= 0x20 || c == '\n') && !isLoneSurrogate(c));
  }

  /** A key name: non-empty, with no Unicode space, no plus, and no control character. */
  static boolean isValidKeyName(String name) {
    return name != null
        && !name.isEmpty()
        && name.indexOf('+') < 0
        && name.codePoints().noneMatch(c -> c < 0x20 || isUnicodeSpace(c) || isLoneSurrogate(c));
  }

  static String requireValidKeyName(String name) {
    if (!isValidKeyName(name)) {
      throw new IllegalArgumentException(
          "a key name is non-empty and has no spaces, no '+' and no control characters: \""
              + name
              + "\"");
    }
    return name;
  }

  /**
   * The White_Space property of Unicode, as Go's {@code unicode.IsSpace} (which the reference
   * implementation uses): Java splits it between two predicates and leaves out U+0085.
   */
  static boolean isUnicodeSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
  }

  /**
   * The bytes as UTF-8, refusing any that are not (the JDK would quietly replace them).
   *
   * @throws IllegalArgumentException when they are not UTF-8
   */
  static String fromUtf8(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(what + " is not UTF-8", e);
    }
  }

  static String base64(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * Standard base64 with padding, in the one form that encoding gives. The JDK also accepts missing
   * padding and stray low bits; refusing them keeps one value from having several texts.
   */
  static byte[] fromBase64(String text) {
    byte[] bytes;
    try {
      bytes = DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not base64: " + text, e);
    }
    if (!ENCODER.encodeToString(bytes).equals(text)) {
      throw new IllegalArgumentException("not base64 in its standard padded form: " + text);
    }
    return bytes;
  }

  private static boolean isLoneSurrogate(int c) {
    return c <= Character.MAX_VALUE && Character.isSurrogate((char) c);
  }
}
