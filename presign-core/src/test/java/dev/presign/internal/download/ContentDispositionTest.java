package dev.presign.internal.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentDispositionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "report.pdf           | attachment; filename=\"report.pdf\"",
        "my report (1).pdf    | attachment; filename=\"my report (1).pdf\"",
        "Résumé.pdf           | attachment; filename=\"R_sum_.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf",
        "猫の写真.jpeg         | attachment; filename=\"____.jpeg\"; filename*=UTF-8''%E7%8C%AB%E3%81%AE%E5%86%99%E7%9C%9F.jpeg",
        "`a\"b.txt`           | attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%22b.txt",
        "back\\slash.txt       | attachment; filename=\"slash.txt\"",
        "../../etc/passwd     | attachment; filename=\"passwd\"",
        "100%.txt             | attachment; filename=\"100_.txt\"; filename*=UTF-8''100%25.txt",
        "evil\u202Etxt.exe    | attachment; filename=\"eviltxt.exe\"",
        "`   `                | attachment; filename=\"download\"",
        "..                   | attachment; filename=\"download\"",
        "...                  | attachment; filename=\"download\"",
        "`. .`                | attachment; filename=\"download\"",
        "report.              | attachment; filename=\"report\"",
        ".env                 | attachment; filename=\".env\"",
        "`\u00a0cat.png\u00a0` | attachment; filename=\"cat.png\"",
      })
  void of_hostileAndNonLatinNames_exactHeader(String name, String header) {
    assertThat(ContentDisposition.of(true, name)).isEqualTo(header);
  }

  @Test
  void of_parameterSyntaxInAnAsciiName_alsoGetsFilenameStar() {
    assertThat(ContentDisposition.of(true, "a; filename*=UTF-8''evil.html"))
        .isEqualTo(
            "attachment; filename=\"a; filename*=UTF-8''evil.html\"; filename*=UTF-8''a%3B%20filename%2A%3DUTF-8%27%27evil.html");
  }

  @Test
  void of_overlongName_isCutKeepingItsExtension() {
    String header = ContentDisposition.of(true, "é".repeat(5000) + ".pdf");

    assertThat(header.length()).isLessThan(1600);
    assertThat(dev.presign.testing.BrowserHeaders.fileName(header))
        .endsWith("é.pdf")
        .satisfies(
            name ->
                assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .hasSizeLessThanOrEqualTo(255));
  }

  @Test
  void of_overlongNameCutInsideSpaces_endsWithoutTrailingSpace() {
    // Found by ContentDispositionFuzzTest: the 255-byte cut landed in a run of spaces, which
    // browsers drop.
    String name = "a".repeat(250) + " ".repeat(20) + "b".repeat(40);

    assertThat(ContentDisposition.of(true, name))
        .isEqualTo("attachment; filename=\"" + "a".repeat(250) + "\"");
  }

  @Test
  void of_lineBreaksAndNul_neverReachTheHeader() {
    String header = ContentDisposition.of(false, "a\r\nSet-Cookie: x=1\u0000.png");

    assertThat(header)
        .isEqualTo(
            "inline; filename=\"aSet-Cookie: x=1.png\"; filename*=UTF-8''aSet-Cookie%3A%20x%3D1.png")
        .doesNotContain("\r", "\n", "\u0000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Résumé 2026.pdf",
        "猫の写真.jpeg",
        "emoji \uD83D\uDE00.png",
        "quote\"and\\slash.txt",
        "Ελληνικά.doc",
        "עברית.pdf",
        "naïve café.txt",
        "100% done.txt",
        "a;b=c,d.txt"
      })
  void of_nameParsesBackToItself(String name) {
    String header = ContentDisposition.of(true, name);

    assertThat(dev.presign.testing.BrowserHeaders.fileName(header))
        .isEqualTo(ContentDisposition.clean(name));
  }

  @Test
  void of_everyPrintableAsciiCharacter_isPercentEncodedUnlessAnAttrChar() {
    StringBuilder name = new StringBuilder();
    for (char c = 0x21; c < 0x7f; c++) {
      if (c != '/' && c != '\\') { // path separators: only the last segment is kept
        name.append(c);
      }
    }

    String header = ContentDisposition.of(true, name.toString());

    // RFC 5987 attr-chars stay: ALPHA DIGIT ! # $ & + - . ^ _ ` | ~
    assertThat(header)
        .endsWith(
            "; filename*=UTF-8''!%22#$%25&%27%28%29%2A+%2C-.0123456789%3A%3B%3C%3D%3E%3F%40"
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5D^_`abcdefghijklmnopqrstuvwxyz%7B|%7D~");
  }

  @Test
  void of_nameOfExactly255Bytes_isKeptWhole() {
    String name = "n".repeat(251) + ".pdf";

    assertThat(ContentDisposition.of(true, name))
        .isEqualTo("attachment; filename=\"" + name + "\"");
  }

  @Test
  void of_nameOf256Bytes_losesOneBaseCharacter() {
    assertThat(ContentDisposition.of(true, "n".repeat(252) + ".pdf"))
        .isEqualTo("attachment; filename=\"" + "n".repeat(251) + ".pdf\"");
  }

  @Test
  void of_overlongNameWithNonAsciiExtension_staysWithin255Bytes() {
    String extension = "." + "\u6f22".repeat(16); // 49 bytes

    String name =
        dev.presign.testing.BrowserHeaders.fileName(
            ContentDisposition.of(true, "x".repeat(300) + extension));

    assertThat(name).isEqualTo("x".repeat(255 - 49) + extension);
  }

  @Test
  void of_cutInsideDotsOrNoBreakSpaces_endsOnAVisibleCharacter() {
    // The tail after the last dot is too long to be an extension, so the cut falls inside the dots.
    assertThat(
            dev.presign.testing.BrowserHeaders.fileName(
                ContentDisposition.of(true, "a".repeat(250) + ".".repeat(20) + "b".repeat(20))))
        .isEqualTo("a".repeat(250));
    assertThat(
            dev.presign.testing.BrowserHeaders.fileName(
                ContentDisposition.of(true, "a".repeat(250) + "\u00a0".repeat(20) + "b")))
        .isEqualTo("a".repeat(250));
  }

  @Test
  void of_invisibleCharacterBetweenLetterAndAccent_stillComposes() {
    assertThat(ContentDisposition.of(true, "e\u200d\u0301.txt"))
        .isEqualTo("attachment; filename=\"_.txt\"; filename*=UTF-8''%C3%A9.txt");
  }

  @Test
  void of_extensionOfSixteenCharacters_isKeptAndSeventeenIsNot() {
    String sixteen = "." + "e".repeat(16);
    String seventeen = "." + "e".repeat(17);

    assertThat(
            dev.presign.testing.BrowserHeaders.fileName(
                ContentDisposition.of(true, "x".repeat(300) + sixteen)))
        .isEqualTo("x".repeat(255 - 17) + sixteen);
    assertThat(
            dev.presign.testing.BrowserHeaders.fileName(
                ContentDisposition.of(true, "x".repeat(300) + seventeen)))
        .isEqualTo("x".repeat(255));
  }

  @Test
  void of_leadingDotName_hasNoExtensionToKeep() {
    String name = "." + "h".repeat(300);

    assertThat(dev.presign.testing.BrowserHeaders.fileName(ContentDisposition.of(true, name)))
        .isEqualTo("." + "h".repeat(254));
  }

  @Test
  void of_multiByteCharacterAtTheCut_isLeftOutWhole() {
    String name =
        "x".repeat(252) + "\u20ac\u20ac"; // 252 + 3 = 255 bytes fit, the second euro does not

    assertThat(dev.presign.testing.BrowserHeaders.fileName(ContentDisposition.of(true, name)))
        .isEqualTo("x".repeat(252) + "\u20ac");
  }
}
