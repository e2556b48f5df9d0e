package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumTest {

  @Test
  void factories_acceptTheRightLengths() {
    assertThat(Checksum.sha256("n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=").algorithm().header())
        .isEqualTo("x-amz-checksum-sha256");
    assertThat(Checksum.crc32c("AAAAAA==").algorithm().header()).isEqualTo("x-amz-checksum-crc32c");
    assertThat(Checksum.md5("1B2M2Y8AsgTpgAmY7PhCfg==").algorithm().header())
        .isEqualTo("Content-MD5");
  }

  @Test
  void of_isTheSameValueAsItsFactory() {
    Checksum md5 = Checksum.of(Checksum.Algorithm.MD5, "1B2M2Y8AsgTpgAmY7PhCfg==");

    assertThat(md5)
        .isEqualTo(Checksum.md5("1B2M2Y8AsgTpgAmY7PhCfg=="))
        .hasSameHashCodeAs(Checksum.md5("1B2M2Y8AsgTpgAmY7PhCfg=="))
        .isNotEqualTo(Checksum.crc32c("AAAAAA=="))
        .hasToString("Checksum[algorithm=MD5, base64=1B2M2Y8AsgTpgAmY7PhCfg==]");
    assertThat(md5.base64()).isEqualTo("1B2M2Y8AsgTpgAmY7PhCfg==");
    assertThatThrownBy(() -> Checksum.of(null, "AAAAAA=="))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("algorithm");
    assertThatThrownBy(() -> Checksum.of(Checksum.Algorithm.CRC32C, "AAAA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("CRC32C checksum must be 4 bytes in standard base64: ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "AAAA",
        "not base64!",
        "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCg==",
        "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg",
        "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgh=",
        "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=\r\nX: 1"
      })
  void sha256_wrongLengthOrMalformed_isRefused(String base64) {
    assertThatThrownBy(() -> Checksum.sha256(base64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("SHA256 checksum must be 32 bytes in standard base64: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
  }

  @Test
  void issueUpload_withChecksum_signsItAsAHeaderTheClientMustSend() {
    UploadUrlIssuer issuer =
        UploadUrlIssuer.builder()
            .bucket("b-1")
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        "AKIAEXAMPLE", "secret")))
            .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
            .build();

    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("a.png", "image/png", 3).withChecksum(Checksum.crc32c("AAAAAA==")));

    assertThat(upload.headers())
        .containsExactly(
            java.util.Map.entry("Content-Type", "image/png"),
            java.util.Map.entry("x-amz-checksum-crc32c", "AAAAAA=="));
    assertThat(upload.contentLength()).hasValue(3);
    assertThat(upload.uri().getRawQuery())
        .contains(
            "X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3Bx-amz-checksum-crc32c");
  }
}
