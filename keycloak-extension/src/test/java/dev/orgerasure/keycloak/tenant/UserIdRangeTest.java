package dev.orgerasure.keycloak.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserIdRangeTest {

  @Test
  void oneRangeIsEveryId() {
    assertEquals(List.of(new UserIdRange("", Optional.empty())), UserIdRange.split(1));
  }

  @Test
  void twoRangesSplitKeycloaksIdsAtTheMiddleHexadecimalDigit() {
    assertEquals(
        List.of(new UserIdRange("", Optional.of("8")), new UserIdRange("8", Optional.empty())),
        UserIdRange.split(2));
  }

  @Test
  void rangesFollowEachOtherWithoutGapFromTheEmptyIdToNoUpperEnd() {
    for (int parts = 1; parts <= 16; parts++) {
      List<UserIdRange> ranges = UserIdRange.split(parts);
      assertEquals(parts, ranges.size());
      assertEquals("", ranges.get(0).from());
      assertEquals(Optional.empty(), ranges.get(parts - 1).below());
      for (int i = 1; i < parts; i++) {
        assertEquals(ranges.get(i - 1).below(), Optional.of(ranges.get(i).from()));
      }
    }
  }

  @Test
  void everyUuidFallsInExactlyOneRange() {
    List<UserIdRange> ranges = UserIdRange.split(3);
    for (int i = 0; i < 1_000; i++) {
      String id = UUID.randomUUID().toString();
      long holding =
          ranges.stream()
              .filter(
                  range ->
                      id.compareTo(range.from()) >= 0
                          && range.below().map(below -> id.compareTo(below) < 0).orElse(true))
              .count();
      assertEquals(1, holding, id);
    }
  }

  @Test
  void moreThanSixteenRangesAreSixteen() {
    assertEquals(16, UserIdRange.split(40).size());
  }

  @Test
  void fewerThanOneRangeIsOne() {
    assertEquals(1, UserIdRange.split(0).size());
  }
}
