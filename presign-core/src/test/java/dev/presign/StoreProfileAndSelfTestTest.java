package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.testing.S3ProxyServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class StoreProfileAndSelfTestTest {
  private static final PresignPolicy POLICY = PresignPolicy.builder().allowContentTypes("image/*").build();
  private static S3ProxyServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void profile_setsAddressingRegionAndEndpoint() {
    UploadUrlIssuer r2 = UploadUrlIssuer.builder()
        .profile(StoreProfile.CLOUDFLARE_R2, URI.create("https://acct.r2.cloudflarestorage.com"))
        .bucket("media").credentialsProvider(S3ProxyServer.credentials()).policy(POLICY).build();
    UploadUrlIssuer b2 = UploadUrlIssuer.builder()
        .profile(StoreProfile.BACKBLAZE_B2, URI.create("https://s3.us-west-004.backblazeb2.com"))
        .bucket("media").credentialsProvider(S3ProxyServer.credentials()).policy(POLICY).build();

    PresignedDownload fromR2 = r2.issueDownload("a.png");
    assertThat(r2.region().id()).isEqualTo("auto");
    assertThat(fromR2.url().getHost()).isEqualTo("acct.r2.cloudflarestorage.com");
    assertThat(fromR2.url().getRawPath()).isEqualTo("/media/a.png");
    assertThat(fromR2.url().getRawQuery()).contains("%2Fauto%2Fs3%2Faws4_request");
    assertThat(b2.region().id()).isEqualTo("us-west-004");
    assertThat(r2.profile()).hasValue(StoreProfile.CLOUDFLARE_R2);
  }

  @Test
  void profile_withoutPost_refusesPostForms() {
    UploadUrlIssuer r2 = UploadUrlIssuer.builder()
        .profile(StoreProfile.CLOUDFLARE_R2, URI.create("https://acct.r2.cloudflarestorage.com"))
        .bucket("media").credentialsProvider(S3ProxyServer.credentials()).policy(POLICY).build();

    assertThatThrownBy(() -> r2.issuePost(UploadRequest.of("a.png", "image/png")))
        .isInstanceOf(PresignException.class)
        .hasMessage("CLOUDFLARE_R2 does not accept presigned POST forms; use a PUT or a multipart upload");
  }

  // RGW 16.2.15 stores other bytes with a 200 under a wrong x-amz-checksum-sha256 or -crc32c: refused here.
  @ParameterizedTest
  @EnumSource(value = Checksum.Algorithm.class, names = {"SHA256", "CRC32C"})
  void profile_refusesAChecksumTheStoreRejects(Checksum.Algorithm algorithm) {
    UploadUrlIssuer ceph = UploadUrlIssuer.builder()
        .profile(StoreProfile.CEPH_RGW, URI.create("http://127.0.0.1:7480"))
        .bucket("media").credentialsProvider(S3ProxyServer.credentials()).policy(POLICY).build();
    Checksum checksum = algorithm == Checksum.Algorithm.SHA256
        ? Checksum.sha256("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=") : Checksum.crc32c("AAAAAA==");

    assertThatThrownBy(() -> ceph.issueUpload(UploadRequest.of("a.png", "image/png", 3).withChecksum(checksum)))
        .isInstanceOf(PolicyViolationException.class)
        .extracting(e -> ((PolicyViolationException) e).reason())
        .isEqualTo(PolicyViolationException.Reason.CHECKSUM_UNSUPPORTED);
    assertThat(ceph.issueUpload(UploadRequest.of("a.png", "image/png", 3)
        .withChecksum(Checksum.md5("1B2M2Y8AsgTpgAmY7PhCfg==")).withPrincipal("x")).headers()).containsKey("Content-MD5");
  }

  @Test
  void profile_awsTakesNoEndpoint() {
    assertThatThrownBy(() -> UploadUrlIssuer.builder().profile(StoreProfile.AWS_S3, URI.create("http://x:1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("AWS_S3 takes no endpoint");
  }

  @Test
  void selfTest_withGoodSettings_putsGetsAndDeletes() {
    UploadUrlIssuer issuer = UploadUrlIssuer.builder().profile(StoreProfile.MINIO, server.endpoint())
        .bucket(S3ProxyServer.BUCKET).credentialsProvider(S3ProxyServer.credentials()).policy(POLICY).build();

    SelfTest.Report report = SelfTest.run(issuer);

    assertThat(report.steps()).extracting(SelfTest.Step::name).containsExactly("PUT", "GET", "DELETE");
    assertThat(report.passed()).as(report.toString()).isTrue();
    assertThat(server.exists(report.key())).isFalse();
  }

  @Test
  void selfTest_withWrongSecret_reportsTheStoresErrorCode() {
    UploadUrlIssuer wrong = UploadUrlIssuer.builder().profile(StoreProfile.MINIO, server.endpoint())
        .bucket(S3ProxyServer.BUCKET).policy(POLICY)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, "not-the-secret")))
        .build();

    SelfTest.Report report = SelfTest.run(wrong);

    assertThat(report.passed()).isFalse();
    assertThat(report.steps()).hasSize(1);
    assertThat(report.steps().get(0).detail()).isEqualTo("HTTP 403 SignatureDoesNotMatch");
    assertThat(report.toString()).doesNotContain("X-Amz-Signature", "not-the-secret");
  }

  @Test
  void selfTest_againstNothingListening_reportsItCouldNotReachTheStore() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    UploadUrlIssuer nowhere = UploadUrlIssuer.builder().profile(StoreProfile.MINIO, URI.create("http://127.0.0.1:" + port))
        .bucket(S3ProxyServer.BUCKET).credentialsProvider(S3ProxyServer.credentials()).policy(POLICY).build();

    SelfTest.Report report = SelfTest.run(nowhere);

    assertThat(report.passed()).isFalse();
    assertThat(report.steps().get(0).detail()).startsWith("could not reach the store: ");
  }

  @Test
  void selfTest_withAMissingBucket_reportsNoSuchBucket() {
    UploadUrlIssuer missing = UploadUrlIssuer.builder().profile(StoreProfile.MINIO, server.endpoint())
        .bucket("no-such-bucket").credentialsProvider(S3ProxyServer.credentials()).policy(POLICY)
        .region(Region.US_EAST_1).build();

    assertThat(SelfTest.run(missing).steps().get(0).detail()).isEqualTo("HTTP 404 NoSuchBucket");
  }
}
