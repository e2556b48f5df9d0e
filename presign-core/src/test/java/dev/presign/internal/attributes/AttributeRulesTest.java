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

/** S3's attribute rules as presign states them, apart from ObjectAttributes' builder. */
class AttributeRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "-a", "a-", "Account", "a_b", "a b"})
  void metadataKeyViolation_outsideTheRule_namesTheRuleAndValue(String key) {
    assertThat(AttributeRules.metadataKeyViolation(key))
        .startsWith("metadata key must be 1 to 128 of a-z 0-9");
  }

  @Test
  void metadataKeyViolation_fineKey_isNull() {
    assertThat(AttributeRules.metadataKeyViolation("account-id")).isNull();
  }

  @Test
  void requireFitTogether_withinTheLimits_passes() {
    assertThatCode(
            () ->
                AttributeRules.requireFitTogether(
                    Map.of("a", "1"), Map.of("t", "v"), Set.of("b"), Set.of("u")))
        .doesNotThrowAnyException();
  }

  @Test
  void requireFitTogether_metadataOver2KbAsSent_isRefusedWithTheSize() {
    Map<String, String> metadata = Map.of("a", "x".repeat(AttributeRules.MAX_METADATA_BYTES));

    assertThatThrownBy(
            () -> AttributeRules.requireFitTogether(metadata, Map.of(), Set.of(), Set.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("metadata must be at most 2048 bytes (keys and values as sent)");
  }

  @Test
  void requireFitTogether_elevenTags_isRefused() {
    Map<String, String> tags = new TreeMap<>();
    for (int i = 0; i <= AttributeRules.MAX_TAGS; i++) {
      tags.put("t" + i, "v");
    }

    assertThatThrownBy(() -> AttributeRules.requireFitTogether(Map.of(), tags, Set.of(), Set.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at most 10 tags: 11");
  }

  @Test
  void requireFitTogether_keyFixedAndAllowedToRequests_isRefusedWithTheKey() {
    assertThatThrownBy(
            () ->
                AttributeRules.requireFitTogether(
                    Map.of("a", "1"), Map.of(), Set.of("a"), Set.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a fixed metadata key cannot also be set by requests: a");
    assertThatThrownBy(
            () ->
                AttributeRules.requireFitTogether(
                    Map.of(), Map.of("s", "1"), Set.of(), Set.of("s")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a fixed tag key cannot also be set by requests: \"s\"");
  }
}
