package dev.presign.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The media-type grammar below MediaType and MediaRange, including its allocation-free fast paths.
 */
class SyntaxTest {

  @ParameterizedTest
  @CsvSource({
    "image/png, 5",
    "a/b, 1",
    "0/9, 1",
    "video/x-matroska, 5",
    "application/vnd.api+json, 11",
    "x/!#$%&'*+-.^_`|~, 1"
  })
  void simpleSlash_normalizedTypes_isTheSlashIndex(String text, int slash) {
    assertThat(Syntax.simpleSlash(text, 255)).isEqualTo(slash);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/png",
        "image/",
        "/",
        "image",
        "Image/png",
        "image/pnG",
        "image/PNG",
        "image/p g",
        "image/png;a=b",
        "image/png/x",
        "image//png",
        "image/@",
        "image/[",
        "image/{",
        "image/\u007f",
        " image/png",
        "image/p\u00e9"
      })
  void simpleSlash_anythingElse_isMinusOne(String text) {
    assertThat(Syntax.simpleSlash(text, 255)).isEqualTo(-1);
  }

  @Test
  void simpleSlash_lengthLimit_isInclusive() {
    assertThat(Syntax.simpleSlash("image/png", 9)).isEqualTo(5);
    assertThat(Syntax.simpleSlash("image/png", 8)).isEqualTo(-1);
    assertThat(Syntax.simpleSlash(null, 8)).isEqualTo(-1);
  }

  @Test
  void parse_normalizedInput_keepsTheSameString() {
    String text = "image/png";

    Syntax.Parsed parsed = Syntax.parse(text, 255, true);

    assertThat(parsed.essence()).isSameAs(text);
    assertThat(parsed.slash()).isEqualTo(5);
    assertThat(parsed.type()).isEqualTo("image");
    assertThat(parsed.subtype()).isEqualTo("png");
    assertThat(parsed.parameters()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "IMAGE/PNG                                 | image/png | ''",
        "'  image/png\t '                          | image/png | ''",
        "'image/Png'                               | image/png | ''",
        "'text/plain;charset=UTF-8'                | text/plain | '; charset=UTF-8'",
        "'text/plain ; CHARSET=utf-8 ;\tformat=flowed' | text/plain | '; charset=utf-8; format=flowed'",
        "'text/plain; name=\"a \\\" b\"'           | text/plain | '; name=\"a \\\" b\"'",
        "'text/plain; name=\"~\"'                  | text/plain | '; name=\"~\"'",
        "'text/plain; name=\"  \"'                 | text/plain | '; name=\"  \"'",
      })
  void parse_validMediaTypes_normalized(String text, String essence, String parameters) {
    Syntax.Parsed parsed = Syntax.parse(text, 255, true);

    assertThat(parsed).isNotNull();
    assertThat(parsed.essence()).isEqualTo(essence);
    assertThat(parsed.parameters()).isEqualTo(parameters);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "image",
        "image/",
        "/png",
        "image/png;",
        "image/png; a",
        "image/png; a=",
        "image/png a=b",
        "image/png; =b",
        "image/png; a=\"unterminated",
        "image/png; a=\"bad\\",
        "image/png; a=\"del\u007f\"",
        "image/png; a=\"ctl\u0001\"",
        "image/png; a=\"esc\\\u0001\"",
        "image/png; a=b c",
        "im age/png",
        "image/p\u00e9",
        "image/png;a=b;",
        "\u0000image/png",
        "text/plain; name=\"a\tb\"",
        "text/plain; name=\"\\\t\""
      })
  void parse_malformed_isNull(String text) {
    assertThat(Syntax.parse(text, 255, true)).isNull();
  }

  @Test
  void parse_parametersWhenNotAllowed_isNull() {
    assertThat(Syntax.parse("image/png; a=b", 255, false)).isNull();
    assertThat(Syntax.parse("image/png ", 255, false)).isNotNull();
  }

  @Test
  void parse_lengthLimit_isInclusive() {
    assertThat(Syntax.parse("image/png", 9, true)).isNotNull();
    assertThat(Syntax.parse("image/png", 8, true)).isNull();
  }

  @Test
  void isTokenChar_allLatin1_isExactlyRfc9110Tchar() {
    StringBuilder tchars = new StringBuilder();
    for (char c = 0; c < 0x100; c++) {
      if (Syntax.isTokenChar(c)) {
        tchars.append(c);
      }
    }
    assertThat(tchars)
        .hasToString(
            "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~");
  }
}
