package dev.orgerasure.audit.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One signature line of a note: {@code — <key name> base64(key ID || signature)}. The key name and
 * the 4-byte key ID say which key claims to have signed; only a {@link NoteVerifier} of that key
 * makes the claim true.
 *
 * @param keyId the key ID, a big-endian uint32 held in an int
 * @param signature the signature bytes after the key ID (64 for Ed25519)
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

  /** Em dash (U+2014) and a space: how every signature line starts. */
  static final String PREFIX = "\u2014 ";

  private static final int KEY_ID_LENGTH = 4;

  public NoteSignature {
    NoteText.requireValidKeyName(keyName);
    if (signature == null || signature.length == 0) {
      throw new IllegalArgumentException("a note signature has at least one byte after its key ID");
    }
    signature = signature.clone();
  }

  /**
   * Reads one signature line, without its newline.
   *
   * @throws IllegalArgumentException when it is not a signature line
   */
  public static NoteSignature parseLine(String line) {
    if (!line.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a signature line starts with '\u2014 ': " + line);
    }
    String rest = line.substring(PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("a signature line is '\u2014 <name> <base64>': " + line);
    }
    String name = rest.substring(0, space);
    if (!NoteText.isValidKeyName(name)) {
      throw new IllegalArgumentException("the signature line's key name is not valid: " + line);
    }
    byte[] bytes = NoteText.fromBase64(rest.substring(space + 1));
    if (bytes.length <= KEY_ID_LENGTH) {
      throw new IllegalArgumentException("the signature line holds no signature: " + line);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int keyId = buffer.getInt();
    return new NoteSignature(name, keyId, Arrays.copyOfRange(bytes, KEY_ID_LENGTH, bytes.length));
  }

  /** The signature line, without its newline. */
  public String line() {
    ByteBuffer bytes = ByteBuffer.allocate(KEY_ID_LENGTH + signature.length);
    bytes.putInt(keyId).put(signature);
    return PREFIX + keyName + " " + NoteText.base64(bytes.array());
  }

  /** Whether this signature claims to be by the same key (name and key ID) as the other one. */
  public boolean isBySameKeyAs(NoteSignature other) {
    return keyName.equals(other.keyName) && keyId == other.keyId;
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoteSignature that
        && keyName.equals(that.keyName)
        && keyId == that.keyId
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return line();
  }
}
