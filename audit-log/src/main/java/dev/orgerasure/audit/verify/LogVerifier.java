package dev.orgerasure.audit.verify;

import com.nimbusds.jose.jwk.JWKSet;
import dev.orgerasure.audit.checkpoint.CheckpointDirectory;
import dev.orgerasure.audit.checkpoint.CheckpointException;
import dev.orgerasure.audit.checkpoint.SignedCheckpoint;
import dev.orgerasure.audit.export.ExportFormatException;
import dev.orgerasure.audit.export.ExportHeader;
import dev.orgerasure.audit.export.ExportReader;
import dev.orgerasure.audit.export.ExportedRecord;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.CompactRange;
import dev.orgerasure.audit.log.MerkleTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Verifies the log (docs/audit.md, "Verifying"): the records in seq order against the signed
 * checkpoints, and the checkpoints against each other and their external copy. Records are read
 * once, as a stream; only the right edge of the tree is kept ({@link CompactRange}), so a log of
 * millions of records verifies in little memory.
 */
public final class LogVerifier {

  private static final String IN_DIRECTORY = "in the checkpoint directory";

  private final JWKSet keys;

  /** A verifier that trusts the checkpoints signed with these public keys, and no others. */
  public LogVerifier(JWKSet keys) {
    this.keys = keys.toPublicJWKSet();
  }

  /**
   * Verifies a whole log: records 1, 2, 3 … in seq order, as the database or a complete export
   * holds them.
   */
  public VerificationReport verify(Iterator<LoggedRecord> records, CheckpointEvidence checkpoints) {
    VerificationReport.Builder report = new VerificationReport.Builder();
    checkLog(records, checkCheckpoints(checkpoints, report), report);
    return report.build();
  }

  /**
   * Verifies a selection of records, as a filtered export holds them: each by its inclusion proof
   * in the tree of the export's checkpoint.
   */
  public VerificationReport verifySelection(
      Iterator<ExportedRecord> records, CheckpointEvidence checkpoints) {
    VerificationReport.Builder report = new VerificationReport.Builder();
    checkSelection(records, checkCheckpoints(checkpoints, report), report);
    return report.build();
  }

  /**
   * Verifies an export file, complete or a selection, and, when given, against the external
   * checkpoint directory. The file is read twice: once for the checkpoint on its last line, once
   * for the records.
   *
   * @throws IOException when the file or the directory cannot be read
   */
  public VerificationReport verifyExport(Path export, Optional<Path> checkpointDirectory)
      throws IOException {
    ExportHeader header;
    String checkpoint;
    try (ExportReader reader = ExportReader.open(export)) {
      header = reader.header();
      while (reader.hasNext()) {
        reader.next();
      }
      checkpoint = reader.checkpoint();
    } catch (ExportFormatException e) {
      VerificationReport.Builder report = new VerificationReport.Builder();
      report.add("the export is damaged: " + e.getMessage());
      return report.build();
    }
    CheckpointEvidence evidence = CheckpointEvidence.export(checkpoint);
    if (checkpointDirectory.isPresent()) {
      evidence =
          evidence.withDirectory(new CheckpointDirectory(checkpointDirectory.get()).readAll());
    }
    VerificationReport.Builder report = new VerificationReport.Builder();
    Checkpoints checked = checkCheckpoints(evidence, report);
    checked.latestKept.ifPresent(
        signed -> {
          if (signed.checkpoint().treeSize() != header.treeSize()) {
            report.add(
                "the export's header says tree size "
                    + header.treeSize()
                    + " but its checkpoint covers "
                    + signed.checkpoint().treeSize()
                    + " records");
          }
        });
    try (ExportReader reader = ExportReader.open(export)) {
      if (header.complete()) {
        checkLog(new LoggedRecords(reader), checked, report);
      } else {
        checkSelection(reader, checked, report);
      }
    }
    return report.build();
  }

  /** A trusted checkpoint, and where it was found ("" when in both places alike). */
  private record Found(SignedCheckpoint signed, String where) {
    long size() {
      return signed.checkpoint().treeSize();
    }

    String name() {
      return "checkpoint " + size() + (where.isEmpty() ? "" : " " + where);
    }
  }

  /** The checkpoints of one place: the trusted ones, and what every readable one claims. */
  private record Place(List<Found> trusted, Map<Long, String> claimed) {
    long largestClaim() {
      return claimed.keySet().stream().max(Comparator.naturalOrder()).orElse(0L);
    }
  }

  /** What the records are checked against. */
  private record Checkpoints(
      TreeMap<Long, List<Found>> bySize,
      long covered,
      long largestTrusted,
      Optional<SignedCheckpoint> latestKept) {}

  private Checkpoints checkCheckpoints(
      CheckpointEvidence evidence, VerificationReport.Builder report) {
    Set<String> distinct = new HashSet<>();
    Place kept = verifyEach(evidence.kept(), evidence.keptWhere(), report, distinct);
    Optional<Place> directory =
        evidence.directory().map(jws -> verifyEach(jws, IN_DIRECTORY, report, distinct));
    report.checkpointsChecked(distinct.size());

    if (evidence.keptAll()) {
      checkChain(kept.trusted(), evidence.keptWhere(), report);
    }
    directory.ifPresent(place -> checkChain(place.trusted(), IN_DIRECTORY, report));
    directory.ifPresent(place -> compare(kept, place, evidence, report));

    // An export is a snapshot: directory checkpoints written after it say nothing about its
    // records.
    long scope = evidence.keptAll() ? Long.MAX_VALUE : kept.largestClaim();
    TreeMap<Long, List<Found>> bySize = new TreeMap<>();
    List<Found> candidates = new ArrayList<>(kept.trusted());
    directory.ifPresent(place -> candidates.addAll(place.trusted()));
    for (Found found : candidates) {
      if (found.size() > scope) {
        continue;
      }
      List<Found> atSize = bySize.computeIfAbsent(found.size(), size -> new ArrayList<>());
      Optional<Found> same =
          atSize.stream().filter(f -> f.signed().jws().equals(found.signed().jws())).findFirst();
      if (same.isPresent()) {
        atSize.set(atSize.indexOf(same.get()), new Found(found.signed(), ""));
      } else {
        atSize.add(found);
      }
    }
    long covered =
        Math.min(
            scope, Math.max(kept.largestClaim(), directory.map(Place::largestClaim).orElse(0L)));
    long largestTrusted = bySize.isEmpty() ? 0 : bySize.lastKey();
    Optional<SignedCheckpoint> latestKept =
        kept.trusted().stream()
            .map(Found::signed)
            .max(Comparator.comparingLong(s -> s.checkpoint().treeSize()));
    return new Checkpoints(bySize, covered, largestTrusted, latestKept);
  }

  private Place verifyEach(
      List<String> checkpoints,
      String where,
      VerificationReport.Builder report,
      Set<String> distinct) {
    List<Found> trusted = new ArrayList<>();
    Map<Long, String> claimed = new HashMap<>();
    for (String jws : checkpoints) {
      distinct.add(jws.strip());
      try {
        SignedCheckpoint signed = SignedCheckpoint.verify(jws, keys);
        trusted.add(new Found(signed, where));
        claimed.putIfAbsent(signed.checkpoint().treeSize(), signed.jws());
      } catch (CheckpointException e) {
        String name =
            e.treeSize().isPresent() ? "checkpoint " + e.treeSize().getAsLong() : "a checkpoint";
        report.add(name + " " + where + " cannot be trusted: " + e.getMessage());
        e.treeSize().ifPresent(size -> claimed.putIfAbsent(size, jws.strip()));
      }
    }
    return new Place(trusted, claimed);
  }

  /** Each checkpoint names the hash of the one before it; the first names none. */
  private static void checkChain(
      List<Found> place, String where, VerificationReport.Builder report) {
    List<Found> chain = new ArrayList<>(place);
    chain.sort(Comparator.comparingLong(Found::size));
    Found before = null;
    for (Found found : chain) {
      if (before != null && found.size() == before.size()) {
        if (!found.signed().jws().equals(before.signed().jws())) {
          report.add("two different checkpoints " + where + " claim tree size " + found.size());
        }
        continue;
      }
      String previous = found.signed().checkpoint().previous();
      if (before == null && previous != null) {
        report.add(
            found.name()
                + " is the first there, yet it names a previous checkpoint that is missing");
      } else if (before != null && !before.signed().hash().equals(previous)) {
        report.add(
            found.name()
                + " does not follow checkpoint "
                + before.size()
                + ": it names another checkpoint as the one before it");
      }
      before = found;
    }
  }

  /** The same tree size must be the same checkpoint in both places, and neither may lack one. */
  private static void compare(
      Place kept, Place directory, CheckpointEvidence evidence, VerificationReport.Builder report) {
    Set<Long> sizes = new TreeSet<>(kept.claimed().keySet());
    sizes.addAll(directory.claimed().keySet());
    for (long size : sizes) {
      String inKept = kept.claimed().get(size);
      String inDirectory = directory.claimed().get(size);
      if (inKept != null && inDirectory != null) {
        if (!inKept.equals(inDirectory)) {
          report.add(
              "checkpoint "
                  + size
                  + " "
                  + evidence.keptWhere()
                  + " differs from checkpoint "
                  + size
                  + " "
                  + IN_DIRECTORY);
        }
      } else if (inDirectory == null) {
        report.add(
            "checkpoint " + size + " is " + evidence.keptWhere() + " but not " + IN_DIRECTORY);
      } else if (evidence.keptAll()) {
        report.add(
            "checkpoint " + size + " is " + IN_DIRECTORY + " but not " + evidence.keptWhere());
      }
    }
  }

  private static void checkLog(
      Iterator<LoggedRecord> records, Checkpoints checkpoints, VerificationReport.Builder report) {
    CompactRange tree = new CompactRange();
    SeqOrder order = new SeqOrder(report);
    RootMatch roots = new RootMatch(report);
    long position = 0;
    while (records.hasNext()) {
      LoggedRecord logged = records.next();
      position++;
      long named = position;
      byte[] leaf;
      try {
        AuditRecord record = AuditRecord.parse(logged.json());
        named = record.seq();
        leaf = record.leafHash();
        order.next(record.seq());
      } catch (IllegalArgumentException e) {
        report.add(position, "record " + position + " is not an audit record: " + e.getMessage());
        leaf = MerkleTree.leafHash(logged.json().getBytes(StandardCharsets.UTF_8));
        order.skip();
      }
      Optional<byte[]> stored = logged.storedLeafHash();
      if (stored.isPresent() && !MessageDigest.isEqual(stored.get(), leaf)) {
        report.add(
            named,
            "record " + named + " was altered: it does not match the leaf hash stored with it");
      }
      tree.append(leaf);
      List<Found> atSize = checkpoints.bySize().get(position);
      if (atSize != null) {
        roots.check(position, tree.root(), atSize);
      }
    }
    report.recordsChecked(position);
    if (checkpoints.largestTrusted() > position) {
      long claimed = checkpoints.largestTrusted();
      report.add(
          position + 1,
          (position == 0 ? "the log is empty" : "the log ends at record " + position)
              + " but checkpoint "
              + claimed
              + " says it holds "
              + claimed
              + " records");
    }
    if (position > checkpoints.covered()) {
      long first = checkpoints.covered() + 1;
      report.add(
          first,
          (first == position
                  ? "record " + first + " is"
                  : "records " + first + " to " + position + " are")
              + " not yet covered by a checkpoint");
    }
  }

  private static void checkSelection(
      Iterator<ExportedRecord> records,
      Checkpoints checkpoints,
      VerificationReport.Builder report) {
    long previous = 0;
    long position = 0;
    while (records.hasNext()) {
      ExportedRecord exported = records.next();
      position++;
      AuditRecord record;
      try {
        record = AuditRecord.parse(exported.json());
      } catch (IllegalArgumentException e) {
        report.add(
            "record number "
                + position
                + " of the selection is not an audit record: "
                + e.getMessage());
        continue;
      }
      long seq = record.seq();
      if (seq <= previous) {
        report.add(
            seq,
            "record " + seq + " is out of order or repeated: it comes after record " + previous);
      }
      previous = Math.max(previous, seq);
      if (checkpoints.latestKept().isEmpty()) {
        continue;
      }
      SignedCheckpoint against = checkpoints.latestKept().get();
      long size = against.checkpoint().treeSize();
      if (seq > size) {
        report.add(seq, "record " + seq + " is not covered by checkpoint " + size);
      } else if (!MerkleTree.verifyInclusion(
          record.leafHash(),
          record.leafIndex(),
          size,
          exported.inclusionProof(),
          against.checkpoint().root())) {
        report.add(
            seq,
            "record "
                + seq
                + " was altered: its inclusion proof does not lead to checkpoint "
                + size);
      }
    }
    report.recordsChecked(position);
  }

  /**
   * Records must come as 1, 2, 3 …; a gap, a repeat or a swap is named by the record it concerns.
   */
  private static final class SeqOrder {
    private final VerificationReport.Builder report;
    private final Map<Long, Integer> missingAlone = new HashMap<>();
    private long expected = 1;
    private long previous;

    SeqOrder(VerificationReport.Builder report) {
      this.report = report;
    }

    void next(long seq) {
      if (seq == expected) {
        expected++;
      } else if (seq > expected) {
        if (seq == expected + 1) {
          int index = report.add(expected, "record " + expected + " is missing");
          if (index >= 0) {
            missingAlone.put(expected, index);
          }
        } else {
          report.add(expected, "records " + expected + " to " + (seq - 1) + " are missing");
        }
        expected = seq + 1;
      } else {
        // A record reported missing that turns up later was moved, not removed.
        Integer missing = missingAlone.remove(seq);
        String description =
            "record " + seq + " is out of order: it comes after record " + previous;
        if (missing != null) {
          report.replace(missing, seq, description);
        } else {
          report.add(
              seq,
              "record " + seq + " is out of order or repeated: it comes after record " + previous);
        }
      }
      previous = seq;
    }

    /** A record without a readable seq takes the place of the one expected. */
    void skip() {
      previous = expected;
      expected++;
    }
  }

  /**
   * Every checkpoint's root must be the root of the first treeSize records. Only the first mismatch
   * is reported: every later checkpoint differs because of it.
   */
  private static final class RootMatch {
    private final VerificationReport.Builder report;
    private long lastMatched;
    private boolean mismatched;

    RootMatch(VerificationReport.Builder report) {
      this.report = report;
    }

    void check(long size, byte[] root, List<Found> checkpoints) {
      if (mismatched) {
        return;
      }
      Optional<Found> differing =
          checkpoints.stream()
              .filter(found -> !MessageDigest.isEqual(found.signed().checkpoint().root(), root))
              .findFirst();
      if (differing.isEmpty()) {
        lastMatched = size;
        return;
      }
      mismatched = true;
      String name = differing.get().name();
      if (lastMatched == size - 1) {
        report.add(size, "record " + size + " was altered: its hash does not match " + name);
      } else {
        report.add(
            lastMatched + 1,
            "records "
                + (lastMatched + 1)
                + " to "
                + size
                + " do not match "
                + name
                + ": one of them was altered, removed or inserted");
      }
    }
  }

  /** The records of a complete export, as the log verifier reads them. */
  private record LoggedRecords(Iterator<ExportedRecord> exported)
      implements Iterator<LoggedRecord> {
    @Override
    public boolean hasNext() {
      return exported.hasNext();
    }

    @Override
    public LoggedRecord next() {
      return LoggedRecord.of(exported.next().json());
    }
  }
}
