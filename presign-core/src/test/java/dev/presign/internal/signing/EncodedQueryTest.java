package dev.presign.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.internal.HeaderMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

class EncodedQueryTest {
  private static final SigV4Signer SIGNER =
      new SigV4Signer("eu-west-1", S3Addressing.of(Region.EU_WEST_1, null, false, "b"));
  private static final SigV4Signer PATH_STYLE =
      new SigV4Signer(
          "us-east-1",
          S3Addressing.of(
              Region.US_EAST_1, java.net.URI.create("http://localhost:9000"), true, "b"));

  @Test
  void presign_headMiddleTail_signsWhatTheSameParametersSign() {
    EncodedQuery.Encoded head =
        EncodedQuery.builder().parameter("a-first", "x y").name("b").valuePart("<").build(true);
    EncodedQuery.Encoded tail =
        EncodedQuery.builder().valuePart(">").parameter("c", "\u00e9/").build(false);
    String fast = SIGNER.presign(request(HeaderMap.of()), EncodedQuery.of(head, "m i/d", tail));
    String general =
        SIGNER.presign(
            request(HeaderMap.ofEntries("c", "\u00e9/", "b", "<m i/d>", "a-first", "x y")));
    assertThat(fast)
        .isEqualTo(general)
        .contains("&a-first=x%20y&b=%3Cm%20i%2Fd%3E&c=%C3%A9%2F&X-Amz-Signature=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"k/x.png", "x.png", "a/b/c d(1)!.png", "a/+~'*.txt", "dir/ x"})
  void presign_lastSegmentMiddle_signsWhatTheSegmentAsMiddleSigns(String key) {
    EncodedQuery.Encoded head =
        EncodedQuery.builder().parameter("a", "1").name("b").valuePart("n=\"").build(true);
    EncodedQuery.Encoded tail =
        EncodedQuery.builder().valuePart("\"").parameter("c", "2").build(false);
    String segment = key.substring(key.lastIndexOf('/') + 1);
    for (SigV4Signer signer : new SigV4Signer[] {SIGNER, PATH_STYLE}) {
      String copied =
          signer.presign(request(key, HeaderMap.of()), EncodedQuery.ofLastSegment(head, key, tail));
      String encoded =
          signer.presign(request(key, HeaderMap.of()), EncodedQuery.of(head, segment, tail));
      assertThat(copied).isEqualTo(encoded);
    }
  }

  @Test
  void presign_lastSegmentOfAnotherKey_isRefused() {
    EncodedQuery.Encoded head = EncodedQuery.builder().name("b").build(true);
    EncodedQuery.Encoded tail = EncodedQuery.builder().valuePart("").build(false);
    EncodedQuery query = EncodedQuery.ofLastSegment(head, "k/other.png", tail);
    assertThatThrownBy(() -> SIGNER.presign(request(HeaderMap.of()), query))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("made for another key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X-Amz-Date", "Upper", "-dash", "a b", "a%20b", "a/b"})
  void name_notLowerCaseUnreserved_isRefused(String name) {
    assertThatThrownBy(() -> EncodedQuery.builder().name(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query parameter name must");
  }

  @Test
  void name_outOfOrderOrTwice_isRefused() {
    assertThatThrownBy(() -> EncodedQuery.builder().parameter("b", "1").parameter("a", "2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unique and sorted: a after b");
    assertThatThrownBy(() -> EncodedQuery.builder().parameter("b", "1").parameter("b", "2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unique and sorted: b after b");
    EncodedQuery.Encoded head = EncodedQuery.builder().name("b").build(true);
    EncodedQuery.Encoded tail =
        EncodedQuery.builder().valuePart("").parameter("a", "1").build(false);
    assertThatThrownBy(() -> EncodedQuery.of(head, "x", tail))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unique and sorted: a after b");
  }

  @Test
  void of_partsThatDoNotMeetInAValue_areRefused() {
    EncodedQuery.Encoded whole = EncodedQuery.builder().parameter("a", "1").build(false);
    assertThatThrownBy(() -> EncodedQuery.of(whole, "x", whole))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inside a value");
    assertThatThrownBy(() -> EncodedQuery.of(EncodedQuery.builder().name("a").build(true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole parameters");
    assertThatThrownBy(() -> EncodedQuery.builder().build(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no value to continue");
  }

  @Test
  void presign_encodedAndRequestParametersBoth_isRefused() {
    EncodedQuery query = EncodedQuery.of(EncodedQuery.builder().parameter("a", "1").build(false));
    assertThatThrownBy(() -> SIGNER.presign(request(HeaderMap.of("b", "2")), query))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("either encoded or in the request");
  }

  @Test
  void toString_encoded_namesOnly() {
    assertThat(
            EncodedQuery.builder()
                .parameter("a", "secret-name.pdf")
                .parameter("b", "1")
                .build(false))
        .hasToString("Encoded[a..b]");
  }

  private static SigningRequest request(java.util.Map<String, String> query) {
    return request("k/x.png", query);
  }

  private static SigningRequest request(String key, java.util.Map<String, String> query) {
    return new SigningRequest(
        "GET",
        "b",
        key,
        HeaderMap.of(),
        query,
        1_796_000_000L,
        60,
        AwsBasicCredentials.create(
            "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
  }
}
