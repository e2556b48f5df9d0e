package dev.presign.test;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The offline check against S3Proxy, side by side: every case sends the same request to the store
 * (without the cross-checking client) and to the check, and both must give the same answer.
 */
class OfflineSignatureCheckTest {
  private static final byte[] PNG = "\u0089PNG offline check".getBytes(StandardCharsets.ISO_8859_1);
  private static final Map<String, String> PNG_HEADERS =
      Map.of("Content-Type", "image/png", "Content-Length", Integer.toString(PNG.length));

  @RegisterExtension
  static final S3TestStore store =
      S3TestStore.builder().emptyBucketPerTest(true).crossCheckSignatures(false).build();

  private static UploadUrlIssuer issuer(Clock clock) {
    return store
        .issuerBuilder()
        .policy(
            PresignPolicy.builder()
                .allowContentTypes("image/png")
                .uploadTtl(Duration.ofMinutes(5))
                .build())
        .keyStrategy(KeyStrategy.uuid("uploads/"))
        .clock(clock)
        .build();
  }

  // The upload's own headers sent now: what the store would be asked.
  private static SignatureVerdict checkNow(PresignedUpload upload) {
    return store.offlineCheck().check("PUT", upload.url(), PNG_HEADERS, Instant.now());
  }

  // The check and the store refuse the same upload alike, and nothing is stored.
  private static void assertRefusedLikeTheStore(
      PresignedUpload upload, SignatureVerdict.Reason reason, int status, String code) {
    SignatureVerdict verdict = checkNow(upload);
    StoreResponse response = store.client().put(upload, PNG);

    assertThat(verdict.reason()).isEqualTo(reason);
    assertThat(response).isRefusedWith(status, code);
    assertThat(store.keys()).isEmpty();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "the issued headers",
            Map.of("Content-Type", "image/png"),
            PNG,
            SignatureVerdict.Reason.ACCEPTED),
        Arguments.of(
            "another Content-Type",
            Map.of("Content-Type", "text/html"),
            PNG,
            SignatureVerdict.Reason.SIGNATURE_MISMATCH),
        Arguments.of(
            "Content-Type with other case",
            Map.of("Content-Type", "IMAGE/PNG"),
            PNG,
            SignatureVerdict.Reason.SIGNATURE_MISMATCH),
        Arguments.of(
            "another length",
            Map.of("Content-Type", "image/png"),
            new byte[PNG.length + 1],
            SignatureVerdict.Reason.SIGNATURE_MISMATCH),
        Arguments.of(
            "no Content-Type", Map.of(), PNG, SignatureVerdict.Reason.SIGNED_HEADER_MISSING),
        Arguments.of(
            "an unsigned x-amz header",
            Map.of("Content-Type", "image/png", "x-amz-meta-owner", "mallory"),
            PNG,
            SignatureVerdict.Reason.UNSIGNED_HEADER),
        Arguments.of(
            "an unsigned standard header",
            Map.of("Content-Type", "image/png", "Cache-Control", "no-store"),
            PNG,
            SignatureVerdict.Reason.ACCEPTED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void check_givesTheStoresAnswer(
      String name, Map<String, String> headers, byte[] body, SignatureVerdict.Reason expected) {
    PresignedUpload upload =
        issuer(Clock.systemUTC()).issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    Map<String, String> sent = new LinkedHashMap<>(headers);
    sent.put("Content-Length", Integer.toString(body.length));

    SignatureVerdict verdict = store.offlineCheck().check("PUT", upload.url(), sent, Instant.now());
    StoreResponse response = store.client().put(upload, body, headers);

    assertThat(verdict.reason()).as(verdict.detail()).isEqualTo(expected);
    if (expected == SignatureVerdict.Reason.ACCEPTED) {
      assertThat(response).isAccepted();
      assertThat(store.keys()).containsExactly(upload.key());
    } else {
      assertThat(response).isRefusedWith(expected.status(), expected.s3ErrorCode());
      assertThat(store.keys()).isEmpty();
    }
  }

  @Test
  void check_urlDatedMoreThanFifteenMinutesAhead_isRefusedAsByS3() {
    Clock ahead = Clock.fixed(Instant.now().plus(Duration.ofMinutes(20)), ZoneOffset.UTC);
    PresignedUpload upload =
        issuer(ahead).issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    SignatureVerdict verdict = checkNow(upload);
    StoreResponse response = store.client().put(upload, PNG);

    assertThat(verdict.reason()).isEqualTo(SignatureVerdict.Reason.NOT_YET_VALID);
    assertThat(verdict.reason().s3ErrorCode()).isEqualTo("AccessDenied");
    // A documented difference: S3 answers 403 AccessDenied "Request is not valid yet"; S3Proxy
    // 4.1.1 accepts.
    assertThat(response).isAccepted();
  }

  @Test
  void check_aroundTheExpiry_refusesFromTheExpirySecondOn() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    PresignedUpload upload =
        issuer(clock).issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    OfflineSignatureCheck check = store.offlineCheck();

    assertThat(
            check
                .check("PUT", upload.url(), PNG_HEADERS, upload.expiresAt().minusSeconds(1))
                .accepted())
        .isTrue();
    assertThat(check.check("PUT", upload.url(), PNG_HEADERS, upload.expiresAt()).reason())
        .isEqualTo(SignatureVerdict.Reason.EXPIRED);
    assertThat(
            check
                .check("PUT", upload.url(), PNG_HEADERS, upload.expiresAt().plusSeconds(1))
                .reason())
        .isEqualTo(SignatureVerdict.Reason.EXPIRED);
    assertThat(
            check
                .check(
                    "PUT", upload.url(), PNG_HEADERS, clock.instant().minus(Duration.ofMinutes(15)))
                .accepted())
        .isTrue();
    assertThat(
            check
                .check(
                    "PUT", upload.url(), PNG_HEADERS, clock.instant().minus(Duration.ofMinutes(16)))
                .reason())
        .isEqualTo(SignatureVerdict.Reason.NOT_YET_VALID);
  }

  static Stream<Arguments> malformedUrls() {
    String good =
        "https://bucket.s3.us-east-1.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIA%2F20261201%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T100000Z"
            + "&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
    return Stream.of(
        Arguments.of("relative", "/k?X-Amz-Signature=00", "not an absolute URL"),
        Arguments.of(
            "unparsable",
            "https://bucket.example/a b?X-Amz-Signature=secret",
            "not an absolute URL"),
        Arguments.of(
            "no algorithm",
            good.replace("X-Amz-Algorithm=AWS4-HMAC-SHA256&", ""),
            "no X-Amz-Algorithm"),
        Arguments.of(
            "other algorithm",
            good.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1"),
            "must be AWS4-HMAC-SHA256"),
        Arguments.of(
            "short scope",
            good.replace("%2Fs3%2Faws4_request", "%2Fs3"),
            "key/date/region/service"),
        Arguments.of("bad date", good.replace("20261201T100000Z", "2026-12-01"), "malformed"),
        Arguments.of(
            "zero expiry", good.replace("X-Amz-Expires=300", "X-Amz-Expires=0"), "1 s to 7 days"),
        Arguments.of(
            "over 7 days",
            good.replace("X-Amz-Expires=300", "X-Amz-Expires=604801"),
            "1 s to 7 days"),
        Arguments.of(
            "scope of another day",
            good.replace("%2F20261201%2F", "%2F20261130%2F"),
            "X-Amz-Date's day"),
        Arguments.of(
            "no signature", good.replace("&X-Amz-Signature=00", ""), "no X-Amz-Signature"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedUrls")
  void check_malformedUrl_saysWhichParameter(String name, String url, String detail) {
    SignatureVerdict verdict =
        OfflineSignatureCheck.of(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIA", "secret")))
            .check("GET", url, Map.of(), Instant.parse("2026-12-01T10:01:00Z"));

    assertThat(verdict.reason()).isEqualTo(SignatureVerdict.Reason.MALFORMED);
    assertThat(verdict.detail()).contains(detail).doesNotContain("secret");
  }

  @Test
  void check_sessionCredentials_needTheirOwnToken() {
    AwsSessionCredentials session =
        AwsSessionCredentials.create(
            store.credentialsProvider().resolveCredentials().accessKeyId(),
            store.credentialsProvider().resolveCredentials().secretAccessKey(),
            "token-of-the-session");
    UploadUrlIssuer withToken =
        issuer(Clock.systemUTC()).toBuilder()
            .credentialsProvider(StaticCredentialsProvider.create(session))
            .build();
    UploadUrlIssuer otherToken =
        issuer(Clock.systemUTC()).toBuilder()
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(
                        session.accessKeyId(), session.secretAccessKey(), "another-token")))
            .build();
    OfflineSignatureCheck check =
        OfflineSignatureCheck.of(StaticCredentialsProvider.create(session));
    UploadRequest request = UploadRequest.of("cat.png", "image/png", PNG.length);

    assertThat(
            check
                .check("PUT", withToken.issueUpload(request).url(), PNG_HEADERS, Instant.now())
                .accepted())
        .isTrue();
    assertThat(
            check
                .check("PUT", otherToken.issueUpload(request).url(), PNG_HEADERS, Instant.now())
                .reason())
        .isEqualTo(SignatureVerdict.Reason.INVALID_TOKEN);
    assertThat(
            check
                .check(
                    "PUT",
                    issuer(Clock.systemUTC()).issueUpload(request).url(),
                    PNG_HEADERS,
                    Instant.now())
                .reason())
        .isEqualTo(SignatureVerdict.Reason.INVALID_TOKEN);
  }

  @Test
  void crossCheck_whenCheckAndStoreDisagree_failsTheRequest() {
    PresignedUpload upload =
        issuer(Clock.systemUTC()).issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    OfflineSignatureCheck wrongSecret =
        OfflineSignatureCheck.of(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    store.credentialsProvider().resolveCredentials().accessKeyId(),
                    "a-secret-the-store-does-not-have")));
    UploadClient client =
        UploadClient.over(
            new dev.presign.test.internal.CrossCheckingHttpClient(
                java.net.http.HttpClient.newHttpClient(), wrongSecret, "S3Proxy"));

    assertThatThrownBy(() -> client.put(upload, PNG))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("disagree")
        .hasMessageContaining("SIGNATURE_MISMATCH")
        .hasMessageContaining("HTTP 200")
        .hasMessageNotContaining("X-Amz-Signature");
  }

  @Test
  void check_expiredUrl_isRefusedLikeTheStore() {
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
    PresignedUpload upload =
        issuer(past).issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    assertRefusedLikeTheStore(upload, SignatureVerdict.Reason.EXPIRED, 403, "AccessDenied");
  }

  @Test
  void check_anotherSecret_isRefusedLikeTheStore() {
    UploadUrlIssuer wrong =
        issuer(Clock.systemUTC()).toBuilder()
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        store.credentialsProvider().resolveCredentials().accessKeyId(),
                        "not-the-secret")))
            .build();
    PresignedUpload upload =
        wrong.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    assertRefusedLikeTheStore(
        upload, SignatureVerdict.Reason.SIGNATURE_MISMATCH, 403, "SignatureDoesNotMatch");
  }

  @Test
  void check_anotherAccessKey_isRefusedLikeTheStore() {
    UploadUrlIssuer stranger =
        issuer(Clock.systemUTC()).toBuilder()
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIASTRANGER00000000", "stranger-secret")))
            .build();
    PresignedUpload upload =
        stranger.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    assertRefusedLikeTheStore(
        upload, SignatureVerdict.Reason.UNKNOWN_ACCESS_KEY, 403, "InvalidAccessKeyId");
  }

  @Test
  void check_downloadUsedWithAnotherMethod_isRefusedLikeTheStore() {
    UploadUrlIssuer issuer = issuer(Clock.systemUTC());
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    assertThat(store.client().put(upload, PNG)).isAccepted();
    PresignedDownload download = issuer.issueDownload(upload.key());

    SignatureVerdict get =
        store.offlineCheck().check("GET", download.url(), Map.of(), Instant.now());
    SignatureVerdict delete =
        store.offlineCheck().check("DELETE", download.url(), Map.of(), Instant.now());
    StoreResponse deleted = store.client().send("DELETE", download.url(), Map.of(), new byte[0]);

    assertThat(get.accepted()).isTrue();
    assertThat(store.client().get(download).body()).isEqualTo(PNG);
    assertThat(delete.reason()).isEqualTo(SignatureVerdict.Reason.SIGNATURE_MISMATCH);
    assertThat(deleted).isRefusedWith(403, "SignatureDoesNotMatch");
    assertThat(store.keys()).containsExactly(upload.key());
  }

  @Test
  void check_detailAndToString_holdNoSecret() {
    PresignedUpload upload =
        issuer(Clock.systemUTC()).issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    String signature = upload.url().replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");

    SignatureVerdict verdict =
        store
            .offlineCheck()
            .check(
                "PUT",
                upload.url(),
                Map.of("Content-Type", "text/html", "Content-Length", "1"),
                Instant.now());

    assertThat(verdict.detail())
        .doesNotContain(signature)
        .doesNotContain(store.credentialsProvider().resolveCredentials().secretAccessKey());
    assertThat(store.offlineCheck().toString())
        .doesNotContain(store.credentialsProvider().resolveCredentials().secretAccessKey());
  }
}
