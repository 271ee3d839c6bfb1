package dev.orgerasure.keycloak.erasure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfirmationRuleTest {

  @Test
  void exactNameConfirms() {
    assertTrue(ConfirmationRule.isConfirmed("Acme Academy", "Acme Academy"));
  }

  @Test
  void differentCaseDoesNotConfirm() {
    assertFalse(ConfirmationRule.isConfirmed("Acme Academy", "acme academy"));
  }

  @Test
  void surroundingWhitespaceDoesNotConfirm() {
    assertFalse(ConfirmationRule.isConfirmed("Acme Academy", " Acme Academy"));
    assertFalse(ConfirmationRule.isConfirmed("Acme Academy", "Acme Academy "));
  }

  @Test
  void missingConfirmationDoesNotConfirm() {
    assertFalse(ConfirmationRule.isConfirmed("Acme Academy", null));
    assertFalse(ConfirmationRule.isConfirmed("Acme Academy", ""));
  }
}
