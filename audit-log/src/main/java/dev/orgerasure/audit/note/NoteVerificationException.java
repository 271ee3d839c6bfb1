package dev.orgerasure.audit.note;

/**
 * A note, checkpoint or proof that cannot be trusted. The message says why, as the end of a
 * sentence that starts with what was checked ("… cannot be trusted: " + message).
 */
public final class NoteVerificationException extends Exception {

  NoteVerificationException(String message) {
    super(message);
  }
}
