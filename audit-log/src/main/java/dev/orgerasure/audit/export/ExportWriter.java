package dev.orgerasure.audit.export;

import dev.orgerasure.audit.checkpoint.SignedCheckpoint;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.Hashes;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes an export (JSON Lines, docs/audit.md) one record at a time, so that no export ever holds
 * the whole log in memory: the header, one line per record in seq order, then the checkpoint that
 * covers them.
 */
public final class ExportWriter {

  private final Writer out;
  private final SignedCheckpoint checkpoint;
  private final boolean complete;
  private long records;
  private long lastSeq;

  private ExportWriter(Writer out, SignedCheckpoint checkpoint, boolean complete)
      throws IOException {
    this.out = out;
    this.checkpoint = checkpoint;
    this.complete = complete;
    line(new ExportHeader(checkpoint.checkpoint().treeSize(), complete).toJson());
  }

  /**
   * An export of every record 1…treeSize of the checkpoint; write them with {@link
   * #record(String)}.
   */
  public static ExportWriter complete(Writer out, SignedCheckpoint checkpoint) throws IOException {
    return new ExportWriter(out, checkpoint, true);
  }

  /** An export of some records, each with its inclusion proof in the checkpoint's tree. */
  public static ExportWriter selection(Writer out, SignedCheckpoint checkpoint) throws IOException {
    return new ExportWriter(out, checkpoint, false);
  }

  /** The next record of a complete export. */
  public void record(String recordJson) throws IOException {
    if (!complete) {
      throw new IllegalStateException("a record of a selection needs its inclusion proof");
    }
    AuditRecord record = next(recordJson);
    line("{\"record\":" + record.canonicalJson() + "}");
  }

  /** The next record of a selection, with its inclusion proof in the checkpoint's tree. */
  public void record(String recordJson, List<byte[]> inclusionProof) throws IOException {
    if (complete) {
      throw new IllegalStateException("a complete export carries no inclusion proofs");
    }
    AuditRecord record = next(recordJson);
    StringBuilder line = new StringBuilder("{\"record\":").append(record.canonicalJson());
    line.append(",\"inclusionProof\":[");
    for (int i = 0; i < inclusionProof.size(); i++) {
      line.append(i == 0 ? "\"" : ",\"").append(Hashes.toHex(inclusionProof.get(i))).append('"');
    }
    line(line.append("]}").toString());
  }

  /** Writes the checkpoint line and flushes; the export is whole only after this. */
  public void finish() throws IOException {
    if (complete && records != checkpoint.checkpoint().treeSize()) {
      throw new IllegalStateException(
          "a complete export of tree size "
              + checkpoint.checkpoint().treeSize()
              + " has that many records, not "
              + records);
    }
    line("{\"checkpoint\":\"" + checkpoint.jws() + "\"}");
    out.flush();
  }

  private AuditRecord next(String recordJson) {
    AuditRecord record = AuditRecord.parse(recordJson);
    boolean inOrder = complete ? record.seq() == lastSeq + 1 : record.seq() > lastSeq;
    if (!inOrder) {
      throw new IllegalArgumentException(
          "record " + record.seq() + " comes after record " + lastSeq + " in an export");
    }
    if (record.seq() > checkpoint.checkpoint().treeSize()) {
      throw new IllegalArgumentException(
          "record " + record.seq() + " is not covered by the export's checkpoint");
    }
    lastSeq = record.seq();
    records++;
    return record;
  }

  private void line(String text) throws IOException {
    out.write(text);
    out.write('\n');
  }
}
