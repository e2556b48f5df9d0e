package dev.presign.internal.uppy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormDecodingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "filename=a+b%2Fc.png&type=image%2Fpng|{filename=a b/c.png, type=image/png}",
        "metadata%5Bsize%5D=12&&x|{metadata[size]=12, x=}",
        "key=%C3%A9|{key=é}"
      })
  void query_decodesWhatUrlSearchParamsWrites(String raw, String expected) {
    assertThat(FormDecoding.query(raw).toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a=%",
        "a=%2",
        "a=%zz",
        "a=%C3",
        "a=%FF",
        "a=1&a=2",
        "a=é",
        "a=b c",
        "a=\n",
        "a=%00%C0%80"
      })
  void query_malformedOrAmbiguous_isRefused(String raw) {
    assertThatThrownBy(() -> FormDecoding.query(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching(".*(%-escape|printable ASCII|appear once).*");
  }

  @Test
  void segment_keepsPlus() {
    assertThat(FormDecoding.segment("a+b%2B")).isEqualTo("a+b+");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=%\u0660\u0661", "a=%\uff14\uff11", "a=%+1", "a=%-1"})
  void query_escapeOfNonAsciiOrNonHexDigits_isRefused(String raw) {
    assertThatThrownBy(() -> FormDecoding.query(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching(".*(%-escape|printable ASCII).*");
  }

  @Test
  void query_overTheLimit_isRefusedWithItsLength() {
    String raw = "a=" + "b".repeat(FormDecoding.MAX_QUERY);

    assertThatThrownBy(() -> FormDecoding.query(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 16384 characters: 16386");
  }

  @Test
  void segment_nonUtf8Escape_isRefused() {
    assertThatThrownBy(() -> FormDecoding.segment("%C3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UTF-8");
  }
}
