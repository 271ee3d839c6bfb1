package dev.orgerasure.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

  @Test
  void membersAreSortedByTheirUtf16CodeUnits() {
    String json =
        "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet"
            + " With Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":"
            + "\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";

    assertEquals(
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small"
            + " Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning"
            + " Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
        CanonicalJson.canonicalize(json));
  }

  @Test
  void numbersStringsAndLiteralsTakeTheirOneCanonicalSpelling() {
    String json =
        "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
            + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
            + "  \"literals\": [null, true, false]\n}";

    assertEquals(
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}",
        CanonicalJson.canonicalize(json));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0, 0",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "9007199254740992, 9007199254740992",
    "295147905179352830000, 295147905179352830000",
    "0.000001, 0.000001",
    "1e-7, 1e-7",
    "5e-324, 5e-324",
    "-1.5E3, -1500"
  })
  void numbersAreWrittenAsEcmaScriptWritesThem(String number, String canonical) {
    assertEquals("[" + canonical + "]", CanonicalJson.canonicalize("[" + number + "]"));
  }

  @Test
  void textThatIsNotJsonIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize("{\"a\":"));
  }
}
