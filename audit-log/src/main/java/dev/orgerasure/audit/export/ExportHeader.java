package dev.orgerasure.audit.export;

/**
 * The first line of an export. {@code complete} says whether it holds every record up to {@code
 * treeSize} (verified by recomputing the tree) or a selection (each record carries its inclusion
 * proof).
 */
public record ExportHeader(long treeSize, boolean complete) {

  /** The {@code format} member of the first line. */
  public static final String FORMAT = "org-erasure-audit-export/1";

  String toJson() {
    return "{\"format\":\""
        + FORMAT
        + "\",\"treeSize\":"
        + treeSize
        + ",\"complete\":"
        + complete
        + "}";
  }
}
