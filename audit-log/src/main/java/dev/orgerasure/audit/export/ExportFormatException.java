package dev.orgerasure.audit.export;

/** An export file that is not in the export format; the message names the line. */
public final class ExportFormatException extends RuntimeException {

  ExportFormatException(long line, String problem) {
    super("line " + line + ": " + problem);
  }
}
