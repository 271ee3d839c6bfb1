package dev.orgerasure.service.inventory;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** The data inventory could not be read or does not match the database: nothing can be purged. */
@ApplicationException(rollback = true)
public class InventoryNotReadyException extends RuntimeException {

  public InventoryNotReadyException(List<String> problems) {
    super("The data inventory does not match the database: " + String.join("; ", problems));
  }
}
