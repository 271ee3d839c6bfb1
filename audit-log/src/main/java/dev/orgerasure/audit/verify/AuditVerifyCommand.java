package dev.orgerasure.audit.verify;

import com.nimbusds.jose.jwk.JWKSet;
import dev.orgerasure.audit.receipt.Receipt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;

/**
 * The offline verifier, {@code java -jar audit-verify-VERSION.jar}: checks an export, and a
 * receipt, with nothing but the audit keys' public JWKS. Exit code 0 when everything holds, 1 when
 * a problem is found, 2 when it could not check (usage, unreadable file).
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
          + "  EXPORT.jsonl   an audit log export, complete or a selection\n"
          + "  --keys         the public audit keys (JWKS) that sign checkpoints\n"
          + "  --checkpoints  the external checkpoint directory, compared with the export\n"
          + "  --receipt      a receipt to verify\n"
          + "Give an export, a receipt, or both.";

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
    JWKSet keys;
    try {
      keys = JWKSet.parse(Files.readString(arguments.keys, StandardCharsets.UTF_8));
    } catch (IOException | ParseException e) {
      out.println("Cannot read the keys " + arguments.keys + ": " + e.getMessage());
      return CANNOT_CHECK;
    }
    out.println(
        "Trusted audit keys ("
            + arguments.keys
            + "): "
            + keys.getKeys().stream().map(key -> "'" + key.getKeyID() + "'").toList());
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

  /** The four options; a hand-written parser is enough for them. */
  private record Arguments(
      Optional<Path> export, Path keys, Optional<Path> checkpoints, Optional<Path> receipt) {

    static Arguments parse(String[] args) {
      Path export = null;
      Path keys = null;
      Path checkpoints = null;
      Path receipt = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--keys" -> keys = value(args, ++i, arg);
          case "--checkpoints" -> checkpoints = value(args, ++i, arg);
          case "--receipt" -> receipt = value(args, ++i, arg);
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
      if (keys == null) {
        throw new IllegalArgumentException("--keys is required");
      }
      if (export == null && receipt == null) {
        throw new IllegalArgumentException("nothing to verify: give an export or --receipt");
      }
      if (export == null && checkpoints != null) {
        throw new IllegalArgumentException("--checkpoints is compared with an export: give one");
      }
      return new Arguments(
          Optional.ofNullable(export),
          keys,
          Optional.ofNullable(checkpoints),
          Optional.ofNullable(receipt));
    }

    private static Path value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return Path.of(args[index]);
    }
  }
}
