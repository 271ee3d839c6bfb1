package dev.orgerasure.keycloak.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GracePeriodTest {

  private static final int MAX = 7 * 86400;

  @Test
  void nothingTypedMeansTheDefault() {
    assertEquals(OptionalInt.empty(), GracePeriod.seconds(" ", "hours", MAX));
  }

  @Test
  void hoursAndDaysBecomeSeconds() {
    assertEquals(OptionalInt.of(5400), GracePeriod.seconds("1.5", "hours", MAX));
    assertEquals(OptionalInt.of(2 * 86400), GracePeriod.seconds("2", "days", MAX));
    assertEquals(OptionalInt.of(0), GracePeriod.seconds("0", "days", MAX));
  }

  @Test
  void moreThanTheMaximumANegativeAmountOrAnotherUnitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> GracePeriod.seconds("8", "days", MAX));
    assertThrows(IllegalArgumentException.class, () -> GracePeriod.seconds("-1", "hours", MAX));
    assertThrows(IllegalArgumentException.class, () -> GracePeriod.seconds("1", "weeks", MAX));
    assertThrows(IllegalArgumentException.class, () -> GracePeriod.seconds("NaN", "hours", MAX));
    assertThrows(IllegalArgumentException.class, () -> GracePeriod.seconds("x", "hours", MAX));
  }

  @Test
  void aRealmsOwnDefaultReplacesTheServersWhenItIsWholeSecondsWithinTheMaximum() {
    assertEquals(3600, GracePeriod.realmDefaultSeconds("3600", 0, 86400));
    assertEquals(0, GracePeriod.realmDefaultSeconds("0", 600, 86400));
  }

  @Test
  void aMissingOrMistypedRealmDefaultFallsBackToTheServersDefault() {
    assertEquals(600, GracePeriod.realmDefaultSeconds(null, 600, 86400));
    assertEquals(600, GracePeriod.realmDefaultSeconds("an hour", 600, 86400));
    assertEquals(600, GracePeriod.realmDefaultSeconds("-1", 600, 86400));
    assertEquals(600, GracePeriod.realmDefaultSeconds("86401", 600, 86400));
  }
}
