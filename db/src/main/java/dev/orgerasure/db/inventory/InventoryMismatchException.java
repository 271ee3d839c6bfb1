package dev.orgerasure.db.inventory;

import java.util.List;

/** The inventory does not match the database it describes; each problem is named. */
public class InventoryMismatchException extends RuntimeException {

  private final List<String> problems;

  public InventoryMismatchException(List<String> problems) {
    super(
        "The data inventory does not match the database ("
            + problems.size()
            + " problem(s)):\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
