package dev.orgerasure.e2e.demo;

import java.util.List;

/** Deterministic, distinct first and last names for the n-th person of an organisation. */
final class PersonNames {

  private static final List<String> FIRST =
      List.of("ada", "ben", "chloe", "david", "emma", "felix", "grace", "hugo", "iris", "jonas");
  private static final List<String> LAST =
      List.of(
          "adams", "baker", "clark", "dupont", "evans", "fischer", "garcia", "hansen", "ito",
          "jensen");

  private PersonNames() {}

  static String first(int n) {
    return FIRST.get(n % FIRST.size());
  }

  static String last(int n) {
    int combinations = FIRST.size() * LAST.size();
    String last = LAST.get((n / FIRST.size()) % LAST.size());
    return n < combinations ? last : last + (n / combinations);
  }
}
