package dev.orgerasure.service.purge;

import jakarta.ejb.ApplicationException;

/** The hand-over is malformed; nothing was stored. */
@ApplicationException(rollback = true)
public class InvalidErasureRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidErasureRequestException(String message) {
    super(message);
  }
}
