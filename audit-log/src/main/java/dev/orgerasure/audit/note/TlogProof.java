package dev.orgerasure.audit.note;

import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.Hashes;
import dev.orgerasure.audit.log.MerkleTree;
import dev.orgerasure.audit.receipt.Receipt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A transparency log proof (c2sp.org/tlog-proof): that one entry is in the log, offline, as text:
 * the entry's index, its RFC 6962 inclusion proof and the signed checkpoint note of the tree it is
 * in, verbatim. It is a receipt ({@link Receipt}) in the format of transparency log tooling.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra eyJjb3VudHMiOnsi…
 * index 29
 * 0l0qLJ2WXKvEyG4XTkKuWWUP0M0kRDm4GkX6mbMmbqY=
 * …
 *
 * keycloak.example/org-erasure/audit
 * 30
 * …
 * </pre>
 *
 * <p>Receipts of this log carry the record itself as the extra data (its canonical JSON in UTF-8):
 * the spec's place for what the verifier needs to compute the leaf hash. The extra data is not
 * trusted as such; the inclusion proof is what ties it to the signed checkpoint.
 *
 * @param index the zero-based index of the entry (a record's {@code seq − 1})
 * @param inclusionProof the sibling hashes from the leaf's up to the root's children
 * @param checkpoint the signed checkpoint note, verbatim; read by {@link #checkpointNote()}
 */
public record TlogProof(
    Optional<byte[]> extraData, long index, List<byte[]> inclusionProof, String checkpoint) {

  /** The first line of every proof: the format and its version. */
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  /** The file extension the spec asks proofs to be stored with. */
  public static final String FILE_EXTENSION = ".tlog-proof";

  private static final String EXTRA = "extra ";
  private static final String INDEX = "index ";
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");

  public TlogProof {
    extraData = extraData.map(byte[]::clone);
    if (index < 0) {
      throw new IllegalArgumentException("the index is not negative");
    }
    List<byte[]> hashes = new ArrayList<>();
    for (byte[] hash : inclusionProof) {
      if (hash.length != Hashes.LENGTH) {
        throw new IllegalArgumentException("an inclusion proof holds SHA-256 hashes of 32 bytes");
      }
      hashes.add(hash.clone());
    }
    inclusionProof = List.copyOf(hashes);
    if (checkpoint == null || checkpoint.isEmpty()) {
      throw new IllegalArgumentException("a proof ends with its checkpoint");
    }
  }

  /**
   * The proof of a receipt's record, with the checkpoint note of the same tree as the receipt's
   * checkpoint (the note the log signed for that tree size, or one signed now for it).
   *
   * @throws IllegalArgumentException when the receipt's record is not an audit record, or its
   *     inclusion proof does not lead to the note's root hash (a note of another tree)
   */
  public static TlogProof of(Receipt receipt, SignedNote checkpointNote) {
    AuditRecord record = AuditRecord.parse(receipt.recordJson());
    TlogCheckpoint checkpoint = TlogCheckpoint.fromNoteText(checkpointNote.text());
    if (!MerkleTree.verifyInclusion(
        record.leafHash(),
        record.leafIndex(),
        checkpoint.treeSize(),
        receipt.inclusionProof(),
        checkpoint.rootHash())) {
      throw new IllegalArgumentException(
          "the receipt of record "
              + record.seq()
              + " does not lead to the root of checkpoint note "
              + checkpoint.treeSize()
              + ": give the note of the receipt's tree");
    }
    return new TlogProof(
        Optional.of(record.canonicalJson().getBytes(StandardCharsets.UTF_8)),
        record.leafIndex(),
        receipt.inclusionProof(),
        checkpointNote.format());
  }

  /**
   * Reads a proof from its bytes, which must be UTF-8; nothing in it is verified yet.
   *
   * @throws IllegalArgumentException when they are not a tlog proof
   */
  public static TlogProof parse(byte[] proof) {
    return parse(NoteText.fromUtf8(proof, "the tlog proof"));
  }

  /**
   * Reads a proof; nothing in it is verified yet.
   *
   * @throws IllegalArgumentException when it is not a tlog proof
   */
  public static TlogProof parse(String text) {
    int split = text.indexOf("\n\n");
    if (split < 0) {
      throw new IllegalArgumentException("not a tlog proof: no empty line before the checkpoint");
    }
    List<String> lines = List.of(text.substring(0, split).split("\n", -1));
    if (!HEADER.equals(lines.get(0))) {
      throw new IllegalArgumentException("not a tlog proof: the first line is not " + HEADER);
    }
    int next = 1;
    Optional<byte[]> extra = Optional.empty();
    if (next < lines.size() && lines.get(next).startsWith(EXTRA)) {
      extra = Optional.of(decode(lines.get(next).substring(EXTRA.length()), "the extra data"));
      next++;
    }
    if (next >= lines.size() || !lines.get(next).startsWith(INDEX)) {
      throw new IllegalArgumentException("not a tlog proof: the index line is missing");
    }
    String index = lines.get(next).substring(INDEX.length());
    if (!DECIMAL.matcher(index).matches()) {
      throw new IllegalArgumentException(
          "the proof's index is not a decimal without leading zeroes: " + index);
    }
    next++;
    List<byte[]> hashes = new ArrayList<>();
    for (String line : lines.subList(next, lines.size())) {
      byte[] hash = decode(line, "an inclusion proof hash");
      if (hash.length != Hashes.LENGTH) {
        throw new IllegalArgumentException(
            "an inclusion proof hash is 32 bytes, not " + hash.length + ": " + line);
      }
      hashes.add(hash);
    }
    try {
      return new TlogProof(extra, Long.parseLong(index), hashes, text.substring(split + 2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the proof's index is too large: " + index, e);
    }
  }

  /** The proof as text, to be stored as a {@value #FILE_EXTENSION} file. */
  public String format() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    extraData.ifPresent(extra -> text.append(EXTRA).append(NoteText.base64(extra)).append('\n'));
    text.append(INDEX).append(index).append('\n');
    inclusionProof.forEach(hash -> text.append(NoteText.base64(hash)).append('\n'));
    return text.append('\n').append(checkpoint).toString();
  }

  /**
   * The checkpoint as a signed note, not yet verified.
   *
   * @throws IllegalArgumentException when it is not a signed note
   */
  public SignedNote checkpointNote() {
    return SignedNote.parse(checkpoint);
  }

  /**
   * Verifies the proof for an entry whose leaf hash the verifier computed: the checkpoint is of the
   * origin and signed by one of the log's keys, and the inclusion proof leads from the leaf at the
   * index to its root hash.
   *
   * @return the verified checkpoint
   * @throws NoteVerificationException when any of that does not hold
   */
  public TlogCheckpoint verify(byte[] leafHash, String origin, Collection<NoteVerifier> logKeys)
      throws NoteVerificationException {
    SignedNote note;
    try {
      note = checkpointNote();
    } catch (IllegalArgumentException e) {
      throw new NoteVerificationException("its checkpoint is damaged: " + e.getMessage());
    }
    TlogCheckpoint checkpoint = TlogCheckpoint.verify(note, origin, logKeys);
    if (!MerkleTree.verifyInclusion(
        leafHash, index, checkpoint.treeSize(), inclusionProof, checkpoint.rootHash())) {
      throw new NoteVerificationException(
          "entry "
              + index
              + " is not included in checkpoint "
              + checkpoint.treeSize()
              + ": its inclusion proof does not lead to the checkpoint's root hash");
    }
    return checkpoint;
  }

  /**
   * Verifies the proof of an audit record carried as the extra data ({@link #of}): the record's
   * leaf index is the proof's, and {@link #verify} holds for its leaf hash.
   *
   * @return the record, now proven to be in the log
   * @throws NoteVerificationException when there is no record, or the proof does not hold for it
   */
  public AuditRecord verifyRecord(String origin, Collection<NoteVerifier> logKeys)
      throws NoteVerificationException {
    if (extraData.isEmpty()) {
      throw new NoteVerificationException("it carries no record as its extra data");
    }
    AuditRecord record;
    try {
      record = AuditRecord.parse(new String(extraData.get(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new NoteVerificationException(
          "its extra data is not an audit record: " + e.getMessage());
    }
    if (record.leafIndex() != index) {
      throw new NoteVerificationException(
          "it is the proof of entry " + index + ", but its record is " + record.seq());
    }
    verify(record.leafHash(), origin, logKeys);
    return record;
  }

  @Override
  public Optional<byte[]> extraData() {
    return extraData.map(byte[]::clone);
  }

  @Override
  public List<byte[]> inclusionProof() {
    return inclusionProof.stream().map(byte[]::clone).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TlogProof that
        && Arrays.equals(extraData.orElse(null), that.extraData.orElse(null))
        && index == that.index
        && inclusionProof.size() == that.inclusionProof.size()
        && Arrays.deepEquals(inclusionProof.toArray(), that.inclusionProof.toArray())
        && checkpoint.equals(that.checkpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        extraData.map(Arrays::hashCode).orElse(0),
        index,
        Arrays.deepHashCode(inclusionProof.toArray()),
        checkpoint);
  }

  @Override
  public String toString() {
    return format();
  }

  private static byte[] decode(String base64, String what) {
    try {
      return NoteText.fromBase64(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not base64: " + base64, e);
    }
  }
}
