package dev.orgerasure.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemberPolicyTest {

  @Test
  void noChoiceMeansErase() {
    assertEquals(MemberPolicy.ERASE, MemberPolicy.parse(null));
    assertEquals(MemberPolicy.ERASE, MemberPolicy.parse(" "));
    assertEquals(MemberPolicy.ERASE, MemberPolicy.orDefault(null));
  }

  @Test
  void aPolicyIsChosenByItsExactName() {
    assertEquals(MemberPolicy.DETACH, MemberPolicy.parse("DETACH"));
    assertThrows(IllegalArgumentException.class, () -> MemberPolicy.parse("detach"));
    assertThrows(IllegalArgumentException.class, () -> MemberPolicy.parse("KEEP"));
  }
}
