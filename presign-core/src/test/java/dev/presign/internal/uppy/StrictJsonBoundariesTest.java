package dev.presign.internal.uppy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader's limits at their exact edges (the largest accepted and the first refused), the
 * whitespace it allows between tokens and the error positions it reports.
 */
class StrictJsonBoundariesTest {

  @Test
  void parse_whitespaceAroundEveryToken_isSkipped() throws Exception {
    Object doc =
        StrictJson.parse(
            " \t{ \"a\" :\n[ 1 ,\r2 ] , \"b\" : { } , \"c\" : [ ] , \"d\" : { \"e\" : null } }\n");

    assertThat(doc)
        .isEqualTo(
            Map.of(
                "a",
                List.of(new StrictJson.JsonNumber("1"), new StrictJson.JsonNumber("2")),
                "b",
                Map.of(),
                "c",
                List.of(),
                "d",
                Map.of("e", StrictJson.NULL)));
  }

  @Test
  void parse_documentOfExactlyTheLongestLength_isRead() throws Exception {
    String text = "\"" + "a".repeat(StrictJson.MAX_LENGTH - 2) + "\"";

    assertThat((String) StrictJson.parse(text)).hasSize(StrictJson.MAX_LENGTH - 2);
  }

  @ParameterizedTest
  @CsvSource({"16, true", "17, false"})
  void parse_nestedArrays_readUpToTheDeepestLevel(int levels, boolean read) {
    String text = "[".repeat(levels) + "0" + "]".repeat(levels);

    assertDepth(text, read);
  }

  @ParameterizedTest
  @CsvSource({"16, true", "17, false"})
  void parse_nestedObjects_readUpToTheDeepestLevel(int levels, boolean read) {
    String text = "{\"a\":".repeat(levels) + "0" + "}".repeat(levels);

    assertDepth(text, read);
  }

  private static void assertDepth(String text, boolean read) {
    if (read) {
      assertThat(catchJson(text)).isNull();
    } else {
      assertThat(catchJson(text))
          .isInstanceOf(StrictJson.JsonException.class)
          .hasMessageContaining("nested deeper than 16 levels");
    }
  }

  @ParameterizedTest
  @CsvSource({"9995, true", "9996, false"})
  void parse_valuesInAllUpToTheMost_areRead(int lastItems, boolean read) {
    // The object, its four arrays and their items: 1 + 4 + 30,000 + lastItems values.
    String text =
        "{\"a\":"
            + items(10_000)
            + ",\"b\":"
            + items(10_000)
            + ",\"c\":"
            + items(10_000)
            + ",\"d\":"
            + items(lastItems)
            + "}";

    if (read) {
      assertThat(catchJson(text)).isNull();
    } else {
      assertThat(catchJson(text))
          .isInstanceOf(StrictJson.JsonException.class)
          .hasMessageContaining("more than 40000 values in the document");
    }
  }

  @Test
  void parse_arrayOfExactlyTheMostItems_isRead() throws Exception {
    assertThat((List<?>) StrictJson.parse(items(StrictJson.MAX_ITEMS)))
        .hasSize(StrictJson.MAX_ITEMS);
  }

  @Test
  void parse_objectOfExactlyTheMostMembers_isRead() throws Exception {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < StrictJson.MAX_ITEMS; i++) {
      text.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":0");
    }

    assertThat((Map<?, ?>) StrictJson.parse(text.append('}').toString()))
        .hasSize(StrictJson.MAX_ITEMS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "1.0", "1.9", "0.5", "1e0", "1e9", "1E+5", "1e-5", "-2.0E-09"})
  void parse_numbersWithEveryDigitAtTheEdges_keepTheirText(String number) throws Exception {
    assertThat(StrictJson.parse(number)).isEqualTo(new StrictJson.JsonNumber(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.", "1.e5", "1e", "1e+", "1E-x", "-", "-a"})
  void parse_numberWithoutDigitsWhereSomeAreNeeded_isRefused(String number) {
    assertThatThrownBy(() -> StrictJson.parse(number))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessageContaining("bad number");
  }

  @Test
  void parse_numberOfExactlySixtyFourCharacters_isRead_sixtyFiveRefused() throws Exception {
    assertThat(StrictJson.parse("1".repeat(64)))
        .isEqualTo(new StrictJson.JsonNumber("1".repeat(64)));
    assertThatThrownBy(() -> StrictJson.parse("1".repeat(65)))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessageContaining("a number longer than 64 characters");
  }

  @ParameterizedTest
  @CsvSource({"0009, 9", "AfaF, 44975", "0a0A, 2570", "f0F0, 61680"})
  void parse_unicodeEscapesWithTheEdgeHexDigits_areRead(String digits, int expected)
      throws Exception {
    assertThat(StrictJson.parse("\"\\u" + digits + "\""))
        .isEqualTo(String.valueOf((char) expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", ":", "`", "g", "@", "G"})
  void parse_unicodeEscapeWithACharacterNextToTheHexDigits_isRefused(String digit) {
    assertThatThrownBy(() -> StrictJson.parse("\"\\u00" + digit + "0\""))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessageContaining("bad \\u escape");
  }

  @Test
  void parse_unicodeEscapeCutShort_isRefusedAtItsStart() {
    assertThatThrownBy(() -> StrictJson.parse("\"\\u00"))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessage("the JSON body is malformed at character 3: unexpected end");
  }

  @Test
  void parse_unicodeEscapeEndingTheText_isRefusedAfterIt() {
    assertThatThrownBy(() -> StrictJson.parse("\"\\u0041"))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessage("the JSON body is malformed at character 7: unexpected end");
  }

  @Test
  void parse_surrogatePair_isRead_rawOrEscaped() throws Exception {
    assertThat(StrictJson.parse("\"a\uD83D\uDE00b\"")).isEqualTo("a\uD83D\uDE00b");
    assertThat(StrictJson.parse("\"\\ud83d\\ude00\"")).isEqualTo("\uD83D\uDE00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\\ud83d\"", "\"\\ud83dx\"", "\"\\ude00\"", "\"x\\ude00\\ud83d\""})
  void parse_loneSurrogate_isRefused(String text) {
    assertThatThrownBy(() -> StrictJson.parse(text))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessageContaining("a lone surrogate in a string");
  }

  @Test
  void parse_missingColon_isReportedWhereTheColonShouldBe() {
    assertThatThrownBy(() -> StrictJson.parse("{\"a\" 1}"))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessage("the JSON body is malformed at character 5: expected ':'");
  }

  @Test
  void quote_keepsSpaceAndTildeEscapesTheCharactersNextToThem() {
    assertThat(StrictJson.quote(new StringBuilder(), " ~\u001f\u007f").toString())
        .isEqualTo("\" ~\\u001f\\u007f\"");
  }

  @Test
  void null_readsAsNull() {
    assertThat(StrictJson.NULL).hasToString("null");
  }

  private static String items(int count) {
    StringBuilder text = new StringBuilder(count * 2 + 2).append('[');
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "0" : ",0");
    }
    return text.append(']').toString();
  }

  private static Throwable catchJson(String text) {
    try {
      StrictJson.parse(text);
      return null;
    } catch (StrictJson.JsonException e) {
      return e;
    }
  }
}
