package dev.presign.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.internal.policy.MediaType;
import dev.presign.internal.verify.MagicNumbers.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagicNumbersTest {

  @ParameterizedTest
  @CsvSource({
    "image/png,        89504e470d0a1a0a0000000d49484452, MATCHES",
    "image/png,        3c68746d6c3e,                     MISMATCH",
    "image/jpeg,       ffd8ffe000104a464946,             MATCHES",
    "image/jpeg,       89504e470d0a1a0a,                 MISMATCH",
    "image/gif,        474946383961,                     MATCHES",
    "image/gif,        474946383761,                     MATCHES",
    "image/gif,        474946383861,                     MISMATCH",
    "image/webp,       524946460000000057454250,         MATCHES",
    "image/webp,       524946460000000041564920,         MISMATCH",
    "application/pdf,  255044462d312e37,                 MATCHES",
    "application/pdf,  3c21444f43545950,                 MISMATCH",
    "video/mp4,        0000001866747970,                 MATCHES",
    "video/quicktime,  000000146674797071742020,         MATCHES",
    "video/mp4,        3c68746d6c3e3c2f,                 MISMATCH",
    "video/webm,       1a45dfa3,                         MATCHES",
    "video/webm,       1a45dfa4,                         MISMATCH",
    "application/zip,  504b0304,                         MATCHES",
    "application/zip,  504b0506,                         MATCHES",
    "application/zip,  4d5a9000,                         MISMATCH",
    "application/x-custom, 00010203,                     UNKNOWN_TYPE",
    "image/png,        89504e47,                         MISMATCH",
    "video/quicktime,  0000000866726565,                 MATCHES",
    "video/quicktime,  00000008736b6970,                 MATCHES",
    "image/png,        '',                               MISMATCH",
  })
  void check_magicNumbers(String type, String hex, Verdict verdict) {
    assertThat(MagicNumbers.check(MediaType.parseOrNull(type), HexFormat.of().parseHex(hex), false))
        .isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain ascii text             | false | MATCHES",
        "résumé, 猫, emoji 😀          | false | MATCHES",
      })
  void check_textUtf8_matches(String text, boolean truncated, Verdict verdict) {
    assertThat(
            MagicNumbers.check(
                MediaType.parseOrNull("text/plain"),
                text.getBytes(StandardCharsets.UTF_8),
                truncated))
        .isEqualTo(verdict);
  }

  @org.junit.jupiter.api.Test
  void check_textInAnotherCharset_isNotJudged() {
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9};

    assertThat(
            MagicNumbers.check(
                MediaType.parseOrNull("text/plain; charset=iso-8859-1"), latin1, false))
        .isEqualTo(Verdict.UNKNOWN_TYPE);
    assertThat(
            MagicNumbers.check(MediaType.parseOrNull("text/plain; charset=utf-8"), latin1, false))
        .isEqualTo(Verdict.MISMATCH);
  }

  @org.junit.jupiter.api.Test
  void check_textWithNulOrInvalidUtf8_isAMismatch() {
    MediaType text = MediaType.parseOrNull("text/csv");

    assertThat(MagicNumbers.check(text, new byte[] {'a', 0, 'b'}, false))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(MagicNumbers.check(text, new byte[] {'a', (byte) 0xC3, 'b'}, false))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(MagicNumbers.check(text, new byte[] {(byte) 0xFF, (byte) 0xFE}, false))
        .isEqualTo(Verdict.MISMATCH);
  }

  @org.junit.jupiter.api.Test
  void check_textCutInsideAMultiByteCharacter_isNotBlamedOnTheCut() {
    byte[] cat = "ab猫".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(cat, cat.length - 1);

    assertThat(MagicNumbers.check(MediaType.parseOrNull("text/plain"), cut, true))
        .isEqualTo(Verdict.MATCHES);
    assertThat(MagicNumbers.check(MediaType.parseOrNull("text/plain"), cut, false))
        .isEqualTo(Verdict.MISMATCH);
  }
}
