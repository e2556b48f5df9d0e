package dev.presign.internal.uppy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any text is read or refused with a {@link StrictJson.JsonException}; any string quoted reads back
 * as itself.
 */
class StrictJsonFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void parse_anyText_readsOrRefusesWithItsOwnException(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();

    try {
      Object value = StrictJson.parse(text);
      assertThat(value).isNotNull();
    } catch (StrictJson.JsonException e) {
      assertThat(e.getMessage()).startsWith("the JSON body ");
    }
  }

  @FuzzTest(maxDuration = "2m")
  void quote_anyString_readsBackAsItself(FuzzedDataProvider data) throws Exception {
    String s = data.consumeRemainingAsString();
    String quoted = StrictJson.quote(new StringBuilder(), s).toString();

    assertThat(quoted).matches("[\\x20-\\x7e]*").doesNotContain("<", ">", "&");
    if (s.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff)) {
      assertThat(StrictJson.parse(quoted)).isEqualTo(s);
    }
  }
}
