package dev.presign.internal.uppy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Query and path decoding at the edges of its rules: lengths, characters and escapes. */
class FormDecodingBoundariesTest {

  @Test
  void query_ofExactlyTheLongestLength_isRead() {
    String value = "b".repeat(FormDecoding.MAX_QUERY - 2);

    assertThat(FormDecoding.query("a=" + value)).containsExactly(Map.entry("a", value));
  }

  @Test
  void query_parameterWithoutName_orWithoutEquals_isReadAsWritten() {
    assertThat(FormDecoding.query("=v&n")).containsExactly(Map.entry("", "v"), Map.entry("n", ""));
  }

  @Test
  void query_plusWithoutEscapes_isASpace_butNotInAPathSegment() {
    assertThat(FormDecoding.query("q=a+b")).containsExactly(Map.entry("q", "a b"));
    assertThat(FormDecoding.segment("a+b")).isEqualTo("a+b");
  }

  @Test
  void query_printableAsciiAtTheEdges_isKept() {
    assertThat(FormDecoding.query("a=!~")).containsExactly(Map.entry("a", "!~"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=b c", "a=b\u007f", "a=b\u001f"})
  void query_spaceOrControlCharacter_isRefused(String raw) {
    assertThatThrownBy(() -> FormDecoding.query(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be printable ASCII, the rest %-escaped");
  }

  @Test
  void segment_escapesWithTheEdgeHexDigitsOfBothCases_areDecoded() {
    assertThat(FormDecoding.segment("%0a%0A%0f%0F%09%39%2f")).isEqualTo("\n\n\u000f\u000f\t9/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%0g", "%0G", "%0`", "%0@", "%0/", "%0:", "a%4", "a%", "%"})
  void segment_escapeWithoutTwoHexDigits_isRefused(String raw) {
    assertThatThrownBy(() -> FormDecoding.segment(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a %-escape must be two hex digits");
  }
}
