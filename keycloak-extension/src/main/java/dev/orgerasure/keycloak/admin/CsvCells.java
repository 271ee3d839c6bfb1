package dev.orgerasure.keycloak.admin;

/**
 * Cells of the audit's CSV export: RFC 4180, every cell quoted and its quotes doubled. A text that
 * starts like a formula ({@code = + - @}, tab or carriage return) gets a leading apostrophe, as
 * OWASP's guidance on CSV injection says, so that a spreadsheet shows an organisation named {@code
 * =HYPERLINK(…)} rather than evaluating it.
 */
final class CsvCells {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvCells() {}

  /** A text from the records, e.g. a name someone typed; null is an empty cell. */
  static String text(String value) {
    if (value == null) {
      return quoted("");
    }
    boolean formula = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    return quoted(formula ? "'" + value : value);
  }

  /** A number this export writes itself: left as it is, so a spreadsheet still reads a number. */
  static String number(long value) {
    return quoted(Long.toString(value));
  }

  private static String quoted(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
