package dev.orgerasure.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContractExamplesTest {

  @Test
  void theDocumentHasOneExampleOfEveryBody() {
    assertEquals(ContractExamples.RECORDS.keySet(), ContractExamples.read().keySet());
  }

  @Test
  void errorsAreCutToTheSameLengthEverywhere() {
    String longError = "x".repeat(5000);
    assertEquals(ContractLimits.ERROR_MAX_CHARS, ContractLimits.truncatedError(longError).length());
    assertEquals("short", ContractLimits.truncatedError("short"));
  }
}
