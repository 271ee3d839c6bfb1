package dev.orgerasure.db.inventory;

/** The inventory file cannot be read as an inventory: its message says what is wrong, and where. */
public class InvalidInventoryException extends RuntimeException {

  public InvalidInventoryException(String message) {
    super(message);
  }

  public InvalidInventoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
