package dev.orgerasure.keycloak.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SettingTest {

  private static final Pattern ROW =
      Pattern.compile("^\\| `([a-z-]+)` \\| `([^`]*)` \\| (.+) \\|$", Pattern.MULTILINE);

  /**
   * The table of Keycloak options in docs/operating.md lists every setting, with its default and
   * meaning.
   */
  @Test
  void theReadmeTableListsEverySettingWithItsDefaultAndMeaning() throws IOException {
    String readme = Files.readString(Path.of("..", "docs", "operating.md"));
    String table = readme.substring(readme.indexOf("| key | default | meaning |"));
    table = table.substring(0, table.indexOf("\n\n"));
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      documented.put(row.group(1), row.group(2) + " | " + row.group(3));
    }
    Map<String, String> defined = new LinkedHashMap<>();
    Arrays.stream(Setting.values())
        .forEach(
            setting ->
                defined.put(setting.key(), setting.defaultValue() + " | " + setting.meaning()));
    assertEquals(defined, documented);
  }
}
