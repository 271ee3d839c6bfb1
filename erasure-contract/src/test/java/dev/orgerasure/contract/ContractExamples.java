package dev.orgerasure.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example bodies of docs/contract.md, by record name: each is a fenced block opened by {@code
 * ```json contract:<RecordName>}. Each side's contract test reads them with its own JSON library,
 * so the document, the records and both readers cannot drift apart unnoticed.
 */
public final class ContractExamples {

  /** Every record of the contract that has an example; a test checks each has one. */
  public static final Map<String, Class<? extends Record>> RECORDS =
      Map.of(
          "HandOver", HandOver.class,
          "OrganizationData", OrganizationData.class,
          "PurgeStatus", PurgeStatus.class,
          "PurgeReport", PurgeReport.class,
          "ServedRealm", ServedRealm.class);

  private static final Pattern EXAMPLE =
      Pattern.compile("```json contract:(\\w+)\\n(.*?)\\n```", Pattern.DOTALL);

  private ContractExamples() {}

  public static Map<String, String> read() {
    try {
      Map<String, String> examples = new LinkedHashMap<>();
      Matcher matcher = EXAMPLE.matcher(Files.readString(document()));
      while (matcher.find()) {
        if (examples.put(matcher.group(1), matcher.group(2)) != null) {
          throw new IllegalStateException("Two examples of " + matcher.group(1));
        }
      }
      return examples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** docs/contract.md of the checkout, found from whichever module the test runs in. */
  static Path document() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs/contract.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "docs/contract.md not found above " + Path.of("").toAbsolutePath());
  }
}
