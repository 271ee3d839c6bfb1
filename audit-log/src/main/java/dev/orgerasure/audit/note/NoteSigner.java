package dev.orgerasure.audit.note;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

/** Signs notes with one Ed25519 key under one key name (signature type 0x01 of signed-note). */
public final class NoteSigner {

  private static final byte[] PAIR_PROBE =
      "does the private key belong to the public one?\n".getBytes(StandardCharsets.UTF_8);

  private final NoteVerifier verifier;
  private final PrivateKey privateKey;

  /**
   * @param name the key name written in each signature line; for checkpoints, the log's origin
   * @throws IllegalArgumentException when the name is not a key name, the keys are not Ed25519, or
   *     the private key is not the public key's
   */
  public NoteSigner(String name, PrivateKey privateKey, PublicKey publicKey) {
    if (!Ed25519Keys.isEd25519(privateKey)) {
      throw new IllegalArgumentException("a note signer's private key is Ed25519");
    }
    this.verifier = NoteVerifier.ed25519(name, publicKey);
    this.privateKey = privateKey;
    // The JDK cannot derive the public key from the private one; a signature shows they match, so
    // that no signer publishes a verifier key that would not verify its own notes.
    if (!Ed25519Keys.verify(publicKey, PAIR_PROBE, Ed25519Keys.sign(privateKey, PAIR_PROBE))) {
      throw new IllegalArgumentException(
          "the private key of note signer '" + name + "' does not belong to its public key");
    }
  }

  public String name() {
    return verifier.name();
  }

  public int keyId() {
    return verifier.keyId();
  }

  /** The public side: what verifies this signer's notes, and its verifier key text. */
  public NoteVerifier verifier() {
    return verifier;
  }

  /** The signature line of this key over the text (which ends with a newline). */
  public NoteSignature signature(String text) {
    SignedNote.requireNoteText(text);
    byte[] signature = Ed25519Keys.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
    return new NoteSignature(verifier.name(), verifier.keyId(), signature);
  }

  /** The text as a note signed by this key alone. */
  public SignedNote sign(String text) {
    return new SignedNote(text, List.of(signature(text)));
  }

  @Override
  public String toString() {
    return "NoteSigner[" + verifier.keyHandle() + "]";
  }
}
