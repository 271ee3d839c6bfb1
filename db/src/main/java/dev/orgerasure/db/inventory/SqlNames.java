package dev.orgerasure.db.inventory;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

  /** {@code names}, when there is at least one, all plain identifiers and none twice. */
  public static List<String> checkedList(String what, List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new InvalidInventoryException(what + " is missing");
    }
    names.forEach(name -> checked(what, name));
    if (new HashSet<>(names).size() < names.size()) {
      throw new InvalidInventoryException(what + " names a column twice: " + names);
    }
    return List.copyOf(names);
  }

  /**
   * Checked names as an SQL list, each with {@code prefix} (e.g. {@code "t0."}): {@code t0.a,
   * t0.b}. In parentheses, a list is a row value, which for one name is the plain column.
   */
  public static String list(String prefix, List<String> names) {
    return names.stream().map(name -> prefix + name).collect(Collectors.joining(", "));
  }
}
