package dev.presign.internal.attributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException;
import dev.presign.ObjectAttributes;
import dev.presign.UploadRequest;
import dev.presign.internal.post.PostPolicyJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How attribute values are written for S3: tag percent-encoding, RFC 2047 metadata values (and
 * reading them back), POST form fields, and the 2 KB metadata limit counted as sent.
 */
class AttributeEncodingTest {

  @Test
  void tagging_keepsUnreservedCharactersAndEscapesTheOnesNextToThem() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("azAZ09-_.~", "`{@[/: ");
    tags.put("k", "");

    assertThat(AttributeHeaders.tagging(tags)).isEqualTo("azAZ09-_.~=%60%7B%40%5B%2F%3A%20&k=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "~", "!", "a=b", "?="})
  void encode_printableAsciiWithoutAnEncodedWord_isSentAsItIs(String value) {
    assertThat(Rfc2047.encode(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u007f", "\u001f", " a", "a ", "a  b", "=?x", "\u00e9"})
  void encode_anythingElse_isOneBase64EncodedWord(String value) {
    String encoded = Rfc2047.encode(value);

    assertThat(encoded).startsWith("=?UTF-8?B?").endsWith("?=");
    assertThat(Rfc2047.decode(encoded)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=?UTF-8?B?YQ==?= plain =?UTF-8?B?YQ==?=",
        "=?UTF-8?B?YQ==?x?=",
        "=?UTF-8?X?abc?=",
        "=?UTF-16?B?YQ==?=",
        "=?UTF-8?Q?a=4?=",
        "=?UTF-8?Q?a=?=",
        "=?UTF-8?Q?=ZZ?=",
        "=?UTF-8?B?!!?="
      })
  void decode_malformedEncodedWords_areReturnedAsTheyAre(String header) {
    assertThat(Rfc2047.decode(header)).isEqualTo(header);
  }

  @Test
  void decode_qEncodingWithAnEscapeEndingTheWord_isDecoded() {
    assertThat(Rfc2047.decode("=?UTF-8?Q?caf=C3=A9?=")).isEqualTo("caf\u00e9");
    assertThat(Rfc2047.decode("=?ISO-8859-1?q?a_b=41?=")).isEqualTo("a bA");
  }

  @Test
  void postAttributes_eachEntryIsAFieldAndAnEqCondition_tagsAsTaggingXml() {
    PostPolicyJson document = new PostPolicyJson(Instant.parse("2026-12-02T10:00:00Z"));
    Map<String, String> fields = new LinkedHashMap<>();

    PostAttributes.apply(
        new String[] {
          "x-amz-storage-class", "STANDARD_IA", "x-amz-tagging", "a=b", "x-amz-meta-k", "v"
        },
        document,
        fields);

    String xml = "<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>";
    assertThat(fields)
        .containsExactly(
            Map.entry("x-amz-storage-class", "STANDARD_IA"),
            Map.entry("tagging", xml),
            Map.entry("x-amz-meta-k", "v"));
    assertThat(document.toJson())
        .endsWith(
            "[\"eq\",\"$x-amz-storage-class\",\"STANDARD_IA\"],"
                + "[\"eq\",\"$tagging\",\""
                + xml
                + "\"],[\"eq\",\"$x-amz-meta-k\",\"v\"]]}");
  }

  @Test
  void entries_requestMetadataOfExactly2KbAsSent_isSigned_oneByteMoreRefused() {
    AttributeHeaders headers =
        AttributeHeaders.of(ObjectAttributes.builder().allowRequestMetadata("a").build());
    UploadRequest request = UploadRequest.of("f.txt", "text/plain", 1);

    assertThat(headers.entries(request.withMetadata("a", "x".repeat(2047))))
        .containsExactly("x-amz-meta-a", "x".repeat(2047));
    assertThatThrownBy(() -> headers.entries(request.withMetadata("a", "x".repeat(2048))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(
            "metadata must be at most 2048 bytes in all (keys and values as sent): 2049");
  }
}
