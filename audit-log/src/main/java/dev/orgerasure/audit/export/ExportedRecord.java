package dev.orgerasure.audit.export;

import java.util.List;

/**
 * A record line of an export: the record as it stands in the file (not yet checked), and its
 * inclusion proof in the tree of the export's checkpoint, empty in a complete export.
 */
public record ExportedRecord(String json, List<byte[]> inclusionProof) {

  public ExportedRecord {
    inclusionProof = List.copyOf(inclusionProof);
  }
}
