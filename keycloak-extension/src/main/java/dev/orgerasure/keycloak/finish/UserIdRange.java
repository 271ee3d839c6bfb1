package dev.orgerasure.keycloak.finish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A range of user ids, {@code from} inclusive up to {@code below} exclusive (none: no upper end),
 * as the database orders them. Ranges from {@link #split(int)} cover every id exactly once,
 * whatever its form; Keycloak's own ids are UUIDs, so splitting at hexadecimal digits shares them
 * out evenly.
 */
public record UserIdRange(String from, Optional<String> below) {

  private static final String HEX_DIGITS = "0123456789abcdef";

  /** At most 16 ranges; one range is every id. */
  public static List<UserIdRange> split(int parts) {
    int count = Math.max(1, Math.min(parts, HEX_DIGITS.length()));
    List<UserIdRange> ranges = new ArrayList<>(count);
    String from = "";
    for (int i = 1; i < count; i++) {
      String below = String.valueOf(HEX_DIGITS.charAt(i * HEX_DIGITS.length() / count));
      ranges.add(new UserIdRange(from, Optional.of(below)));
      from = below;
    }
    ranges.add(new UserIdRange(from, Optional.empty()));
    return ranges;
  }
}
