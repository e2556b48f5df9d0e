package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresignedUploadTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:20:30Z");

  @ParameterizedTest
  @ValueSource(strings = {"Content-Length", "content-length", "CONTENT-LENGTH"})
  void constructor_contentLengthAmongHeaders_isRefused(String name) {
    assertThatThrownBy(
            () ->
                new PresignedUpload(
                    "PUT", "https://h/k", Map.of(name, "3"), OptionalLong.of(3), "k", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("headers must not hold Content-Length, pass it as contentLength: " + name);
  }

  @Test
  void constructor_negativeLength_isRefused() {
    assertThatThrownBy(
            () ->
                new PresignedUpload("PUT", "https://h/k", Map.of(), OptionalLong.of(-1), "k", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contentLength must be at least 0: -1");
  }

  @Test
  void constructor_zeroLength_isKept() {
    assertThat(
            new PresignedUpload("PUT", "https://h/k", Map.of(), OptionalLong.of(0), "k", NOW)
                .contentLength())
        .hasValue(0);
  }

  @Test
  void constructor_nullLength_namesParameter() {
    assertThatThrownBy(() -> new PresignedUpload("PUT", "https://h/k", Map.of(), null, "k", NOW))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("contentLength");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Length", "content-length"})
  void signedHeadersConstructor_movesContentLengthOut(String name) {
    Map<String, String> signed = new LinkedHashMap<>();
    signed.put("Content-Type", "image/png");
    signed.put(name, "12");
    signed.put("x-amz-checksum-crc32c", "AAAAAA==");

    PresignedUpload upload = new PresignedUpload("PUT", "https://h/k", signed, "k", NOW);

    assertThat(upload.headers())
        .containsExactly(
            Map.entry("Content-Type", "image/png"), Map.entry("x-amz-checksum-crc32c", "AAAAAA=="));
    assertThat(upload.contentLength()).hasValue(12);
    assertThat(upload.signedHeaders())
        .containsExactly(
            Map.entry("Content-Type", "image/png"),
            Map.entry("x-amz-checksum-crc32c", "AAAAAA=="),
            Map.entry("Content-Length", "12"));
    assertThatThrownBy(() -> upload.signedHeaders().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void signedHeadersConstructor_withoutLength_leavesItEmpty() {
    PresignedUpload upload =
        new PresignedUpload("PUT", "https://h/k", Map.of("Content-Type", "image/png"), "k", NOW);

    assertThat(upload.contentLength()).isEmpty();
    assertThat(upload.headers()).containsExactly(Map.entry("Content-Type", "image/png"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12a", "-", "99999999999999999999"})
  void signedHeadersConstructor_lengthNotANumber_isRefused(String value) {
    assertThatThrownBy(
            () ->
                new PresignedUpload(
                    "PUT", "https://h/k", Map.of("Content-Length", value), "k", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Content-Length must be a decimal number: " + value);
  }

  @Test
  void signedHeadersConstructor_nullHeaders_namesParameter() {
    assertThatThrownBy(() -> new PresignedUpload("PUT", "https://h/k", null, "k", NOW))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("headers");
  }

  @Test
  void toString_showsLengthOrAny() {
    assertThat(
            new PresignedUpload(
                "PUT", "https://h/k?X-Amz-Signature=abc", Map.of(), OptionalLong.of(5), "k", NOW))
        .hasToString(
            "PresignedUpload[method=PUT, url=https://h/k?\u2026, headers={}, contentLength=5, key=k, "
                + "expiresAt=2026-11-29T10:20:30Z]");
    assertThat(
            new PresignedUpload("PUT", "https://h/k", Map.of(), OptionalLong.empty(), "k", NOW)
                .toString())
        .contains("contentLength=any");
  }
}
