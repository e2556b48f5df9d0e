package dev.presign.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "uploads/cat.png",
        "uploads/2026/11/29/x.y.z",
        "a/b..c/d",
        "..a",
        "a..",
        "猫/写真.png",
        "with space/and+plus",
        "emoji-\uD83D\uDE00.png",
        "a. b/c",
        ".hidden"
      })
  void violation_safeKey_isNull(String key) {
    assertThat(ObjectKeys.violation(key)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                    | must not be empty",
        "/abs                  | must not start with '/'",
        "a//b                  | empty path segments",
        "a/                    | empty path segments",
        "./a                   | '.' or '..'",
        "a/./b                 | '.' or '..'",
        "a/..                  | '.' or '..'",
        "../a                  | '.' or '..'",
        "..                    | '.' or '..'",
        "a\\b                  | control, format",
        "uploads/${filename}   | '${'",
        "a${b                  | '${'",
      })
  void violation_unsafeKey_namesTheRule(String key, String rule) {
    assertThat(ObjectKeys.violation(key)).contains(rule);
  }

  @ParameterizedTest
  @ValueSource(strings = {"...", "a/.../b", "a/ /b", "a/ . /b", "\u3000/x", "a/\u00a0"})
  void violation_segmentOfOnlySpacesAndDots_isRefused(String key) {
    assertThat(ObjectKeys.violation(key)).contains("only spaces and dots");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000b",
        "a\rb",
        "a\nb",
        "a\tb",
        "a\u007fb",
        "a\u0085b",
        "a\u202eb",
        "a\u200db",
        "a\u2028b",
        "a\uFEFFb",
        "a\uD800b",
        "a\uDC00",
        "a\uFFFF",
        "a\uE000b"
      })
  void violation_invisibleCharacters_areRefused(String key) {
    assertThat(ObjectKeys.violation(key)).contains("control, format");
  }

  @org.junit.jupiter.api.Test
  void violation_overlongKey_isRefusedByUtf8Bytes() {
    assertThat(ObjectKeys.violation("a".repeat(1024))).isNull();
    assertThat(ObjectKeys.violation("a".repeat(1025))).contains("at most 1024 UTF-8 bytes");
    // 342 three-byte characters: 1026 bytes though only 342 chars.
    assertThat(ObjectKeys.violation("猫".repeat(342))).contains("at most 1024 UTF-8 bytes");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "uploads     | must be empty or end with '/'",
        "/uploads/   | must not start with '/'",
        "/           | must not start with '/'",
        "a//         | empty path segments",
        "../         | '.' or '..'",
        "a/../       | '.' or '..'",
      })
  void prefixViolation_badPrefix_namesTheRule(String prefix, String rule) {
    assertThat(ObjectKeys.prefixViolation(prefix)).contains(rule).startsWith("prefix");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "uploads/", "a/b/c/", "tenants/photos/"})
  void prefixViolation_goodPrefix_isNull(String prefix) {
    assertThat(ObjectKeys.prefixViolation(prefix)).isNull();
  }

  @Test
  void violation_eachAsciiCharacter_isRefusedExactlyWhenItIsAControlCharacterOrBackslash() {
    for (char c = 0; c < 0x80; c++) {
      boolean refused = Character.getType(c) == Character.CONTROL || c == '\\';
      assertThat(ObjectKeys.violation("a" + c + "b"))
          .as("U+%04X", (int) c)
          .isEqualTo(
              refused
                  ? "key must not contain control, format, line or paragraph separator characters or '\\'"
                  : null);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/",
        "/a",
        "a/",
        "a//b",
        ".",
        "..",
        "...",
        " ",
        " . ",
        "a/ /b",
        "a/. ./b",
        "./a",
        "a/..",
        "a\\b",
        "a\u007fb",
        "a\u001fb",
        "${x}",
        "a${",
        "x/$${y",
        "caf\u00e9",
        "a\u00a0/b",
        "a\uFF0Fb",
        "a\u2215b"
      })
  void isPlainAsciiKey_keysTheFastPathMustNotTake_areLeftToTheFullCheck(String key) {
    assertThat(ObjectKeys.isPlainAsciiKey(key)).isFalse();
  }

  @Test
  void isPlainAsciiKey_overlongKey_isLeftToTheFullCheck() {
    assertThat(ObjectKeys.isPlainAsciiKey("a".repeat(1024))).isTrue();
    assertThat(ObjectKeys.isPlainAsciiKey("a".repeat(1025))).isFalse();
    assertThat(ObjectKeys.violation("a".repeat(1025))).contains("at most 1024 UTF-8 bytes");
  }

  @Test
  void isPlainAsciiKey_generatedKeys_acceptsExactlyTheAsciiKeysTheFullCheckAccepts() {
    // Weighted towards what the rules are about: separators, dots, spaces, '$', '{', '\\',
    // control characters and a few non-ASCII characters, NFKC look-alikes among them.
    String alphabet =
        "////....    $${{\\\u0000\u001f\u007f~-_+=()!'*%&;:,@#az09AZ\u00e9\u00a0\u2024\uFF0F\u3000";
    Random random = new Random(1515);
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder key = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        key.append(
            random.nextInt(3) == 0
                ? (char) ('a' + random.nextInt(26))
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String k = key.toString();
      String full = ObjectKeys.fullViolation(k);
      boolean ascii = k.chars().allMatch(c -> c < 0x80);
      assertThat(ObjectKeys.isPlainAsciiKey(k)).as("%s", k).isEqualTo(ascii && full == null);
      assertThat(ObjectKeys.violation(k)).as("%s", k).isEqualTo(full);
      if (full == null) {
        accepted++;
      }
    }
    // The table reaches both answers often, so it tests both.
    assertThat(accepted).isBetween(20_000, 180_000);
  }
}
