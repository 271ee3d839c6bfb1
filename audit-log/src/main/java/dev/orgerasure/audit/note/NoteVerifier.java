package dev.orgerasure.audit.note;

import dev.orgerasure.audit.log.Hashes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The public key of a note signer, Ed25519 only, and its text form, the verifier key ("vkey"):
 * {@code <key name>+<hex key ID>+<base64(0x01 || 32-byte public key)>}, e.g. {@code
 * example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k}. That one line is all a
 * third party needs to check our notes.
 */
public final class NoteVerifier {

  /** The signature type byte of Ed25519 in signed-note. */
  public static final byte ED25519 = 0x01;

  private static final Pattern KEY_ID_HEX = Pattern.compile("[0-9a-f]{8}");

  private final String name;
  private final int keyId;
  private final byte[] rawPublicKey;
  private final PublicKey publicKey;

  private NoteVerifier(String name, byte[] rawPublicKey, PublicKey publicKey) {
    this.name = NoteText.requireValidKeyName(name);
    this.rawPublicKey = rawPublicKey;
    this.publicKey = publicKey;
    this.keyId = keyId(name, ED25519, rawPublicKey);
  }

  /** The verifier of an Ed25519 public key under {@code name}. */
  public static NoteVerifier ed25519(String name, PublicKey publicKey) {
    byte[] raw = Ed25519Keys.rawPublicKey(publicKey);
    return new NoteVerifier(name, raw, Ed25519Keys.publicKey(raw));
  }

  /**
   * Reads a verifier key. The base64 part may itself hold '+', so only the first two split it.
   *
   * @throws IllegalArgumentException when it is malformed, of another signature type than Ed25519,
   *     or its key ID is not the one its name and key give
   */
  public static NoteVerifier parse(String verifierKey) {
    int firstPlus = verifierKey.indexOf('+');
    int secondPlus = firstPlus < 0 ? -1 : verifierKey.indexOf('+', firstPlus + 1);
    if (secondPlus < 0) {
      throw new IllegalArgumentException(
          "a verifier key is <name>+<hex key ID>+<base64 key>: " + verifierKey);
    }
    String name = verifierKey.substring(0, firstPlus);
    String keyIdHex = verifierKey.substring(firstPlus + 1, secondPlus);
    if (!NoteText.isValidKeyName(name)) {
      throw new IllegalArgumentException("the verifier key's name is not valid: " + verifierKey);
    }
    if (!KEY_ID_HEX.matcher(keyIdHex).matches()) {
      throw new IllegalArgumentException(
          "the verifier key's ID is not 8 lowercase hex digits: " + verifierKey);
    }
    byte[] key = NoteText.fromBase64(verifierKey.substring(secondPlus + 1));
    if (key.length == 0 || key[0] != ED25519) {
      throw new IllegalArgumentException(
          "the verifier key is not an Ed25519 key (signature type 0x01): " + verifierKey);
    }
    if (key.length != 1 + Ed25519Keys.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "an Ed25519 verifier key holds 32 bytes of key: " + verifierKey);
    }
    if (keyId(name, key[0], Arrays.copyOfRange(key, 1, key.length))
        != Integer.parseUnsignedInt(keyIdHex, 16)) {
      throw new IllegalArgumentException(
          "the verifier key's ID does not match its name and key: " + verifierKey);
    }
    byte[] raw = Arrays.copyOfRange(key, 1, key.length);
    return new NoteVerifier(name, raw, Ed25519Keys.publicKey(raw));
  }

  /**
   * The key ID signed-note recommends, and that Ed25519 keys must have: the first four bytes of
   * SHA-256(key name || 0x0A || signature type || public key), big-endian.
   */
  public static int keyId(String name, byte signatureType, byte[] publicKey) {
    byte[] hash =
        Hashes.sha256(
            name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', signatureType}, publicKey);
    return ByteBuffer.wrap(hash).getInt();
  }

  public String name() {
    return name;
  }

  /** The key ID, a big-endian uint32 held in an int. */
  public int keyId() {
    return keyId;
  }

  /** The 32-byte Ed25519 public key of RFC 8032. */
  public byte[] rawPublicKey() {
    return rawPublicKey.clone();
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The verifier key, the text form a third party is given. */
  public String verifierKey() {
    byte[] key = new byte[1 + rawPublicKey.length];
    key[0] = ED25519;
    System.arraycopy(rawPublicKey, 0, key, 1, rawPublicKey.length);
    return keyHandle() + "+" + NoteText.base64(key);
  }

  /** {@code <name>+<hex key ID>}: how messages name the key. */
  public String keyHandle() {
    return name + "+" + HexFormat.of().toHexDigits(keyId);
  }

  /** Whether the signature claims to be by this key: its name and key ID are this key's. */
  public boolean isKeyOf(NoteSignature signature) {
    return name.equals(signature.keyName()) && keyId == signature.keyId();
  }

  /** Whether the signature is this key's and verifies over the note text. */
  public boolean verifies(String text, NoteSignature signature) {
    return isKeyOf(signature)
        && Ed25519Keys.verify(
            publicKey, text.getBytes(StandardCharsets.UTF_8), signature.signature());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoteVerifier that
        && name.equals(that.name)
        && keyId == that.keyId
        && Arrays.equals(rawPublicKey, that.rawPublicKey);
  }

  @Override
  public int hashCode() {
    return verifierKey().hashCode();
  }

  @Override
  public String toString() {
    return verifierKey();
  }
}
