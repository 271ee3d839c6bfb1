package dev.orgerasure.keycloak.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README stays a short entry whose two commands and links are the ones that work. */
class ReadmeCommandsTest {

  private static final Path ROOT = Path.of("..");
  private static final Path README = ROOT.resolve("README.md");
  private static final Pattern DOCS_LINK = Pattern.compile("\\]\\((docs/[^)#\\s]+)");

  @Test
  void theReadmeGivesTheQuickstartAndTheTestCommand() throws IOException {
    List<String> lines = stripped(README);
    assertTrue(
        lines.contains("./mvnw -Pquickstart verify -DskipTests"),
        "README.md has the line ./mvnw -Pquickstart verify -DskipTests");
    assertTrue(lines.contains("./mvnw verify"), "README.md has the line ./mvnw verify");
  }

  @Test
  void ciRunEndsByRunningTheReadmesTestCommand() throws IOException {
    List<String> commands =
        stripped(ROOT.resolve(".ci").resolve("run")).stream()
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    assertFalse(commands.isEmpty(), ".ci/run runs something");
    assertEquals("./mvnw verify", commands.get(commands.size() - 1), ".ci/run ends with");
  }

  @Test
  void theReadmeIsAtMost200Lines() throws IOException {
    int lines = Files.readAllLines(README).size();
    assertTrue(lines <= 200, "README.md has " + lines + " lines, at most 200");
  }

  @Test
  void everyDocTheReadmeLinksExists() throws IOException {
    Matcher link = DOCS_LINK.matcher(Files.readString(README));
    List<String> docs = new ArrayList<>();
    while (link.find()) {
      docs.add(link.group(1));
    }
    assertFalse(docs.isEmpty(), "README.md links its docs");
    for (String doc : docs) {
      assertTrue(
          Files.isRegularFile(ROOT.resolve(doc)), "README.md links " + doc + ", which exists");
    }
  }

  private static List<String> stripped(Path file) throws IOException {
    return Files.readAllLines(file).stream().map(String::strip).toList();
  }
}
