package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The byte-level writers under every canonical request; each starts from a 1-byte buffer so it must
 * grow.
 */
class ByteSinkTest {

  @Test
  void appends_fromOneByte_growAndChainOnTheSameSink() {
    ByteSink sink = new ByteSink(1);

    assertThat(sink.append('a')).isSameAs(sink);
    assertThat(sink.append("bc".getBytes(StandardCharsets.US_ASCII))).isSameAs(sink);
    assertThat(sink.append("xdefx".getBytes(StandardCharsets.US_ASCII), 1, 4)).isSameAs(sink);
    assertThat(sink.ascii("-ASCII-")).isSameAs(sink);
    assertThat(sink.asciiLowerCase("LOW")).isSameAs(sink);
    assertThat(sink.utf8("é")).isSameAs(sink);
    assertThat(sink.headerValue(" v ")).isSameAs(sink);
    assertThat(sink.decimal(42)).isSameAs(sink);
    assertThat(sink.twoDigits(7)).isSameAs(sink);
    assertThat(sink.hex(new byte[] {(byte) 0xab}, 1)).isSameAs(sink);
    assertThat(sink.uriEncode("a b", false)).isSameAs(sink);

    assertThat(text(sink)).isEqualTo("abcdef-ASCII-lowév4207aba%20b");
    assertThat(sink.length).isEqualTo(text(sink).getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void reset_startsOverInTheSameBuffer() {
    ByteSink sink = new ByteSink(4);
    sink.ascii("first");
    byte[] grown = sink.bytes;

    sink.reset();
    sink.ascii("2nd");

    assertThat(text(sink)).isEqualTo("2nd");
    assertThat(sink.bytes).isSameAs(grown);
  }

  @Test
  void ensure_manySmallAppends_keepEveryByte() {
    ByteSink sink = new ByteSink(1);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      char c = (char) ('a' + i % 26);
      sink.append(c);
      expected.append(c);
    }
    assertThat(text(sink)).isEqualTo(expected.toString());
  }

  @Test
  void ascii_nonAsciiInTheMiddle_isWrittenAsUtf8() {
    ByteSink sink = new ByteSink(1);

    sink.ascii("ab\u00e9c\u20ac");

    assertThat(text(sink)).isEqualTo("ab\u00e9c\u20ac");
  }

  @Test
  void asciiLowerCase_mixedCase_foldsOnlyAtoZ() {
    ByteSink sink = new ByteSink(1);

    sink.asciiLowerCase("@AZ[`az{X-Amz-Meta");

    assertThat(text(sink)).isEqualTo("@az[`az{x-amz-meta");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "image/png            | image/png",
        "'  image/png  '      | image/png",
        "'a   b    c'         | a b c",
        "'a b'                | a b",
        "''                   | ''",
        "'     '              | ''",
        "' x'                 | x",
        "'x '                 | x",
        "'caf\u00e9   au  lait ' | caf\u00e9 au lait",
        "'a  caf\u00e9'        | a caf\u00e9",
      })
  void headerValue_spacesAnywhere_areTrimmedAndCollapsed(String value, String canonical) {
    ByteSink sink = new ByteSink(1);

    sink.headerValue(value);

    assertThat(text(sink)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "7, 7",
    "9, 9",
    "10, 10",
    "99, 99",
    "100, 100",
    "12345, 12345",
    "9223372036854775807, 9223372036854775807"
  })
  void decimal_anyNonNegative_isItsDigits(long value, String digits) {
    ByteSink sink = new ByteSink(1);

    sink.ascii("=").decimal(value).ascii("&");

    assertThat(text(sink)).isEqualTo("=" + digits + "&");
  }

  @Test
  void decimal_negative_isRefused() {
    assertThatThrownBy(() -> new ByteSink(1).decimal(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative: -1");
  }

  @ParameterizedTest
  @CsvSource({"0, 00", "5, 05", "10, 10", "59, 59", "99, 99"})
  void twoDigits_zeroTo99_isPaddedToTwo(int value, String digits) {
    ByteSink sink = new ByteSink(1);

    sink.twoDigits(value);

    assertThat(text(sink)).isEqualTo(digits);
  }

  @Test
  void hex_writesTheFirstCountBytesInLowerCase() {
    ByteSink sink = new ByteSink(1);

    sink.hex(new byte[] {0x00, 0x0f, (byte) 0xf0, (byte) 0xff, 0x7f}, 4);

    assertThat(text(sink)).isEqualTo("000ff0ff");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "AZaz09-_.~         | true  | AZaz09-_.~",
        "a/b                | true  | a/b",
        "a/b                | false | a%2Fb",
        "'a b+c'            | true  | a%20b%2Bc",
        "'!*()'             | true  | %21%2A%28%29",
        "'@[`{:'            | true  | %40%5B%60%7B%3A",
        "'%'                | true  | %25",
        "'\u007f'           | true  | %7F",
        "'\u0001'           | true  | %01",
        "'\u00e9'           | true  | %C3%A9",
        "'a\u00e9\u00e9/b'  | true  | a%C3%A9%C3%A9/b",
        "'\u20ac.png'       | false | %E2%82%AC.png",
        "'\uD83D\uDE00x'    | true  | %F0%9F%98%80x",
      })
  void uriEncode_anyText_followsSigV4Rules(String value, boolean keepSlash, String encoded) {
    ByteSink sink = new ByteSink(1);

    sink.uriEncode(value, keepSlash);

    assertThat(text(sink)).isEqualTo(encoded);
  }

  @Test
  void isUnreserved_allLatin1_isExactlyTheRfc3986Set() {
    StringBuilder unreserved = new StringBuilder();
    for (char c = 0; c < 0x100; c++) {
      if (ByteSink.isUnreserved(c)) {
        unreserved.append(c);
      }
    }
    assertThat(unreserved)
        .hasToString("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");
  }

  @Test
  void toLatin1String_afterWrites_isTheBytesWritten() {
    ByteSink sink = new ByteSink(64);
    sink.ascii("https://h/k?X=1");

    assertThat(sink.toLatin1String()).isEqualTo("https://h/k?X=1");
  }

  private static String text(ByteSink sink) {
    return new String(sink.bytes, 0, sink.length, StandardCharsets.UTF_8);
  }
}
