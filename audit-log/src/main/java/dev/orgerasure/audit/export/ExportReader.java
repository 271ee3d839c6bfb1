package dev.orgerasure.audit.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.audit.log.Hashes;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads an export one line at a time: {@link #header()} at once, then the records as an iterator,
 * then {@link #checkpoint()}. It only checks the shape of the lines; whether they hold is the
 * verifier's question. Any method throws {@link ExportFormatException} on reaching a line that is
 * not in the export format.
 */
public final class ExportReader implements Iterator<ExportedRecord>, Closeable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedReader in;
  private final ExportHeader header;
  private long lineNumber;
  private ExportedRecord nextRecord;
  private String checkpoint;

  public ExportReader(BufferedReader in) throws IOException {
    this.in = in;
    JsonNode first = readLine();
    if (first == null
        || !ExportHeader.FORMAT.equals(first.path("format").asText(null))
        || !first.path("treeSize").canConvertToLong()
        || !first.path("treeSize").isIntegralNumber()
        || !first.path("complete").isBoolean()) {
      throw new ExportFormatException(
          1, "the first line is not the header of an " + ExportHeader.FORMAT + " export");
    }
    this.header =
        new ExportHeader(first.path("treeSize").asLong(), first.path("complete").asBoolean());
  }

  public static ExportReader open(Path export) throws IOException {
    return new ExportReader(Files.newBufferedReader(export, StandardCharsets.UTF_8));
  }

  public ExportHeader header() {
    return header;
  }

  @Override
  public boolean hasNext() {
    if (nextRecord == null && checkpoint == null) {
      try {
        readNext();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return nextRecord != null;
  }

  @Override
  public ExportedRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ExportedRecord record = nextRecord;
    nextRecord = null;
    return record;
  }

  /** The checkpoint of the last line, once every record has been read. */
  public String checkpoint() {
    if (hasNext()) {
      throw new IllegalStateException("the checkpoint follows the records still to be read");
    }
    return checkpoint;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void readNext() throws IOException {
    JsonNode line = readLine();
    if (line == null) {
      throw new ExportFormatException(lineNumber, "the export ends without its checkpoint line");
    }
    if (line.has("checkpoint")) {
      if (!line.get("checkpoint").isTextual()) {
        throw new ExportFormatException(lineNumber, "the checkpoint is not a string");
      }
      checkpoint = line.get("checkpoint").asText();
      if (readLine() != null) {
        throw new ExportFormatException(lineNumber, "a line follows the checkpoint line");
      }
      return;
    }
    JsonNode record = line.get("record");
    if (record == null || !record.isObject()) {
      throw new ExportFormatException(lineNumber, "neither a record nor the checkpoint");
    }
    List<byte[]> proof = new ArrayList<>();
    JsonNode hashes = line.path("inclusionProof");
    if (!hashes.isMissingNode()) {
      if (!hashes.isArray()) {
        throw new ExportFormatException(lineNumber, "inclusionProof is not a list of hashes");
      }
      for (JsonNode hash : hashes) {
        if (!Hashes.isHex(hash.asText(null))) {
          throw new ExportFormatException(lineNumber, "inclusionProof holds a non-hash");
        }
        proof.add(Hashes.fromHex(hash.asText()));
      }
    }
    nextRecord = new ExportedRecord(JSON.writeValueAsString(record), proof);
  }

  /** The next non-blank line as JSON, or null at the end of the file. */
  private JsonNode readLine() throws IOException {
    String text;
    do {
      text = in.readLine();
      lineNumber++;
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new ExportFormatException(lineNumber, "not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ExportFormatException(lineNumber, "not JSON (" + e.getOriginalMessage() + ")");
    }
  }
}
