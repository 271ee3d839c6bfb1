package dev.orgerasure.db.inventory;

import java.util.regex.Pattern;

/**
 * The names an inventory may give tables and columns: plain lower-case SQL identifiers, the form
 * PostgreSQL folds unquoted names to. They are written into SQL statements, so nothing else is
 * accepted; a file naming anything else is refused before a statement is built.
 */
public final class SqlNames {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private SqlNames() {}

  /** {@code name}, when it is a plain identifier; {@code what} says where it was found. */
  public static String checked(String what, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new InvalidInventoryException(
          what
              + " is not a plain lower-case SQL name (letters a-z, digits and _, at most 63): "
              + (name == null ? "missing" : "\"" + name + "\""));
    }
    return name;
  }
}
