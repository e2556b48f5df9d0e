package dev.presign.internal.put;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.Checksum;
import dev.presign.InvalidRequestException;
import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.StoreProfile;
import dev.presign.UploadRequest;
import dev.presign.internal.connection.StoreConnection;
import dev.presign.internal.policy.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What one PUT can carry (checksums the store checks, S3's 5 GiB) and what its URL signs: the
 * attribute headers are signed and handed to the client, the length is signed but left to it.
 */
class PutUrlSigningTest {
  private static final String SHA256_OF_NOTHING = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
  private static final StoreConnection CONNECTION =
      new StoreConnection(
          "b-1",
          Region.US_EAST_1,
          null,
          false,
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create("AKIAEXAMPLE", "secret-key-never-shown")),
          Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC),
          false,
          null);
  private static final PresignPolicy POLICY =
      PresignPolicy.builder().allowContentTypes("image/png").build();

  @Test
  void checkStore_checksumTheStoreDoesNotCheck_isRefusedNamingTheOnesItDoes() {
    UploadRequest request =
        UploadRequest.of("a.png", "image/png", 1).withChecksum(Checksum.sha256(SHA256_OF_NOTHING));

    assertThatThrownBy(() -> PutUrl.checkStore(StoreProfile.CEPH_RGW, request))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(
            "checksum must be one of [MD5] on " + StoreProfile.CEPH_RGW + ": SHA256")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.CHECKSUM_UNSUPPORTED);
  }

  @ParameterizedTest
  @EnumSource(
      value = StoreProfile.class,
      names = {"CEPH_RGW", "BACKBLAZE_B2"},
      mode = EnumSource.Mode.EXCLUDE)
  void checkStore_checksumTheStoreChecks_passes(StoreProfile profile) {
    UploadRequest request =
        UploadRequest.of("a.png", "image/png", 1).withChecksum(Checksum.sha256(SHA256_OF_NOTHING));

    assertThatCode(() -> PutUrl.checkStore(profile, request)).doesNotThrowAnyException();
  }

  @Test
  void checkStore_withoutAChecksumOrWithoutAProfile_passes() {
    UploadRequest withChecksum =
        UploadRequest.of("a.png", "image/png", 1).withChecksum(Checksum.sha256(SHA256_OF_NOTHING));

    assertThatCode(
            () ->
                PutUrl.checkStore(StoreProfile.CEPH_RGW, UploadRequest.of("a.png", "image/png", 1)))
        .doesNotThrowAnyException();
    assertThatCode(() -> PutUrl.checkStore(null, withChecksum)).doesNotThrowAnyException();
  }

  @Test
  void checkStore_exactly5GiB_passes_oneByteMoreIsTooLarge() {
    long max = PresignPolicy.MAX_SINGLE_PUT_SIZE;

    assertThatCode(() -> PutUrl.checkStore(null, UploadRequest.of("a.bin", "image/png", max)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> PutUrl.checkStore(null, UploadRequest.of("a.bin", "image/png", max + 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("a single PUT can carry at most 5368709120 bytes: 5368709121")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.TOO_LARGE);
  }

  @Test
  void sign_withAttributes_signsThemAndHandsThemToTheClient() {
    PresignedUpload upload =
        PutUrl.sign(
            CONNECTION,
            POLICY,
            KeyStrategy.uuid("uploads/"),
            UploadRequest.of("a.png", "image/png", 5),
            MediaType.parse("image/png").orElseThrow(),
            new String[] {"x-amz-meta-source", "web", "x-amz-tagging", "a=b"});

    assertThat(upload.headers())
        .containsEntry("Content-Type", "image/png")
        .containsEntry("x-amz-meta-source", "web")
        .containsEntry("x-amz-tagging", "a=b")
        .doesNotContainKey("Content-Length");
    assertThat(upload.contentLength()).hasValue(5);
    assertThat(upload.url())
        .contains(
            "X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3Bx-amz-meta-source%3Bx-amz-tagging");
  }

  @Test
  void sign_withAChecksumAndWithoutAttributes_handsTheClientTypeAndChecksumOnly() {
    PresignedUpload upload =
        PutUrl.sign(
            CONNECTION,
            POLICY,
            KeyStrategy.uuid("uploads/"),
            UploadRequest.of("a.png", "image/png").withChecksum(Checksum.sha256(SHA256_OF_NOTHING)),
            MediaType.parse("image/png").orElseThrow(),
            null);

    assertThat(upload.headers())
        .containsOnlyKeys("Content-Type", "x-amz-checksum-sha256")
        .containsEntry("x-amz-checksum-sha256", SHA256_OF_NOTHING);
    assertThat(upload.contentLength()).isEmpty();
    assertThat(upload.url())
        .contains("X-Amz-SignedHeaders=content-type%3Bhost%3Bx-amz-checksum-sha256")
        .doesNotContain("secret-key-never-shown");
  }
}
