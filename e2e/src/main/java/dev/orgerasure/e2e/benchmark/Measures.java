package dev.orgerasure.e2e.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The large-tenant benchmark's results: one Markdown table, and the same as JSON. */
final class Measures {

  /** One line of the table: our figure beside the baseline's, when there is one. */
  record Measure(
      String measure,
      String kind,
      int members,
      double oursMillis,
      String baseline,
      Double baselineMillis,
      String goal,
      String note) {

    /** The baseline's time over ours; for latencies, idle over busy. */
    Double ratio() {
      return baselineMillis == null || oursMillis == 0 ? null : baselineMillis / oursMillis;
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<Measure> measures = new ArrayList<>();

  static long millisSince(long nanoTimeStart) {
    return Duration.ofNanos(System.nanoTime() - nanoTimeStart).toMillis();
  }

  void add(Measure measure) {
    measures.add(measure);
  }

  /** Prints the table and writes {@code <name>.txt} and {@code <name>.json} into the directory. */
  void write(Path dir, String name) throws IOException {
    String table = table();
    System.out.println(table);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".txt"), table);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Measure m : measures) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("measure", m.measure());
      row.put("kind", m.kind());
      row.put("members", m.members());
      row.put("oursMillis", m.oursMillis());
      row.put("baseline", m.baseline());
      row.put("baselineMillis", m.baselineMillis());
      row.put("ratio", m.ratio());
      row.put("goal", m.goal());
      row.put("note", m.note());
      rows.add(row);
    }
    JSON.writeValue(dir.resolve(name + ".json").toFile(), Map.of("measures", rows));
  }

  /** Whole milliseconds, but tenths below 100 ms, where a millisecond moves a ratio. */
  private static String millis(double value) {
    return String.format(value < 100 ? "%.1f" : "%,.0f", value);
  }

  private String table() {
    StringBuilder table = new StringBuilder();
    String format = "| %s | %s | %,d | %s | %s | %s | %s | %s | %s |%n";
    table.append(
        "| measure | kind | members | ours ms | baseline | baseline ms | ratio | goal | note |\n");
    table.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Measure m : measures) {
      table.append(
          String.format(
              format,
              m.measure(),
              m.kind(),
              m.members(),
              millis(m.oursMillis()),
              m.baseline() == null ? "" : m.baseline(),
              m.baselineMillis() == null ? "" : millis(m.baselineMillis()),
              m.ratio() == null ? "" : String.format("%.2fx", m.ratio()),
              m.goal(),
              m.note()));
    }
    return table.toString();
  }
}
