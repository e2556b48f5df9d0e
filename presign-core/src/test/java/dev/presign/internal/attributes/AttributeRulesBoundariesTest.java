package dev.presign.internal.attributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * S3's attribute rules at their exact edges: the longest accepted and the first refused, the
 * characters at each end of an allowed range and the ones just outside it.
 */
class AttributeRulesBoundariesTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "a0-9z", "z-a"})
  void metadataKeyViolation_edgeCharactersOfTheRanges_areFine(String key) {
    assertThat(AttributeRules.metadataKeyViolation(key)).isNull();
  }

  @Test
  void metadataKeyViolation_longestKey_isFine_oneMoreIsNot() {
    assertThat(AttributeRules.metadataKeyViolation("k".repeat(128))).isNull();
    assertThat(AttributeRules.metadataKeyViolation("k".repeat(129)))
        .startsWith("metadata key must be 1 to 128 of a-z 0-9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a`", "a{", "a/", "a:", "A"})
  void metadataKeyViolation_characterJustOutsideARange_namesTheRuleAndValue(String key) {
    assertThat(AttributeRules.metadataKeyViolation(key))
        .isEqualTo(
            "metadata key must be 1 to 128 of a-z 0-9 and inner '-' (without x-amz-meta-): \""
                + key
                + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {" a b ", "~", "\u00a0", "caf\u00e9", "a\uD83D\uDE00b", "\uD83D\uDE00"})
  void metadataValueViolation_printableTextAndSurrogatePairs_areFine(String value) {
    assertThat(AttributeRules.metadataValueViolation("k", value)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u001fb",
        "a\u007fb",
        "a\u009fb",
        "a\uD83D",
        "a\uD83Db",
        "\uDE00",
        "a\uDE00",
        "\uDE00\uD83D"
      })
  void metadataValueViolation_controlCharacterOrLoneSurrogate_namesTheRule(String value) {
    assertThat(AttributeRules.metadataValueViolation("k", value))
        .startsWith("metadata value of k must not contain control characters: ");
  }

  @Test
  void tagKeyViolation_shortestAndLongestKeys_areFine_outsideThemNot() {
    assertThat(AttributeRules.tagKeyViolation("k")).isNull();
    assertThat(AttributeRules.tagKeyViolation("k".repeat(128))).isNull();
    assertThat(AttributeRules.tagKeyViolation("")).startsWith("tag key must be 1 to 128 letters");
    assertThat(AttributeRules.tagKeyViolation("k".repeat(129)))
        .startsWith("tag key must be 1 to 128 letters");
  }

  @Test
  void tagValueViolation_longestValue_isFine_oneMoreIsNot() {
    assertThat(AttributeRules.tagValueViolation("k", "v".repeat(256))).isNull();
    assertThat(AttributeRules.tagValueViolation("k", "v".repeat(257)))
        .startsWith("tag value of k must be 0 to 256 letters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "z", "A", "Z", "0", "9", "alias/my-key_1+=.@:"})
  void kmsKeyIdViolation_edgeCharactersOfTheRanges_areFine(String keyId) {
    assertThat(AttributeRules.kmsKeyIdViolation(keyId)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"`", "{", "[", "a b", "a\u00e9"})
  void kmsKeyIdViolation_characterOutsideTheRanges_namesTheRuleAndValue(String keyId) {
    assertThat(AttributeRules.kmsKeyIdViolation(keyId))
        .isEqualTo(
            "KMS key id must be a key id, ARN or alias of A-Z a-z 0-9 : / _ - + = . @: \""
                + keyId
                + "\"");
  }

  @Test
  void kmsKeyIdViolation_longestId_isFine_oneMoreIsNot() {
    assertThat(AttributeRules.kmsKeyIdViolation("k".repeat(2048))).isNull();
    assertThat(AttributeRules.kmsKeyIdViolation("k".repeat(2049)))
        .startsWith("KMS key id must be a key id");
  }

  @Test
  void requireFitTogether_exactly2KbOfMetadataAndTenTags_passes() {
    // One key byte and 2,047 value bytes: S3's limit exactly.
    Map<String, String> metadata = Map.of("a", "x".repeat(AttributeRules.MAX_METADATA_BYTES - 1));
    Map<String, String> tags = new TreeMap<>();
    for (int i = 0; i < AttributeRules.MAX_TAGS; i++) {
      tags.put("t" + i, "v");
    }

    assertThatCode(() -> AttributeRules.requireFitTogether(metadata, tags, Set.of(), Set.of()))
        .doesNotThrowAnyException();
  }

  @Test
  void requireFitTogether_oneByteOver2Kb_isRefusedWithTheSize() {
    Map<String, String> metadata = Map.of("a", "x".repeat(AttributeRules.MAX_METADATA_BYTES));

    assertThatThrownBy(
            () -> AttributeRules.requireFitTogether(metadata, Map.of(), Set.of(), Set.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2049");
  }
}
