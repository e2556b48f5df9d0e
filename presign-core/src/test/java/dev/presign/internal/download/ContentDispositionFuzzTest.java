package dev.presign.internal.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.presign.testing.BrowserHeaders;

/**
 * Any file name gives a Content-Disposition header with no CR/LF or stray quote, read back as that
 * name.
 */
class ContentDispositionFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void of_anyName_isOneSafeHeaderThatParsesBack(FuzzedDataProvider data) {
    boolean attachment = data.consumeBoolean();
    String name = data.consumeRemainingAsString();

    String header = ContentDisposition.of(attachment, name);

    assertThat(header).doesNotContain("\r", "\n", "\u0000");
    assertThat(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(header).isTrue();
    assertThat(header)
        .matches(
            "(attachment|inline); filename=\"[^\"\\\\]*\"(; filename\\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+)?");
    String cleaned = ContentDisposition.clean(name);
    assertThat(BrowserHeaders.fileName(header)).isEqualTo(cleaned);
    // What browsers and file systems would drop or refuse never reaches the header.
    assertThat(cleaned).isNotEmpty().doesNotEndWith(".");
    assertThat(cleaned.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .hasSizeLessThanOrEqualTo(255);
    assertThat(
            Character.isWhitespace(cleaned.charAt(0)) || Character.isSpaceChar(cleaned.charAt(0)))
        .as(cleaned)
        .isFalse();
    char last = cleaned.charAt(cleaned.length() - 1);
    assertThat(Character.isWhitespace(last) || Character.isSpaceChar(last)).as(cleaned).isFalse();
    assertThat(java.text.Normalizer.isNormalized(cleaned, java.text.Normalizer.Form.NFC))
        .as(cleaned)
        .isTrue();
  }
}
