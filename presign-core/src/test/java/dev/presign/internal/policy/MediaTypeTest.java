package dev.presign.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs under a Turkish default locale: {@code "I".toLowerCase()} is a dotless ı there. */
class MediaTypeTest {
  private Locale saved;

  @BeforeEach
  void turkishLocale() {
    saved = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "image/png                          | image/png",
        "IMAGE/PNG                          | image/png",
        "Image/GIF                          | image/gif",
        "  image/png  \t                   | image/png",
        "text/plain; charset=utf-8          | text/plain; charset=utf-8",
        "TEXT/Plain;CHARSET=UTF-8           | text/plain; charset=UTF-8",
        "text/plain ;  charset=\"utf-8\"      | text/plain; charset=\"utf-8\"",
        "application/vnd.api+json           | application/vnd.api+json",
        "VIDEO/X-MATROSKA                   | video/x-matroska",
        "\ttext/plain\t;\tcharset=utf-8\t    | text/plain; charset=utf-8",
        "text/plain; a=\"x\\\"y\"          | text/plain; a=\"x\\\"y\"",
        "text/plain; a=\"\"                 | text/plain; a=\"\"",
        "text/plain;a=1;b=2                 | text/plain; a=1; b=2",
      })
  void parse_validType_normalizes(String raw, String expected) {
    assertThat(MediaType.parse(raw)).map(MediaType::headerValue).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "image",
        "image/",
        "/png",
        "image/png/x",
        "image /png",
        "image/ png",
        "image/*",
        "*/*",
        "*/png",
        "image/png;",
        "image/png; charset",
        "image/png; charset=",
        "image/png; =x",
        "text/plain; charset=\"utf-8",
        "image/png\r\nX-Evil: 1",
        "image/png\n",
        "image/png\u0000",
        "image/p\u00f1g",
        "image/png; a=\u00e9",
        "image/png, text/html",
        "image/png text/html",
        "image/p*ng",
        "*x/png",
        "ima*/png",
        "text/plain; a=\"x\\",
        "text/plain; a=\"\u0001\"",
        "text/plain; a=b c",
        "text/plain; a b=c",
        "image/png;;",
      })
  void parse_malformedType_isEmpty(String raw) {
    assertThat(MediaType.parse(raw)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {MediaType.MAX_LENGTH + 1, 10_000})
  void parse_overlongType_isEmpty(int length) {
    assertThat(MediaType.parse("image/" + "x".repeat(length))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "image/png | image/png                 | true",
        "image/png | IMAGE/PNG                 | true",
        "IMAGE/GIF | image/gif                 | true",
        "image/*   | image/svg+xml             | true",
        "IMAGE/*   | image/gif                 | true",
        "*/*       | application/x-msdownload  | true",
        "image/png | image/png; charset=utf-8  | true",
        "image/png | image/jpeg                | false",
        "image/*   | text/html                 | false",
        "image/*   | imagex/png                | false",
        "video/*   | image/mp4                 | false",
        "image/png | image/pngx                | false",
      })
  void matches_ignoresCaseAndParameters(String range, String type, boolean expected) {
    MediaRange parsedRange = MediaRange.parse(range).orElseThrow();
    assertThat(parsedRange.matches(MediaType.parse(type).orElseThrow())).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "image",
        "*/png",
        "im*ge/png",
        "image/p*",
        "image/png; charset=utf-8",
        "",
        "image/*/*"
      })
  void rangeParse_malformedRange_isEmpty(String raw) {
    assertThat(MediaRange.parse(raw)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "jpg, image/jpeg, true",
    "jpeg, image/jpeg, true",
    "png, image/jpeg, false",
    "mp4, video/mp4, true",
    "txt, application/x-unknown, false",
    "'', image/png, false"
  })
  void extensionTable_fits(String extension, String type, boolean expected) {
    assertThat(ExtensionTable.fits(extension, MediaType.parse(type).orElseThrow()))
        .isEqualTo(expected);
  }
}
