package dev.presign.internal.uppy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

  @Test
  void parse_uppysCreateBody_keepsOrderNullsAndNumberText() throws Exception {
    Object doc = StrictJson.parse(" {\"filename\":\"a b.mp4\",\"metadata\":{\"relativePath\":null,\"size\":16000000},"
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
  @ValueSource(strings = {
      "", " ", "{", "}", "{\"a\":1,}", "[1,]", "{\"a\":1,\"a\":2}", "{'a':1}", "{a:1}", "01", "1.", ".5", "-",
      "1e", "+1", "NaN", "Infinity", "tru", "nulll", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"a\u0001\"", "\"abc",
      "{\"a\":1} x", "[1 2]", "{\"a\" 1}", "/*c*/1", "[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]"})
  void parse_malformedOrAmbiguous_isRefused(String text) {
    assertThatThrownBy(() -> StrictJson.parse(text))
        .isInstanceOf(StrictJson.JsonException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void parse_tooLong_isRefused() {
    String text = "\"" + "a".repeat(StrictJson.MAX_LENGTH) + "\"";
    assertThatThrownBy(() -> StrictJson.parse(text)).isInstanceOf(StrictJson.JsonException.class)
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
  @CsvSource(delimiter = '|', value = {
      "filename=a+b%2Fc.png&type=image%2Fpng|{filename=a b/c.png, type=image/png}",
      "metadata%5Bsize%5D=12&&x|{metadata[size]=12, x=}",
      "key=%C3%A9|{key=é}"})
  void query_decodesWhatUrlSearchParamsWrites(String raw, String expected) {
    assertThat(FormDecoding.query(raw).toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=%", "a=%2", "a=%zz", "a=%C3", "a=%FF", "a=1&a=2", "a=é", "a=b c", "a=\n", "a=%00%C0%80"})
  void query_malformedOrAmbiguous_isRefused(String raw) {
    assertThatThrownBy(() -> FormDecoding.query(raw)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching(".*(%-escape|printable ASCII|appear once).*");
  }

  @Test
  void segment_keepsPlus() {
    assertThat(FormDecoding.segment("a+b%2B")).isEqualTo("a+b+");
  }
}
