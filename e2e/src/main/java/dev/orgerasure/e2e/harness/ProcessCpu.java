package dev.orgerasure.e2e.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time a server has used so far: its process and every descendant, the ended ones included
 * (their time is added to their parent's when it reaps them), from Linux's {@code /proc}. Counting
 * the ended ones matters for PostgreSQL, whose backends end with their connections.
 */
public final class ProcessCpu {

  /** The unit of {@code /proc/<pid>/stat}'s times: USER_HZ, 100 on every Linux ABI. */
  private static final long MILLIS_PER_TICK = 10;

  /** Fields 14 to 17 of {@code stat}: utime, stime, cutime, cstime, counted after the name. */
  private static final int FIRST_TIME_FIELD = 11;

  private static final int TIME_FIELDS = 4;

  private ProcessCpu() {}

  /** The CPU time of {@code root} and its descendants; zero on a system without {@code /proc}. */
  public static Duration ofTree(ProcessHandle root) {
    long ticks =
        Stream.concat(Stream.of(root), root.descendants()).mapToLong(ProcessCpu::ticks).sum();
    return Duration.ofMillis(ticks * MILLIS_PER_TICK);
  }

  /** A process that ended since it was listed counts nothing more: its parent will count it. */
  private static long ticks(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      // The name (field 2) is in parentheses and may hold spaces; the fields follow its end.
      List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" "));
      long ticks = 0;
      for (int i = FIRST_TIME_FIELD; i < FIRST_TIME_FIELD + TIME_FIELDS; i++) {
        ticks += Long.parseLong(fields.get(i));
      }
      return ticks;
    } catch (IOException ended) {
      return 0;
    }
  }
}
