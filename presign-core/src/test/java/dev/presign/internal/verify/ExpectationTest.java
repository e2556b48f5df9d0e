package dev.presign.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.Checksum;
import dev.presign.PresignedUpload;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectationTest {
  private static final Instant EXPIRY = Instant.parse("2026-12-02T10:15:00Z");
  private static final String SHA256 = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";

  @Test
  void ofUpload_readsKeySizeTypeAndChecksumFromTheSignedHeaders() {
    PresignedUpload upload = signedPng();

    Expectation expected = Expectation.of(upload);

    assertThat(expected.key()).isEqualTo("uploads/a.png");
    assertThat(expected.size()).isEqualTo(12);
    assertThat(expected.type().essence()).isEqualTo("image/png");
    assertThat(expected.checksum()).isEqualTo(Checksum.sha256(SHA256));
  }

  @Test
  void ofUpload_withoutSizeTypeOrChecksum_expectsNoneOfThem() {
    Expectation expected =
        Expectation.of(
            new PresignedUpload("PUT", "https://b.s3.amazonaws.com/k", Map.of(), "k", EXPIRY));

    assertThat(expected.size()).isEqualTo(-1);
    assertThat(expected.type()).isNull();
    assertThat(expected.checksum()).isNull();
  }

  @Test
  void ofTicket_isWhatTheSameUploadsHeadersSay() {
    PresignedUpload upload = signedPng();

    assertThat(Expectation.of(UploadTicket.of("b", upload, EXPIRY)))
        .usingRecursiveComparison()
        .isEqualTo(Expectation.of(upload));
  }

  // An upload whose signed headers fix its size, type and checksum.
  private static PresignedUpload signedPng() {
    return new PresignedUpload(
        "PUT",
        "https://b.s3.amazonaws.com/k",
        Map.of(
            "Content-Type", "image/png", "Content-Length", "12", "x-amz-checksum-sha256", SHA256),
        "uploads/a.png",
        EXPIRY);
  }
}
