package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.setup.SelfTest;
import dev.presign.testing.StoreSuite;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * SelfTest's PUT, GET and DELETE against a real store, and what it reports when something is wrong.
 */
class SelfTestStoreTest extends StoreSuite {
  private static final PresignPolicy POLICY =
      PresignPolicy.builder().allowContentTypes("image/*").build();

  @Test
  void selfTest_withGoodSettings_putsGetsAndDeletes() {
    UploadUrlIssuer issuer = store.issuerBuilder().policy(POLICY).build();

    SelfTest.Report report = SelfTest.run(issuer);

    assertThat(report.steps())
        .extracting(SelfTest.Step::name)
        .containsExactly("PUT", "GET", "DELETE");
    assertThat(report.passed()).as(report.toString()).isTrue();
    assertThat(store.exists(report.key())).isFalse();
  }

  @Test
  void selfTest_withWrongSecret_reportsTheStoresErrorCode() {
    UploadUrlIssuer wrong =
        store
            .issuerBuilder()
            .policy(POLICY)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKeyId(), "not-the-secret")))
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
    UploadUrlIssuer nowhere =
        store
            .issuerBuilder()
            .policy(POLICY)
            .endpointOverride(URI.create("http://127.0.0.1:" + port))
            .build();

    SelfTest.Report report = SelfTest.run(nowhere);

    assertThat(report.passed()).isFalse();
    assertThat(report.steps().get(0).detail()).startsWith("could not reach the store: ");
  }

  @Test
  void selfTest_withAMissingBucket_reportsNoSuchBucket() {
    UploadUrlIssuer missing = store.issuerBuilder().policy(POLICY).bucket("no-such-bucket").build();

    assertThat(SelfTest.run(missing).steps().get(0).detail()).isEqualTo("HTTP 404 NoSuchBucket");
  }
}
