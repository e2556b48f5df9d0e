package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** What each store profile sets and refuses, before anything is signed. */
class StoreProfileTest {
  private static final PresignPolicy POLICY =
      PresignPolicy.builder().allowContentTypes("image/*").build();
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIAPRESIGNTESTKEY01", "secret"));

  @Test
  void profile_setsAddressingRegionAndEndpoint() {
    UploadUrlIssuer r2 =
        issuer(StoreProfile.CLOUDFLARE_R2, "https://acct.r2.cloudflarestorage.com");
    UploadUrlIssuer b2 =
        issuer(StoreProfile.BACKBLAZE_B2, "https://s3.us-west-004.backblazeb2.com");

    PresignedDownload fromR2 = r2.issueDownload("a.png");
    assertThat(r2.region().id()).isEqualTo("auto");
    assertThat(fromR2.uri().getHost()).isEqualTo("acct.r2.cloudflarestorage.com");
    assertThat(fromR2.uri().getRawPath()).isEqualTo("/media/a.png");
    assertThat(fromR2.uri().getRawQuery()).contains("%2Fauto%2Fs3%2Faws4_request");
    assertThat(b2.region().id()).isEqualTo("us-west-004");
    assertThat(r2.profile()).hasValue(StoreProfile.CLOUDFLARE_R2);
  }

  @Test
  void profile_withoutPost_refusesPostForms() {
    UploadUrlIssuer r2 =
        issuer(StoreProfile.CLOUDFLARE_R2, "https://acct.r2.cloudflarestorage.com");

    assertThatThrownBy(() -> r2.issuePost(UploadRequest.of("a.png", "image/png")))
        .isInstanceOf(PresignException.class)
        .hasMessage(
            "CLOUDFLARE_R2 does not accept presigned POST forms; use a PUT or a multipart upload")
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(PresignException.Kind.STORE_UNSUPPORTED);
  }

  // RGW 16.2.15 stores other bytes with a 200 under a wrong x-amz-checksum-sha256 or -crc32c:
  // refused here.
  @ParameterizedTest
  @EnumSource(
      value = Checksum.Algorithm.class,
      names = {"SHA256", "CRC32C"})
  void profile_refusesAChecksumTheStoreRejects(Checksum.Algorithm algorithm) {
    UploadUrlIssuer ceph = issuer(StoreProfile.CEPH_RGW, "http://127.0.0.1:7480");
    Checksum checksum =
        algorithm == Checksum.Algorithm.SHA256
            ? Checksum.sha256("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
            : Checksum.crc32c("AAAAAA==");

    assertThatThrownBy(
            () ->
                ceph.issueUpload(UploadRequest.of("a.png", "image/png", 3).withChecksum(checksum)))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.CHECKSUM_UNSUPPORTED);
    assertThat(
            ceph.issueUpload(
                    UploadRequest.of("a.png", "image/png", 3)
                        .withChecksum(Checksum.md5("1B2M2Y8AsgTpgAmY7PhCfg=="))
                        .withPrincipal("x"))
                .headers())
        .containsKey("Content-MD5");
  }

  @Test
  void profile_awsTakesNoEndpoint() {
    assertThatThrownBy(
            () -> UploadUrlIssuer.builder().profile(StoreProfile.AWS_S3, URI.create("http://x:1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("AWS_S3 takes no endpoint");
  }

  @Test
  void profile_cephRgwWithoutKms_refusesToBuildWithSseKms() {
    PresignPolicy kms =
        POLICY.toBuilder()
            .attributes(
                ObjectAttributes.builder()
                    .encryption(ObjectAttributes.Encryption.sseKms("alias/uploads"))
                    .tag("presign-status", "pending")
                    .build())
            .build();
    UploadUrlIssuer.Builder rgw =
        UploadUrlIssuer.builder()
            .profile(StoreProfile.CEPH_RGW, URI.create("http://127.0.0.1:17480"))
            .bucket("media")
            .credentialsProvider(CREDENTIALS)
            .policy(kms);

    assertThatThrownBy(rgw::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("CEPH_RGW does not take these object attributes of the policy: [SSE_KMS]");
    assertThat(
            rgw.policy(
                    POLICY.toBuilder()
                        .attributes(
                            ObjectAttributes.builder()
                                .tag("presign-status", "pending")
                                .storageClass("STANDARD")
                                .metadata("source", "web")
                                .build())
                        .build())
                .build()
                .profile())
        .hasValue(StoreProfile.CEPH_RGW);
  }

  @Test
  void unsupported_namesEachAttributeTheStoreDoesNotTake() {
    ObjectAttributes all =
        ObjectAttributes.builder()
            .encryption(ObjectAttributes.Encryption.sseS3())
            .storageClass("STANDARD_IA")
            .allowRequestMetadata("a")
            .allowRequestTags("t")
            .build();

    assertThat(StoreProfile.AWS_S3.unsupported(all)).isEmpty();
    assertThat(StoreProfile.MINIO.unsupported(all)).isEmpty();
    assertThat(StoreProfile.CEPH_RGW.unsupported(all))
        .containsExactly(StoreProfile.Attribute.SSE_S3);
    assertThat(StoreProfile.CLOUDFLARE_R2.unsupported(all))
        .containsExactly(StoreProfile.Attribute.SSE_S3, StoreProfile.Attribute.TAGS);
    assertThat(StoreProfile.BACKBLAZE_B2.unsupported(all))
        .containsExactly(StoreProfile.Attribute.STORAGE_CLASS, StoreProfile.Attribute.TAGS);
    assertThat(StoreProfile.BACKBLAZE_B2.unsupported(ObjectAttributes.none())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(StoreProfile.class)
  void dropsMultipartTagging_onlyOnCephRgw(StoreProfile profile) {
    // Measured on RGW 16.2.15 (AttributesMultipartStoreTest); the others keep the tags or take
    // none.
    assertThat(profile.dropsMultipartTagging()).isEqualTo(profile == StoreProfile.CEPH_RGW);
  }

  @Test
  void defaultRegion_isTheProfilesOrTheEndpointsOrEmpty() {
    assertThat(StoreProfile.MINIO.defaultRegion(URI.create("http://127.0.0.1:9000")))
        .hasValue("us-east-1");
    assertThat(StoreProfile.CLOUDFLARE_R2.defaultRegion(null)).hasValue("auto");
    assertThat(
            StoreProfile.BACKBLAZE_B2.defaultRegion(
                URI.create("https://s3.eu-central-003.backblazeb2.com")))
        .hasValue("eu-central-003");
    assertThat(StoreProfile.BACKBLAZE_B2.defaultRegion(URI.create("https://b2.example.com")))
        .isEmpty();
    assertThat(StoreProfile.BACKBLAZE_B2.defaultRegion(null)).isEmpty();
    assertThat(StoreProfile.AWS_S3.defaultRegion(null)).isEmpty();
  }

  private static UploadUrlIssuer issuer(StoreProfile profile, String endpoint) {
    return UploadUrlIssuer.builder()
        .profile(profile, URI.create(endpoint))
        .bucket("media")
        .credentialsProvider(CREDENTIALS)
        .policy(POLICY)
        .build();
  }
}
