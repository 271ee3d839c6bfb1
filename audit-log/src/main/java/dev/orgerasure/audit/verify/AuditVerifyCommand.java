package dev.orgerasure.audit.verify;

import com.nimbusds.jose.jwk.JWKSet;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.Hashes;
import dev.orgerasure.audit.note.NoteVerificationException;
import dev.orgerasure.audit.note.NoteVerifier;
import dev.orgerasure.audit.note.SignedNote;
import dev.orgerasure.audit.note.TlogCheckpoint;
import dev.orgerasure.audit.note.TlogProof;
import dev.orgerasure.audit.receipt.Receipt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The offline verifier, {@code java -jar audit-verify-VERSION.jar}: checks an export, and a
 * receipt, with nothing but the audit keys' public JWKS; and a C2SP checkpoint note or tlog proof
 * with nothing but a note verifier key. Exit code 0 when everything holds, 1 when a problem is
 * found, 2 when it could not check (usage, unreadable file, keys that cannot be read).
 */
public final class AuditVerifyCommand {

  static final int HOLDS = 0;
  static final int PROBLEM = 1;
  static final int CANNOT_CHECK = 2;

  /** Problems listed one by one; the rest are only counted. */
  private static final int LISTED = 20;

  private static final String USAGE =
      "usage: java -jar audit-verify.jar [EXPORT.jsonl] --keys JWKS.json"
          + " [--checkpoints DIRECTORY] [--receipt RECEIPT.json]\n"
          + "       java -jar audit-verify.jar [--note CHECKPOINT.note]"
          + " [--tlog-proof PROOF.tlog-proof] --note-key VKEY [--note-key VKEY …] [--origin ORIGIN]\n"
          + "  EXPORT.jsonl   an audit log export, complete or a selection\n"
          + "  --keys         the public audit keys (JWKS) that sign checkpoints\n"
          + "  --checkpoints  the external checkpoint directory, compared with the export\n"
          + "  --receipt      a receipt to verify\n"
          + "  --note         a C2SP checkpoint note (c2sp.org/tlog-checkpoint) to verify\n"
          + "  --tlog-proof   a C2SP tlog proof of a record (c2sp.org/tlog-proof) to verify\n"
          + "  --note-key     a verifier key of the log's notes: <name>+<key ID>+<base64 key>\n"
          + "  --origin       the log's origin the checkpoint must have (default: the key's name)\n"
          + "Give an export, a receipt, a note or a tlog proof, or several of them.";

  private AuditVerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Runs the verifier and returns its exit code. */
  public static int run(String[] args, PrintStream out) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      out.println(USAGE);
      return CANNOT_CHECK;
    }
    JWKSet keys = new JWKSet();
    if (arguments.keys.isPresent()) {
      Path file = arguments.keys.get();
      try {
        keys = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException | ParseException e) {
        out.println("Cannot read the keys " + file + ": " + e.getMessage());
        return CANNOT_CHECK;
      }
      out.println(
          "Trusted audit keys ("
              + file
              + "): "
              + keys.getKeys().stream().map(key -> "'" + key.getKeyID() + "'").toList());
    }
    List<NoteVerifier> noteKeys = new ArrayList<>();
    for (String noteKey : arguments.noteKeys) {
      try {
        noteKeys.add(NoteVerifier.parse(noteKey.strip()));
      } catch (IllegalArgumentException e) {
        out.println("Cannot read the note key: " + e.getMessage());
        return CANNOT_CHECK;
      }
    }
    String origin = arguments.origin.orElse(noteKeys.isEmpty() ? "" : noteKeys.get(0).name());
    if (!noteKeys.isEmpty()) {
      out.println(
          "Trusted note keys: "
              + noteKeys.stream().map(NoteVerifier::keyHandle).toList()
              + ", for the log \""
              + origin
              + "\"");
    }
    boolean holds = true;
    try {
      if (arguments.export.isPresent()) {
        out.println(
            "Export "
                + arguments.export.get()
                + arguments
                    .checkpoints
                    .map(dir -> ", compared with the checkpoints in " + dir)
                    .orElse("")
                + ":");
        VerificationReport report =
            new LogVerifier(keys).verifyExport(arguments.export.get(), arguments.checkpoints);
        holds &= print(report, out);
      }
      if (arguments.receipt.isPresent()) {
        out.println("Receipt " + arguments.receipt.get() + ":");
        VerificationReport report = verifyReceipt(arguments.receipt.get(), keys);
        holds &= print(report, out);
      }
      if (arguments.note.isPresent()) {
        out.println("Checkpoint note " + arguments.note.get() + ":");
        holds &= verifyNote(arguments.note.get(), origin, noteKeys, out);
      }
      if (arguments.tlogProof.isPresent()) {
        out.println("Tlog proof " + arguments.tlogProof.get() + ":");
        holds &= verifyTlogProof(arguments.tlogProof.get(), origin, noteKeys, out);
      }
    } catch (IOException e) {
      out.println("Cannot read " + e.getMessage());
      return CANNOT_CHECK;
    }
    out.println(holds ? "Everything holds." : "A PROBLEM WAS FOUND.");
    return holds ? HOLDS : PROBLEM;
  }

  private static VerificationReport verifyReceipt(Path file, JWKSet keys) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Receipt receipt;
    try {
      receipt = Receipt.parse(text);
    } catch (IllegalArgumentException e) {
      VerificationReport.Builder report = new VerificationReport.Builder();
      report.add("the receipt is damaged: " + e.getMessage());
      return report.build();
    }
    return new ReceiptVerifier(keys).verify(receipt);
  }

  /** Verifies a checkpoint note; prints what it states, or why it cannot be trusted. */
  private static boolean verifyNote(
      Path file, String origin, List<NoteVerifier> noteKeys, PrintStream out) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      SignedNote note = SignedNote.parse(bytes);
      TlogCheckpoint checkpoint = TlogCheckpoint.verify(note, origin, noteKeys);
      out.println(
          "  signed by "
              + signers(note, noteKeys)
              + ": the first "
              + count(checkpoint.treeSize(), "record")
              + " of \""
              + checkpoint.origin()
              + "\" have the root hash "
              + Hashes.toHex(checkpoint.rootHash()));
      out.println("  the checkpoint note holds");
      return true;
    } catch (IllegalArgumentException e) {
      out.println("  the checkpoint note is damaged: " + e.getMessage());
    } catch (NoteVerificationException e) {
      out.println("  the checkpoint note cannot be trusted: " + e.getMessage());
    }
    return false;
  }

  /** Verifies a tlog proof of a record; prints the record's place, or why it cannot be trusted. */
  private static boolean verifyTlogProof(
      Path file, String origin, List<NoteVerifier> noteKeys, PrintStream out) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      TlogProof proof = TlogProof.parse(bytes);
      AuditRecord record = proof.verifyRecord(origin, noteKeys);
      SignedNote note = proof.checkpointNote();
      out.println(
          "  record "
              + record.seq()
              + " is included in checkpoint "
              + TlogCheckpoint.fromNoteText(note.text()).treeSize()
              + " of \""
              + origin
              + "\", signed by "
              + signers(note, noteKeys));
      out.println("  the tlog proof holds");
      return true;
    } catch (IllegalArgumentException e) {
      out.println("  the tlog proof is damaged: " + e.getMessage());
    } catch (NoteVerificationException e) {
      out.println("  the tlog proof cannot be trusted: " + e.getMessage());
    }
    return false;
  }

  private static String signers(SignedNote note, List<NoteVerifier> noteKeys) {
    return noteKeys.stream()
        .filter(key -> note.signatures().stream().anyMatch(key::isKeyOf))
        .map(NoteVerifier::keyHandle)
        .collect(Collectors.joining(", "));
  }

  private static boolean print(VerificationReport report, PrintStream out) {
    out.println(
        "  checked "
            + count(report.recordsChecked(), "record")
            + " against "
            + count(report.checkpointsChecked(), "signed checkpoint"));
    if (!report.ok()) {
      report.problems().stream()
          .limit(LISTED)
          .forEach(problem -> out.println("  - " + problem.description()));
      if (report.problemCount() > LISTED) {
        out.println("  … and " + (report.problemCount() - LISTED) + " more");
      }
    }
    out.println("  " + (report.ok() ? "" : "first problem: ") + report.summary());
    return report.ok();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The options; a hand-written parser is enough for them. */
  private record Arguments(
      Optional<Path> export,
      Optional<Path> keys,
      Optional<Path> checkpoints,
      Optional<Path> receipt,
      Optional<Path> note,
      Optional<Path> tlogProof,
      List<String> noteKeys,
      Optional<String> origin) {

    static Arguments parse(String[] args) {
      Path export = null;
      Path keys = null;
      Path checkpoints = null;
      Path receipt = null;
      Path note = null;
      Path tlogProof = null;
      List<String> noteKeys = new ArrayList<>();
      String origin = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--keys" -> keys = Path.of(value(args, ++i, arg));
          case "--checkpoints" -> checkpoints = Path.of(value(args, ++i, arg));
          case "--receipt" -> receipt = Path.of(value(args, ++i, arg));
          case "--note" -> note = Path.of(value(args, ++i, arg));
          case "--tlog-proof" -> tlogProof = Path.of(value(args, ++i, arg));
          case "--note-key" -> noteKeys.add(value(args, ++i, arg));
          case "--origin" -> origin = value(args, ++i, arg);
          default -> {
            if (arg.startsWith("-")) {
              throw new IllegalArgumentException("unknown option " + arg);
            }
            if (export != null) {
              throw new IllegalArgumentException("only one export at a time: " + arg);
            }
            export = Path.of(arg);
          }
        }
      }
      if (export == null && receipt == null && note == null && tlogProof == null) {
        throw new IllegalArgumentException(
            "nothing to verify: give an export, --receipt, --note or --tlog-proof");
      }
      if ((export != null || receipt != null) && keys == null) {
        throw new IllegalArgumentException("--keys is required");
      }
      if (export == null && checkpoints != null) {
        throw new IllegalArgumentException("--checkpoints is compared with an export: give one");
      }
      if ((note != null || tlogProof != null) && noteKeys.isEmpty()) {
        throw new IllegalArgumentException(
            "--note-key is required: the verifier key of the log's notes");
      }
      if (note == null && tlogProof == null && (!noteKeys.isEmpty() || origin != null)) {
        throw new IllegalArgumentException(
            "--note-key and --origin are for a --note or a --tlog-proof: give one");
      }
      return new Arguments(
          Optional.ofNullable(export),
          Optional.ofNullable(keys),
          Optional.ofNullable(checkpoints),
          Optional.ofNullable(receipt),
          Optional.ofNullable(note),
          Optional.ofNullable(tlogProof),
          List.copyOf(noteKeys),
          Optional.ofNullable(origin));
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }
  }
}
