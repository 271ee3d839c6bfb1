package dev.orgerasure.demo.learning;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class NotAMemberException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String MESSAGE = "The caller is not a member of this organisation.";

  public NotAMemberException() {
    super(MESSAGE);
  }
}
