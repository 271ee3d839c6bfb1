package dev.orgerasure.audit.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** What a verification found: whether everything holds and, if not, what does not, in words. */
public final class VerificationReport {

  /**
   * One thing that does not hold.
   *
   * @param seq the record it names, when it names one
   */
  public record Problem(OptionalLong seq, String description) {}

  /**
   * Problems kept in full; beyond these only the count grows, so a wrecked log cannot fill memory.
   */
  private static final int KEPT = 1000;

  private final long recordsChecked;
  private final long checkpointsChecked;
  private final List<Problem> problems;
  private final long problemCount;

  private VerificationReport(Builder builder) {
    this.recordsChecked = builder.recordsChecked;
    this.checkpointsChecked = builder.checkpointsChecked;
    this.problems = Collections.unmodifiableList(new ArrayList<>(builder.problems));
    this.problemCount = builder.problemCount;
  }

  public boolean ok() {
    return problemCount == 0;
  }

  public long recordsChecked() {
    return recordsChecked;
  }

  public long checkpointsChecked() {
    return checkpointsChecked;
  }

  /** The problems in the order they were found (the first {@value #KEPT}). */
  public List<Problem> problems() {
    return problems;
  }

  public long problemCount() {
    return problemCount;
  }

  /** The problem naming the earliest record; when none names a record, the first found. */
  public Optional<Problem> firstProblem() {
    Problem first = null;
    for (Problem problem : problems) {
      if (problem.seq().isPresent()
          && (first == null
              || first.seq().isEmpty()
              || problem.seq().getAsLong() < first.seq().getAsLong())) {
        first = problem;
      }
    }
    return first != null ? Optional.of(first) : problems.stream().findFirst();
  }

  /** "1,204 records, 57 checkpoints, all consistent", or the first problem in words. */
  public String summary() {
    if (ok()) {
      return count(recordsChecked, "record")
          + ", "
          + count(checkpointsChecked, "checkpoint")
          + ", all consistent";
    }
    String first = firstProblem().map(Problem::description).orElse("");
    long more = problemCount - 1;
    return more == 0 ? first : first + " (and " + count(more, "more problem") + ")";
  }

  @Override
  public String toString() {
    return summary();
  }

  private static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  /** Collects a report while a verification runs. */
  static final class Builder {

    private long recordsChecked;
    private long checkpointsChecked;
    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;

    void recordsChecked(long count) {
      recordsChecked = count;
    }

    void checkpointsChecked(long count) {
      checkpointsChecked = count;
    }

    /** Adds a problem that names a record; returns its index, or -1 when no longer kept. */
    int add(long seq, String description) {
      return add(new Problem(OptionalLong.of(seq), description));
    }

    /** Adds a problem that names no record. */
    void add(String description) {
      add(new Problem(OptionalLong.empty(), description));
    }

    /** Restates a problem in what was learnt later, keeping its place in the order. */
    void replace(int index, long seq, String description) {
      problems.set(index, new Problem(OptionalLong.of(seq), description));
    }

    private int add(Problem problem) {
      problemCount++;
      if (problems.size() >= KEPT) {
        return -1;
      }
      problems.add(problem);
      return problems.size() - 1;
    }

    VerificationReport build() {
      return new VerificationReport(this);
    }
  }
}
