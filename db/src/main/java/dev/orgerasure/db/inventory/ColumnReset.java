package dev.orgerasure.db.inventory;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column that a Detach erasure sets back on a row it keeps, and the value it sets.
 *
 * @param column the column's name
 * @param value the SQL value assigned: {@code NULL} or a quoted text literal
 */
public record ColumnReset(String column, String value) {

  private static final String NULL = "NULL";
  private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Pattern TEXT_LITERAL = Pattern.compile("'[^']*'");

  public ColumnReset {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, "value");
    // Both go into SQL as they are: only plain names and literals.
    if (!COLUMN.matcher(column).matches()) {
      throw new IllegalArgumentException("not a plain column name: " + column);
    }
    if (!value.equals(NULL) && !TEXT_LITERAL.matcher(value).matches()) {
      throw new IllegalArgumentException("neither NULL nor a text literal: " + value);
    }
  }

  public static ColumnReset toNull(String column) {
    return new ColumnReset(column, NULL);
  }

  public static ColumnReset toText(String column, String text) {
    return new ColumnReset(column, "'" + text + "'");
  }

  public boolean setsNull() {
    return value.equals(NULL);
  }

  /** The assignment in an SQL {@code SET} list, e.g. {@code state = 'PENDING'}. */
  public String assignment() {
    return column + " = " + value;
  }
}
