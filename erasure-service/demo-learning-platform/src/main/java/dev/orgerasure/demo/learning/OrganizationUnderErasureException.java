package dev.orgerasure.demo.learning;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class OrganizationUnderErasureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String MESSAGE =
      "This organisation is being erased; its data is no longer served or changed.";

  public OrganizationUnderErasureException() {
    super(MESSAGE);
  }
}
