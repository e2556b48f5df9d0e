package dev.presign.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNameTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cat.png                  | cat.png",
        "Cat.PNG                  | Cat.png",
        "my holiday photo.jpg     | my_holiday_photo.jpg",
        "../../etc/passwd         | passwd",
        "..\\..\\windows\\win.ini | win.ini",
        "%2e%2e%2fetc%2fpasswd    | 2e_2e_2fetc_2fpasswd",
        "archive.tar.gz           | archive_tar.gz",
        "....                     | file",
        "'   '                    | file",
        "' . . . '                | file",
        ".png                     | file.png",
        ".bashrc                  | file.bashrc",
        "résumé.pdf               | résumé.pdf",
        "猫の写真.jpeg             | 猫の写真.jpeg",
        "report.exe~              | report_exe",
        "shell.php.jpg            | shell_php.jpg",
        "a\u0000b.png             | a_b.png",
        "photo\u202egnp.exe       | photo_gnp.exe",
        "\uD83D\uDE00\uD83D\uDE00.gif | file.gif",
        "x.PnG\u0000.txt          | x_PnG.txt",
        "name.tooooooooooooooolong | name_tooooooooooooooolong",
      })
  void of_hostileName_isReducedToSafeName(String raw, String expected) {
    assertThat(SafeFileName.of(raw).fileName()).isEqualTo(expected);
  }

  @Test
  void of_kelvinSign_isCanonicallyAnAsciiK() {
    // NFC maps U+212A to 'K', so this is the ASCII extension "kg", not a folded look-alike.
    assertThat(SafeFileName.of("x.\u212Ag").extension()).isEqualTo("kg");
  }

  @Test
  void of_lineBreaks_becomeUnderscore() {
    assertThat(SafeFileName.of("a\r\nb.png").fileName()).isEqualTo("a_b.png");
    assertThat(SafeFileName.of("a\nX-Amz-Meta: 1.png").fileName()).isEqualTo("a_X-Amz-Meta_1.png");
  }

  @Test
  void of_decomposedAccents_areComposed() {
    assertThat(SafeFileName.of("re\u0301sume\u0301.pdf").fileName())
        .isEqualTo("r\u00e9sum\u00e9.pdf");
  }

  @Test
  void of_2000CharacterName_isCutToByteLimitAndKeepsExtension() {
    SafeFileName name = SafeFileName.of("é".repeat(2000) + ".png");

    assertThat(name.extension()).isEqualTo("png");
    assertThat(name.base().getBytes(StandardCharsets.UTF_8))
        .hasSizeLessThanOrEqualTo(SafeFileName.MAX_BASE_BYTES);
    assertThat(name.base()).matches("é+");
  }

  @Test
  void of_cutInsideCombiningSequence_keepsWholeCluster() {
    // q + combining dot above has no precomposed form, so NFC keeps two code points per letter.
    String raw = "q\u0307".repeat(150) + ".txt";
    SafeFileName name = SafeFileName.of(raw);

    assertThat(name.base().getBytes(StandardCharsets.UTF_8))
        .hasSizeLessThanOrEqualTo(SafeFileName.MAX_BASE_BYTES);
    assertThat(name.base()).endsWith("q\u0307");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "z", "A", "Z", "0", "9", "png", "JPEG", "mp4", "abcdefghijklmnop"})
  void isAsciiAlphanumeric_lettersAndDigitsUpToSixteen_isTrue(String extension) {
    assertThat(SafeFileName.isAsciiAlphanumeric(extension)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abcdefghijklmnopq",
        "@",
        "[",
        "`",
        "{",
        "/",
        ":",
        "p-g",
        "p_g",
        "p g",
        "é",
        "K"
      })
  void isAsciiAlphanumeric_anythingElse_isFalse(String extension) {
    assertThat(SafeFileName.isAsciiAlphanumeric(extension)).isFalse();
  }

  @Test
  void of_baseOfExactlyTheByteLimit_isKeptWhole() {
    String base = "é".repeat(100); // 200 bytes, 100 chars: past the quick length check

    assertThat(SafeFileName.of(base + ".png").base()).isEqualTo(base);
    assertThat(SafeFileName.of(base + "a.png").base()).isEqualTo(base);
    assertThat(SafeFileName.of("a" + base + ".png").base()).isEqualTo("a" + "é".repeat(99));
  }

  @Test
  void of_asciiBaseAroundTheLimit_isCutToExactlyTheLimit() {
    assertThat(SafeFileName.of("b".repeat(66) + ".txt").base()).hasSize(66);
    assertThat(SafeFileName.of("b".repeat(200) + ".txt").base()).hasSize(200);
    assertThat(SafeFileName.of("b".repeat(201) + ".txt").base()).hasSize(200);
  }

  @Test
  void of_cutLeavingASeparator_trimsIt() {
    assertThat(SafeFileName.of("b".repeat(199) + "-tail.txt").base()).isEqualTo("b".repeat(199));
  }
}
