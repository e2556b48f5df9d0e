package dev.presign.internal.uppy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

  @Test
  void parse_uppysCreateBody_keepsOrderNullsAndNumberText() throws Exception {
    Object doc =
        StrictJson.parse(
            " {\"filename\":\"a b.mp4\",\"metadata\":{\"relativePath\":null,\"size\":16000000},"
                + "\"type\":\"video/mp4\",\"x\":[true,false,-1.5e3,\"\\u00e9\\n\"]} ");

    assertThat(doc).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) doc;
    assertThat(map.keySet()).containsExactly("filename", "metadata", "type", "x");
    Map<?, ?> metadata = (Map<?, ?>) map.get("metadata");
    assertThat(metadata.get("relativePath")).isSameAs(StrictJson.NULL);
    assertThat(((StrictJson.JsonNumber) metadata.get("size")).asLong()).hasValue(16_000_000L);
    @SuppressWarnings("unchecked")
    List<Object> x = (List<Object>) map.get("x");
    assertThat(x).containsExactly(true, false, new StrictJson.JsonNumber("-1.5e3"), "é\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "}",
        "{\"a\":1,}",
        "[1,]",
        "{\"a\":1,\"a\":2}",
        "{'a':1}",
        "{a:1}",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "+1",
        "NaN",
        "Infinity",
        "tru",
        "nulll",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"a\u0001\"",
        "\"abc",
        "{\"a\":1} x",
        "[1 2]",
        "{\"a\" 1}",
        "/*c*/1",
        "[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]"
      })
  void parse_malformedOrAmbiguous_isRefused(String text) {
    assertThatThrownBy(() -> StrictJson.parse(text))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void parse_tooLong_isRefused() {
    String text = "\"" + "a".repeat(StrictJson.MAX_LENGTH) + "\"";
    assertThatThrownBy(() -> StrictJson.parse(text))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessageContaining("at most 1048576 characters");
  }

  @ParameterizedTest
  @CsvSource({"12,12", "0,0", "-3,-3", "1.0,", "1e3,", "12345678901234567890,"})
  void asLong_onlyWholeNumbersThatFit(String text, Long expected) {
    if (expected == null) {
      assertThat(new StrictJson.JsonNumber(text).asLong()).isEmpty();
    } else {
      assertThat(new StrictJson.JsonNumber(text).asLong()).hasValue(expected);
    }
  }

  @Test
  void quote_escapesEverythingOutsidePrintableAsciiAndHtml() {
    assertThat(StrictJson.quote(new StringBuilder(), "a\"\\</script>é\u2028\n").toString())
        .isEqualTo("\"a\\\"\\\\\\u003c/script\\u003e\\u00e9\\u2028\\u000a\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"\\u\u0660\u0660\u0664\u0661\"",
        "\"\\u\uff10\uff10\uff14\uff11\"",
        "\"\\u00\u00b2\u00b3\"",
        "\"\\u004g\"",
        "\"\\u-041\""
      })
  void parse_unicodeEscapeOfNonAsciiOrNonHexDigits_isRefused(String text) {
    assertThatThrownBy(() -> StrictJson.parse(text))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessageContaining("bad \\u escape");
  }

  @Test
  void parse_unicodeEscapeOfBothCases_isRead() throws Exception {
    assertThat(StrictJson.parse("\"\\u004a\\u004A\\u00e9\"")).isEqualTo("JJ\u00e9");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[|0|10002|]|more than 10001 items in an array",
        "{\"parts\":[|0|10002|]}|more than 10001 items in an array",
        "[|[0,0,0]|10001|]|more than 40000 values",
        "[|{\"a\":[0,0,0,0]}|9000|]|more than 40000 values"
      })
  void parse_manyValuesInASmallBody_isRefusedBeforeTheTreeGrows(
      String prefix, String item, int count, String suffix, String message) {
    String text = prefix + String.join(",", Collections.nCopies(count, item)) + suffix;

    assertThatThrownBy(() -> StrictJson.parse(text))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessageContaining(message);
  }

  @Test
  void parse_objectOfManyMembers_isRefused() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < 10_002; i++) {
      text.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
    }

    assertThatThrownBy(() -> StrictJson.parse(text.append('}').toString()))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessageContaining("more than 10001 members in an object");
  }

  @Test
  void parse_tenThousandParts_isRead() throws Exception {
    String part = "{\"PartNumber\":1,\"ETag\":\"abc\"}";
    String text = "{\"parts\":[" + String.join(",", Collections.nCopies(10_000, part)) + "]}";

    Object doc = StrictJson.parse(text);

    assertThat((List<?>) ((Map<?, ?>) doc).get("parts")).hasSize(10_000);
  }
}
