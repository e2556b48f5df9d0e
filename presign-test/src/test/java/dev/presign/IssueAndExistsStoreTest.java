package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.Verification.Outcome;
import dev.presign.testing.StoreSuite;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link UploadVerifier#issue(UploadRequest)} and {@link UploadVerifier#exists(String)} against a
 * signature-checking store.
 */
class IssueAndExistsStoreTest extends StoreSuite {
  private static final byte[] KEY =
      "upload-ticket-key-for-tests-0123456789ab".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG =
      HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489");

  private final AtomicInteger s3Calls = new AtomicInteger();
  private S3Client s3;
  private UploadVerifier verifier;

  @BeforeEach
  void setUp() {
    UploadUrlIssuer issuer =
        store
            .issuerBuilder()
            .policy(PresignPolicy.builder().allowContentTypes("image/png").maxSize(1000).build())
            .keyStrategy(KeyStrategy.uuid("images/"))
            .build();
    s3 = client(store.credentialsProvider().resolveCredentials().secretAccessKey());
    verifier = UploadVerifier.builder().issuer(issuer).ticketKey(KEY).s3Client(s3).build();
  }

  @AfterEach
  void tearDown() {
    s3.close();
  }

  @Test
  void issue_uploadSentWithItsHeadersAsIs_isStoredAndItsTicketVerifies() throws Exception {
    VerifiableUpload issued = verifier.issue(UploadRequest.of("cat.png", "image/png", PNG.length));
    PresignedUpload upload = issued.upload();

    // Every header as given: java.net.http would throw on a Content-Length among them.
    HttpRequest.Builder put =
        HttpRequest.newBuilder(upload.uri())
            .method(upload.method(), BodyPublishers.ofByteArray(PNG));
    upload.headers().forEach(put::header);
    HttpResponse<String> response = http.send(put.build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(upload.contentLength()).hasValue(PNG.length);
    assertThat(store.object(upload.key()).size()).isEqualTo(PNG.length);
    assertThat(verifier.verify(issued.ticket()).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(issued.toString()).doesNotContain(issued.ticket()).doesNotContain("X-Amz-Signature");
  }

  @Test
  void issue_bodyOfAnotherLength_isRefusedByTheStore() throws Exception {
    PresignedUpload upload =
        verifier.issue(UploadRequest.of("cat.png", "image/png", PNG.length)).upload();

    HttpRequest.Builder put =
        HttpRequest.newBuilder(upload.uri())
            .method(upload.method(), BodyPublishers.ofByteArray(new byte[PNG.length + 1]));
    upload.headers().forEach(put::header);
    HttpResponse<String> response = http.send(put.build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    assertThat(store.keys()).as("nothing may be stored").isEmpty();
  }

  @Test
  void issue_requestBreakingThePolicy_isRefusedWithoutAsking() {
    assertThatThrownBy(() -> verifier.issue(UploadRequest.of("page.html", "text/html", 10)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("text/html");
    assertThat(s3Calls).hasValue(0);
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void exists_beforeAndAfterTheUpload() throws Exception {
    VerifiableUpload issued = verifier.issue(UploadRequest.of("cat.png", "image/png", PNG.length));
    String key = issued.upload().key();
    assertThat(verifier.exists(key)).isFalse();

    assertThat(store.client().put(issued.upload(), PNG).status()).isEqualTo(200);

    assertThat(verifier.exists(key)).isTrue();
    assertThat(verifier.exists(key + "x")).isFalse();
    assertThat(s3Calls).hasValue(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "../etc/passwd", "a//b", "images/\u0000x"})
  void exists_unsafeKey_isRefusedWithoutAsking(String key) {
    assertThatThrownBy(() -> verifier.exists(key))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.KEY_INVALID);
    assertThat(s3Calls).hasValue(0);
  }

  @Test
  void exists_whenTheStoreRefusesTheCredentials_throwsNamingTheStatus() {
    try (S3Client wrong = client("not-the-secret");
        UploadVerifier refused = verifier.toBuilder().s3Client(wrong).build()) {
      assertThatThrownBy(() -> refused.exists("images/a.png"))
          .isInstanceOf(PresignException.class)
          .hasMessageContaining("S3 refused HeadObject")
          .hasMessageContaining("(HTTP 403)")
          .extracting(e -> ((PresignException) e).kind())
          .isEqualTo(PresignException.Kind.STORE_REFUSED);
    }
  }

  private S3Client client(String secret) {
    return S3Client.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(store.endpoint())
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId(), secret)))
        .overrideConfiguration(
            o ->
                o.addExecutionInterceptor(
                    new ExecutionInterceptor() {
                      @Override
                      public void beforeExecution(
                          Context.BeforeExecution context, ExecutionAttributes attributes) {
                        s3Calls.incrementAndGet();
                      }
                    }))
        .build();
  }
}
