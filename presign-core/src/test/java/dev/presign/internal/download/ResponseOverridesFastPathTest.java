package dev.presign.internal.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.internal.keys.SafeFileName;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shortcuts a plain download takes (the disposition of a plain ASCII name, the key's extension
 * found in place) give exactly what the full rules give, for the names they take and for those they
 * hand on.
 */
class ResponseOverridesFastPathTest {
  // Every printable ASCII character, the ones the shortcut refuses included, plus a few that are
  // not.
  private static final String ALPHABET =
      " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\t\u007f\u00e9\u212a";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cat.png",
        "3f2c0a4e-8b9d-4c1e-9f7a-0123456789ab.png",
        "a",
        "Report (final).PDF",
        " lead.txt",
        "trail.txt ",
        "dots...",
        "a\"b",
        "50%.txt",
        "a;b=c",
        "it's",
        "star*",
        "a\\b",
        "a/b.png",
        "caf\u00e9.png",
        "tab\tname",
        "\u007f",
        "",
        "."
      })
  void of_eachName_isWhatTheFullRulesGive(String name) {
    for (boolean attachment : new boolean[] {true, false}) {
      assertThat(ContentDisposition.of(attachment, name))
          .isEqualTo(ContentDisposition.ofAnyName(attachment, name));
    }
  }

  @Test
  void of_randomAsciiNames_isWhatTheFullRulesGive() {
    Random random = new Random(15);
    for (int i = 0; i < 20_000; i++) {
      String name = randomName(random, 1 + random.nextInt(i % 100 == 0 ? 300 : 24));
      boolean attachment = random.nextBoolean();
      assertThat(ContentDisposition.of(attachment, name))
          .as(name)
          .isEqualTo(ContentDisposition.ofAnyName(attachment, name));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "uploads/2026/11/29/x.png",
        "a.JPG",
        "a.tar.gz",
        "noext",
        "dir.d/noext",
        "a/.png",
        ".png",
        "a.",
        "a.p-g",
        "a.0123456789abcdefg",
        "a.0123456789abcdef",
        "dir\\b.gif",
        "caf\u00e9.png",
        "x.pn\u212a",
        "r\u00e9sum\u00e9/cv.pdf"
      })
  void keyExtension_eachKey_isWhatSafeFileNameReads(String key) {
    assertThat(ResponseOverrides.keyExtension(key)).isEqualTo(SafeFileName.of(key).extension());
  }

  @Test
  void keyExtension_randomKeys_isWhatSafeFileNameReads() {
    Random random = new Random(18);
    for (int i = 0; i < 20_000; i++) {
      String key = randomName(random, 1 + random.nextInt(24));
      assertThat(ResponseOverrides.keyExtension(key))
          .as(key)
          .isEqualTo(SafeFileName.of(key).extension());
    }
  }

  // Weighted to letters and dots, so names with extensions, trailing dots and spaces come up often.
  private static String randomName(Random random, int length) {
    StringBuilder name = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(10);
      name.append(
          pick < 4
              ? (char) ('a' + random.nextInt(26))
              : pick < 6
                  ? '.'
                  : pick < 7 ? 'P' : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return name.toString();
  }
}
