package dev.orgerasure.keycloak.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

  @Test
  void aPlainTextIsQuoted() {
    assertEquals("\"Acme Academy\"", CsvCells.text("Acme Academy"));
  }

  @Test
  void quotesInATextAreDoubled() {
    assertEquals("\"say \"\"hi\"\"\"", CsvCells.text("say \"hi\""));
  }

  @Test
  void aMissingTextIsAnEmptyCell() {
    assertEquals("\"\"", CsvCells.text(null));
  }

  @Test
  void anOrganisationNamedLikeAFormulaIsShownNotEvaluated() {
    assertEquals(
        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"",
        CsvCells.text("=HYPERLINK(\"http://evil.example\",\"x\")"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd"})
  void aTextStartingLikeAFormulaGetsALeadingApostrophe(String text) {
    assertEquals("\"'" + text + "\"", CsvCells.text(text));
  }

  @Test
  void aFormulaCharacterAfterTheFirstLeavesTheTextAsItIs() {
    assertEquals("\"a=b-c\"", CsvCells.text("a=b-c"));
  }

  @Test
  void aNegativeNumberTheExportWritesStaysANumber() {
    assertEquals("\"-3\"", CsvCells.number(-3));
  }
}
