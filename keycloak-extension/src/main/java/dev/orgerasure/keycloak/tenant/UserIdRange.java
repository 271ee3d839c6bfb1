package dev.orgerasure.keycloak.tenant;

import jakarta.persistence.TypedQuery;
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

  /** Every id. */
  public static final UserIdRange ALL = new UserIdRange("", Optional.empty());

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

  /**
   * The range as a JPQL condition on {@code idPath}, to append to a where clause; {@link #bind}
   * sets its parameters.
   */
  public String condition(String idPath) {
    return " and "
        + idPath
        + " >= :rangeFrom"
        + (below.isPresent() ? " and " + idPath + " < :rangeBelow" : "");
  }

  public <T> TypedQuery<T> bind(TypedQuery<T> query) {
    query.setParameter("rangeFrom", from);
    below.ifPresent(end -> query.setParameter("rangeBelow", end));
    return query;
  }
}
