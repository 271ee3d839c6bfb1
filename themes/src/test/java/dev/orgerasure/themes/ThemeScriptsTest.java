package dev.orgerasure.themes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The themes' scripts and style sheets are served to the browser as they are, with no build step.
 * Prettier formats them where Node.js is installed (profile {@code format-web}); this test keeps
 * their layout on every machine: no line longer than 120 characters and no tab character. The
 * FreeMarker templates and message bundles are not checked.
 */
class ThemeScriptsTest {

  private static final Path THEMES = Path.of("src/main/resources/theme");
  private static final List<String> CHECKED = List.of(".js", ".css");
  private static final int MAX_LENGTH = 120;

  @Test
  void noScriptOrStyleLineIsLongerThan120CharactersOrHoldsATab() throws IOException {
    List<Path> files = checkedFiles();
    assertTrue(
        files.stream().anyMatch(file -> file.toString().endsWith(".js")),
        "no .js file found under " + THEMES.toAbsolutePath());

    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int index = 0; index < lines.size(); index++) {
        String line = lines.get(index);
        String where = THEMES.relativize(file) + ":" + (index + 1);
        if (line.codePointCount(0, line.length()) > MAX_LENGTH) {
          problems.add(
              where
                  + ": "
                  + line.codePointCount(0, line.length())
                  + " characters (at most "
                  + MAX_LENGTH
                  + ")");
        }
        if (line.indexOf('\t') >= 0) {
          problems.add(where + ": tab character (indent with spaces)");
        }
      }
    }
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " line(s) to fix:\n  " + String.join("\n  ", problems));
  }

  private static List<Path> checkedFiles() throws IOException {
    try (Stream<Path> paths = Files.walk(THEMES)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(file -> CHECKED.stream().anyMatch(file.getFileName().toString()::endsWith))
          .sorted()
          .toList();
    }
  }
}
