package dev.presign.internal.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostPolicyJsonTest {
  private static final Instant EXPIRATION = Instant.parse("2026-11-29T12:15:00Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "uploads/cat.png                | uploads/cat.png",
        "a\"b                           | a\\\"b",
        "back\\slash                    | back\\\\slash",
        "tab\there                      | tab\\u0009here",
        "nul\u0000byte                  | nul\\u0000byte",
        "猫.png                         | \\u732b.png",
        "\uD83D\uDE00                   | \\ud83d\\ude00",
        "rlo\u202Egnp.exe               | rlo\\u202egnp.exe",
        "line\u2028sep                  | line\\u2028sep",
        "del\u007F                      | del\\u007f",
        "`\"],[\"starts-with\",\"$key\",\"`  | \\\"],[\\\"starts-with\\\",\\\"$key\\\",\\\"",
      })
  void toJson_hostileValue_isEscapedToAsciiJson(String value, String escaped) {
    String json = new PostPolicyJson(EXPIRATION).eq("key", value).toJson();

    assertThat(json)
        .isEqualTo(
            "{\"expiration\":\"2026-11-29T12:15:00.000Z\",\"conditions\":[[\"eq\",\"$key\",\""
                + escaped
                + "\"]]}");
    assertThat(json.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @org.junit.jupiter.api.Test
  void toJson_lineBreaks_areEscaped() {
    assertThat(new PostPolicyJson(EXPIRATION).eq("key", "crlf\r\nX: 1").toJson())
        .contains("\"crlf\\u000d\\u000aX: 1\"")
        .doesNotContain("\r", "\n");
  }

  @org.junit.jupiter.api.Test
  void toJson_everyCondition_inOrder() {
    String json =
        new PostPolicyJson(EXPIRATION)
            .exact("bucket", "b")
            .eq("key", "k")
            .startsWith("Content-Type", "image/")
            .contentLengthRange(1, 5_368_709_120L)
            .toJson();

    assertThat(json)
        .isEqualTo(
            "{\"expiration\":\"2026-11-29T12:15:00.000Z\",\"conditions\":["
                + "{\"bucket\":\"b\"},[\"eq\",\"$key\",\"k\"],[\"starts-with\",\"$Content-Type\",\"image/\"],"
                + "[\"content-length-range\",1,5368709120]]}");
  }
}
