package dev.presign.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo's JSON writer: every character outside printable ASCII, and the HTML ones, as {@code
 * \\uXXXX}.
 */
class JsonTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "https://h/k?a=1&b=2           | \"https://h/k?a=1\\u0026b=2\"",
        "</script>                     | \"\\u003c/script\\u003e\"",
        "Résumé                        | \"R\\u00e9sum\\u00e9\"",
        "€ 5                           | \"\\u20ac 5\"",
        "say \"hi\" \\ bye             | \"say \\\"hi\\\" \\\\ bye\"",
      })
  void of_stringValue_isEscapedForJsonAndPages(String value, String expected) {
    assertThat(Json.of(Map.of("v", value.strip()))).isEqualTo("{\"v\":" + expected.strip() + "}");
  }

  @ParameterizedTest
  @CsvSource({
    "0, \\u0000",
    "10, \\u000a",
    "31, \\u001f",
    "127, \\u007f",
    "8238, \\u202e",
    "65535, \\uffff"
  })
  void of_controlAndFormatCharacters_areHexEscapes(int code, String expected) {
    assertThat(Json.of(Map.of("v", String.valueOf((char) code))))
        .isEqualTo("{\"v\":\"" + expected + "\"}");
  }

  @Test
  void of_numbersAndBooleans_areBare() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("n", 12L);
    body.put("b", true);
    assertThat(Json.of(body)).isEqualTo("{\"n\":12,\"b\":true}");
  }

  @Test
  void of_nestedObjectsAndLists_keepTheirOrder() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("a", List.of(1, "x"));
    body.put("b", Map.of("k", "v"));
    assertThat(Json.of(body)).isEqualTo("{\"a\":[1,\"x\"],\"b\":{\"k\":\"v\"}}");
  }
}
