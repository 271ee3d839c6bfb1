package dev.orgerasure.keycloak.erasure;

import java.util.Map;
import java.util.OptionalInt;

/**
 * A grace period as a person types it on a page: an amount of hours or days, empty for the realm's
 * default. The admin API takes seconds; both are bounded by the setting {@code grace-period-max}.
 */
public final class GracePeriod {

  private static final Map<String, Integer> SECONDS_PER_UNIT = Map.of("hours", 3600, "days", 86400);

  private GracePeriod() {}

  /**
   * The realm's default grace period: its attribute when that is whole seconds from 0 to the
   * maximum, else the server's default (a mistyped attribute must not start an erasure at once).
   */
  public static int realmDefaultSeconds(String realmAttribute, int serverDefault, int maxSeconds) {
    if (realmAttribute == null || realmAttribute.isBlank()) {
      return serverDefault;
    }
    try {
      int seconds = Integer.parseInt(realmAttribute.trim());
      return seconds >= 0 && seconds <= maxSeconds ? seconds : serverDefault;
    } catch (NumberFormatException e) {
      return serverDefault;
    }
  }

  /**
   * The grace period in seconds; empty when no amount was typed.
   *
   * @throws IllegalArgumentException when the amount or unit is not one, or it is above the maximum
   */
  public static OptionalInt seconds(String amount, String unit, int maxSeconds) {
    if (amount == null || amount.isBlank()) {
      return OptionalInt.empty();
    }
    Integer perUnit = SECONDS_PER_UNIT.get(unit);
    double value;
    try {
      value = Double.parseDouble(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + amount);
    }
    if (perUnit == null || !(value >= 0) || value * perUnit > maxSeconds) {
      throw new IllegalArgumentException(
          "a grace period is 0 or more hours or days, at most " + maxSeconds + " seconds");
    }
    return OptionalInt.of((int) Math.round(value * perUnit));
  }
}
