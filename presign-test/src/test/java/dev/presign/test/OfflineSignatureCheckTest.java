package dev.presign.test;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.PresignedDownload;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The offline check against S3Proxy, side by side: every case sends the same request to the store (without
 * the cross-checking client) and to the check, and both must give the same answer.
 */
class OfflineSignatureCheckTest {
  private static final byte[] PNG = "\u0089PNG offline check".getBytes(StandardCharsets.ISO_8859_1);

  @RegisterExtension
  static final S3TestStore store = S3TestStore.builder().emptyBucketPerTest(true).crossCheckSignatures(false).build();

  private static UploadUrlIssuer issuer(Clock clock) {
    return store.issuerBuilder()
        .policy(PresignPolicy.builder().allowContentTypes("image/png").uploadTtl(Duration.ofMinutes(5)).build())
        .keyStrategy(KeyStrategy.uuid("uploads/"))
        .clock(clock)
        .build();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("the issued headers", Map.of("Content-Type", "image/png"), PNG, SignatureVerdict.Reason.ACCEPTED),
        Arguments.of("another Content-Type", Map.of("Content-Type", "text/html"), PNG,
            SignatureVerdict.Reason.SIGNATURE_MISMATCH),
        Arguments.of("Content-Type with other case", Map.of("Content-Type", "IMAGE/PNG"), PNG,
            SignatureVerdict.Reason.SIGNATURE_MISMATCH),
        Arguments.of("another length", Map.of("Content-Type", "image/png"), new byte[PNG.length + 1],
            SignatureVerdict.Reason.SIGNATURE_MISMATCH),
        Arguments.of("no Content-Type", Map.of(), PNG, SignatureVerdict.Reason.SIGNED_HEADER_MISSING),
        Arguments.of("an unsigned x-amz header", Map.of("Content-Type", "image/png", "x-amz-meta-owner", "mallory"), PNG,
            SignatureVerdict.Reason.UNSIGNED_HEADER),
        Arguments.of("an unsigned standard header", Map.of("Content-Type", "image/png", "Cache-Control", "no-store"), PNG,
            SignatureVerdict.Reason.ACCEPTED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void check_givesTheStoresAnswer(String name, Map<String, String> headers, byte[] body,
      SignatureVerdict.Reason expected) {
    PresignedUpload upload = issuer(Clock.systemUTC()).issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    Map<String, String> sent = new LinkedHashMap<>(headers);
    sent.put("Content-Length", Integer.toString(body.length));

    SignatureVerdict verdict = store.offlineCheck().check("PUT", upload.url(), sent, Instant.now());
    StoreResponse response = store.client().put(upload, body, headers);

    assertThat(verdict.reason()).as(verdict.detail()).isEqualTo(expected);
    if (expected == SignatureVerdict.Reason.ACCEPTED) {
      assertThat(response).isAccepted();
      assertThat(store.keys()).containsExactly(upload.key());
    } else {
      assertThat(response.status()).as(response.toString()).isEqualTo(403);
      assertThat(store.keys()).isEmpty();
    }
  }

  @Test
  void check_expiredUrl_isRefusedLikeTheStore() {
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
    PresignedUpload upload = issuer(past).issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    SignatureVerdict verdict = store.offlineCheck().check("PUT", upload.url(),
        Map.of("Content-Type", "image/png", "Content-Length", Integer.toString(PNG.length)), Instant.now());
    StoreResponse response = store.client().put(upload, PNG);

    assertThat(verdict.reason()).isEqualTo(SignatureVerdict.Reason.EXPIRED);
    assertThat(response).isRefusedWith(403, "AccessDenied");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void check_anotherSecret_isRefusedLikeTheStore() {
    UploadUrlIssuer wrong = issuer(Clock.systemUTC()).toBuilder().credentialsProvider(StaticCredentialsProvider.create(
        AwsBasicCredentials.create(store.credentialsProvider().resolveCredentials().accessKeyId(), "not-the-secret")))
        .build();
    PresignedUpload upload = wrong.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    SignatureVerdict verdict = store.offlineCheck().check("PUT", upload.url(),
        Map.of("Content-Type", "image/png", "Content-Length", Integer.toString(PNG.length)), Instant.now());
    StoreResponse response = store.client().put(upload, PNG);

    assertThat(verdict.reason()).isEqualTo(SignatureVerdict.Reason.SIGNATURE_MISMATCH);
    assertThat(response).isRefusedWith(403, "SignatureDoesNotMatch");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void check_anotherAccessKey_isRefusedLikeTheStore() {
    UploadUrlIssuer stranger = issuer(Clock.systemUTC()).toBuilder().credentialsProvider(StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIASTRANGER00000000", "stranger-secret"))).build();
    PresignedUpload upload = stranger.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    SignatureVerdict verdict = store.offlineCheck().check("PUT", upload.url(),
        Map.of("Content-Type", "image/png", "Content-Length", Integer.toString(PNG.length)), Instant.now());
    StoreResponse response = store.client().put(upload, PNG);

    assertThat(verdict.reason()).isEqualTo(SignatureVerdict.Reason.UNKNOWN_ACCESS_KEY);
    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void check_downloadUsedWithAnotherMethod_isRefusedLikeTheStore() {
    UploadUrlIssuer issuer = issuer(Clock.systemUTC());
    PresignedUpload upload = issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    assertThat(store.client().put(upload, PNG)).isAccepted();
    PresignedDownload download = issuer.issueDownload(upload.key());

    SignatureVerdict get = store.offlineCheck().check("GET", download.url(), Map.of(), Instant.now());
    SignatureVerdict delete = store.offlineCheck().check("DELETE", download.url(), Map.of(), Instant.now());
    StoreResponse deleted = store.client().send("DELETE", download.url(), Map.of(), new byte[0]);

    assertThat(get.accepted()).isTrue();
    assertThat(store.client().get(download).body()).isEqualTo(PNG);
    assertThat(delete.reason()).isEqualTo(SignatureVerdict.Reason.SIGNATURE_MISMATCH);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(403);
    assertThat(store.keys()).containsExactly(upload.key());
  }

  @Test
  void check_detailAndToString_holdNoSecret() {
    PresignedUpload upload = issuer(Clock.systemUTC()).issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    String signature = upload.url().replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");

    SignatureVerdict verdict = store.offlineCheck().check("PUT", upload.url(),
        Map.of("Content-Type", "text/html", "Content-Length", "1"), Instant.now());

    assertThat(verdict.detail()).doesNotContain(signature)
        .doesNotContain(store.credentialsProvider().resolveCredentials().secretAccessKey());
    assertThat(store.offlineCheck().toString())
        .doesNotContain(store.credentialsProvider().resolveCredentials().secretAccessKey());
  }
}
