package dev.orgerasure.demo.learning;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class NotFoundInOrganizationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String MESSAGE = "No such item in this organisation.";

  public NotFoundInOrganizationException() {
    super(MESSAGE);
  }
}
