package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException.Reason;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The issuer without a server: fixed clock, exact query parameters, expiry and refusals before
 * signing.
 */
class UploadUrlIssuerTest {
  private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final Instant NOW = Instant.parse("2026-11-29T10:20:30.456Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final CountingProvider credentials =
      new CountingProvider(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  private final PresignPolicy policy =
      PresignPolicy.builder()
          .allowContentTypes("image/png", "image/jpeg", "video/*")
          .maxSize(500L * 1024 * 1024)
          .uploadTtl(Duration.ofMinutes(15))
          .downloadTtl(Duration.ofMinutes(5))
          .build();
  private final UploadUrlIssuer issuer =
      UploadUrlIssuer.builder()
          .bucket("my-bucket")
          .region(Region.EU_WEST_1)
          .credentialsProvider(credentials)
          .policy(policy)
          .keyStrategy(KeyStrategy.datedUuid("uploads/"))
          .clock(CLOCK)
          .build();

  @Test
  void issueDownload_awsDocumentationExample_hasTheDocumentedSignature() {
    // The presigned GET example of the AWS SigV4 query-string documentation.
    UploadUrlIssuer example =
        UploadUrlIssuer.builder()
            .bucket("examplebucket")
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("https://s3.amazonaws.com"))
            .credentialsProvider(credentials)
            .policy(policy.toBuilder().downloadTtl(Duration.ofSeconds(86400)).build())
            .clock(Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC))
            .build();

    // A plain GET with no response-* parameters: what issueDownload(key) signed before it pinned
    // headers.
    URI url =
        URI.create(
            new dev.presign.internal.signing.SigV4Signer(
                    "us-east-1",
                    dev.presign.internal.signing.S3Addressing.of(
                        Region.US_EAST_1,
                        URI.create("https://s3.amazonaws.com"),
                        false,
                        "examplebucket"))
                .presign(
                    new dev.presign.internal.signing.SigningRequest(
                        "GET",
                        "examplebucket",
                        "test.txt",
                        dev.presign.internal.HeaderMap.of(),
                        dev.presign.internal.HeaderMap.of(),
                        Instant.parse("2013-05-24T00:00:00Z").getEpochSecond(),
                        86400,
                        credentials.resolveCredentials())));
    PresignedDownload download = example.issueDownload("test.txt");

    assertThat(url.getHost()).isEqualTo("examplebucket.s3.amazonaws.com");
    assertThat(url.getRawPath()).isEqualTo("/test.txt");
    assertThat(query(url))
        .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
        .containsEntry(
            "X-Amz-Credential", "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request")
        .containsEntry("X-Amz-Date", "20130524T000000Z")
        .containsEntry("X-Amz-Expires", "86400")
        .containsEntry("X-Amz-SignedHeaders", "host")
        .containsEntry(
            "X-Amz-Signature", "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    assertThat(download.expiresAt()).isEqualTo(Instant.parse("2013-05-25T00:00:00Z"));
    assertThat(query(download.uri()))
        .containsEntry("response-content-type", "text/plain")
        .containsEntry("response-content-disposition", "inline; filename=\"test.txt\"")
        .containsEntry("response-cache-control", "private, max-age=86400")
        .containsEntry("response-content-encoding", "identity");
  }

  @Test
  void issueUpload_signsTypeAndLengthAndReportsExactExpiry() {
    PresignedUpload upload = issuer.issueUpload(UploadRequest.of("cat.PNG", "IMAGE/PNG", 12_345));

    assertThat(upload.method()).isEqualTo("PUT");
    assertThat(upload.key()).matches("uploads/2026/11/29/[0-9a-f-]{36}\\.png");
    assertThat(upload.headers()).containsExactly(Map.entry("Content-Type", "image/png"));
    assertThat(upload.contentLength()).hasValue(12_345);
    assertThat(upload.signedHeaders())
        .containsExactly(
            Map.entry("Content-Type", "image/png"), Map.entry("Content-Length", "12345"));
    assertThat(upload.expiresAt()).isEqualTo(Instant.parse("2026-11-29T10:35:30Z"));
    assertThat(upload.uri().getScheme()).isEqualTo("https");
    assertThat(upload.uri().getHost()).isEqualTo("my-bucket.s3.eu-west-1.amazonaws.com");
    assertThat(upload.uri().getRawPath()).isEqualTo("/" + upload.key());
    assertThat(query(upload.uri()))
        .containsEntry("X-Amz-Date", "20261129T102030Z")
        .containsEntry("X-Amz-Expires", "900")
        .containsEntry("X-Amz-SignedHeaders", "content-length;content-type;host")
        .containsEntry("X-Amz-Credential", ACCESS_KEY + "/20261129/eu-west-1/s3/aws4_request")
        .doesNotContainKey("X-Amz-Security-Token");
  }

  @Test
  void issueUpload_keepsNormalizedParametersInSignedContentType() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("a.png", "Image/PNG;Charset=UTF-8", 1));

    assertThat(upload.headers()).containsEntry("Content-Type", "image/png; charset=UTF-8");
  }

  @Test
  void issueUpload_undeclaredSizeWhenOptional_signsTypeOnly() {
    UploadUrlIssuer optional =
        issuer.toBuilder().policy(policy.toBuilder().requireDeclaredSize(false).build()).build();

    PresignedUpload upload = optional.issueUpload(UploadRequest.of("a.png", "image/png"));

    assertThat(upload.headers()).containsOnlyKeys("Content-Type");
    assertThat(upload.contentLength()).isEmpty();
    assertThat(upload.signedHeaders()).isSameAs(upload.headers());
    assertThat(query(upload.uri())).containsEntry("X-Amz-SignedHeaders", "content-type;host");
  }

  @Test
  void issueUpload_encodesKeyOnceAndKeepsSlashes() {
    UploadUrlIssuer named =
        issuer.toBuilder().keyStrategy((request, now) -> "a b/ü+%/~x.png").build();

    PresignedUpload upload = named.issueUpload(UploadRequest.of("a.png", "image/png", 1));

    assertThat(upload.uri().getRawPath()).isEqualTo("/a%20b/%C3%BC%2B%25/~x.png");
    assertThat(upload.key()).isEqualTo("a b/ü+%/~x.png");
  }

  @Test
  void issueUpload_sessionCredentialsExpiringFirst_cutsUrlAndExpiresAt() {
    UploadUrlIssuer temporary =
        issuer.toBuilder()
            .credentialsProvider(
                StaticCredentialsProvider.create(session(NOW.plus(Duration.ofMinutes(5)))))
            .build();

    PresignedUpload upload = temporary.issueUpload(UploadRequest.of("a.png", "image/png", 1));

    assertThat(query(upload.uri()))
        .containsEntry("X-Amz-Expires", "300")
        .containsEntry("X-Amz-Security-Token", "FQoGZXIvYXdzEXAMPLETOKEN");
    assertThat(upload.expiresAt()).isEqualTo(Instant.parse("2026-11-29T10:25:30Z"));
  }

  @Test
  void issueDownload_sessionCredentialsOutlivingTtl_keepDownloadTtl() {
    UploadUrlIssuer temporary =
        issuer.toBuilder()
            .credentialsProvider(
                StaticCredentialsProvider.create(session(NOW.plus(Duration.ofHours(6)))))
            .build();

    PresignedDownload download = temporary.issueDownload("uploads/a.png");

    assertThat(query(download.uri())).containsEntry("X-Amz-Expires", "300");
    assertThat(download.expiresAt()).isEqualTo(Instant.parse("2026-11-29T10:25:30Z"));
  }

  @Test
  void issueUpload_shortCredentialsWithRejectOption_fails() {
    UploadUrlIssuer strict =
        issuer.toBuilder()
            .credentialsProvider(
                StaticCredentialsProvider.create(session(NOW.plus(Duration.ofMinutes(5)))))
            .rejectShortLivedCredentials(true)
            .build();

    assertThatThrownBy(() -> strict.issueUpload(UploadRequest.of("a.png", "image/png", 1)))
        .isInstanceOf(PresignException.class)
        .isNotInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("before the requested PT15M");
  }

  @Test
  void issueUpload_policyViolation_neverTouchesCredentials() {
    assertThatThrownBy(() -> issuer.issueUpload(UploadRequest.of("page.html", "text/html", 10)))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.CONTENT_TYPE_NOT_ALLOWED);
    assertThatThrownBy(
            () ->
                issuer.issueUpload(
                    UploadRequest.of("big.mp4", "video/mp4", 500L * 1024 * 1024 + 1)))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(credentials.calls).hasValue(0);
  }

  @Test
  void issueUpload_aboveSinglePutLimit_isRefusedEvenIfPolicyAllows() {
    UploadUrlIssuer huge =
        issuer.toBuilder()
            .policy(policy.toBuilder().maxSize(PresignPolicy.MAX_OBJECT_SIZE).build())
            .build();

    assertThatThrownBy(
            () ->
                huge.issueUpload(
                    UploadRequest.of(
                        "big.mp4", "video/mp4", PresignPolicy.MAX_SINGLE_PUT_SIZE + 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("a single PUT can carry at most 5368709120 bytes")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.TOO_LARGE);
    assertThat(credentials.calls).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../escape.png", "/abs.png", "a//b", "a/./b", "a\u0000b", "", "trailing/"})
  void issueUpload_customStrategyMakingUnsafeKey_isRefused(String badKey) {
    UploadUrlIssuer careless = issuer.toBuilder().keyStrategy((request, now) -> badKey).build();

    assertThatThrownBy(() -> careless.issueUpload(UploadRequest.of("a.png", "image/png", 1)))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.KEY_INVALID);
    assertThat(credentials.calls).hasValue(0);
  }

  @Test
  void issueUpload_customStrategyReturningNull_isRefused() {
    UploadUrlIssuer careless = issuer.toBuilder().keyStrategy((request, now) -> null).build();

    assertThatThrownBy(() -> careless.issueUpload(UploadRequest.of("a.png", "image/png", 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("key must not be empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc/passwd", "/x", "a/../b", "x\r\ny"})
  void issueDownload_unsafeKey_isRefused(String key) {
    assertThatThrownBy(() -> issuer.issueDownload(key))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"))
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.KEY_INVALID);
  }

  @Test
  void issueUpload_failingCredentialsProvider_isWrappedWithoutSecrets() {
    AwsCredentialsProvider broken =
        () -> {
          throw new IllegalStateException("profile 'prod' not found");
        };
    UploadUrlIssuer withBroken = issuer.toBuilder().credentialsProvider(broken).build();

    assertThatThrownBy(() -> withBroken.issueUpload(UploadRequest.of("a.png", "image/png", 1)))
        .isInstanceOf(PresignException.class)
        .hasMessageStartingWith("could not resolve AWS credentials")
        .hasRootCauseMessage("profile 'prod' not found")
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(PresignException.Kind.CREDENTIALS_UNAVAILABLE);
  }

  @Test
  void addressing_dottedBucket_fallsBackToPathStyle() {
    PresignedDownload download =
        issuer.toBuilder().bucket("my.dotted.bucket").build().issueDownload("k.png");

    assertThat(download.uri().getHost()).isEqualTo("s3.eu-west-1.amazonaws.com");
    assertThat(download.uri().getRawPath()).isEqualTo("/my.dotted.bucket/k.png");
  }

  @Test
  void addressing_chinaRegion_usesItsPartitionSuffix() {
    PresignedDownload download =
        issuer.toBuilder().region(Region.CN_NORTH_1).build().issueDownload("k.png");

    assertThat(download.uri().getHost()).isEqualTo("my-bucket.s3.cn-north-1.amazonaws.com.cn");
    assertThat(query(download.uri()))
        .containsEntry("X-Amz-Credential", ACCESS_KEY + "/20261129/cn-north-1/s3/aws4_request");
  }

  @Test
  void addressing_customEndpointWithPort_pathStyle() {
    PresignedDownload download =
        issuer.toBuilder()
            .endpointOverride(URI.create("http://localhost:9000"))
            .pathStyleAccess(true)
            .bucket("Legacy_Bucket")
            .build()
            .issueDownload("k.png");

    assertThat(download.uri().getScheme()).isEqualTo("http");
    assertThat(download.uri().getAuthority()).isEqualTo("localhost:9000");
    assertThat(download.uri().getRawPath()).isEqualTo("/Legacy_Bucket/k.png");
  }

  @Test
  void toString_ofResults_neverShowsSignatureOrCredentials() {
    UploadUrlIssuer temporary =
        issuer.toBuilder()
            .credentialsProvider(
                StaticCredentialsProvider.create(session(NOW.plus(Duration.ofHours(1)))))
            .build();
    PresignedUpload upload = temporary.issueUpload(UploadRequest.of("a.png", "image/png", 1));
    PresignedDownload download = temporary.issueDownload(upload.key());
    String signature = query(upload.uri()).get("X-Amz-Signature");

    for (String text :
        new String[] {
          upload.toString(), download.toString(), temporary.toString(), policy.toString()
        }) {
      assertThat(text)
          .doesNotContain(signature, SECRET_KEY, "FQoGZXIvYXdzEXAMPLETOKEN", "X-Amz-", ACCESS_KEY);
    }
    assertThat(upload.toString())
        .contains(upload.key(), "my-bucket.s3.eu-west-1.amazonaws.com", "?\u2026");
  }

  @Test
  void presignedUpload_headersAreACopy() {
    Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "image/png"));
    PresignedUpload upload = new PresignedUpload("PUT", "https://h/k", headers, "k", NOW);

    headers.put("X-Evil", "1");

    assertThat(upload.headers()).containsOnlyKeys("Content-Type");
    assertThatThrownBy(() -> upload.headers().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builder_missingRequiredSetting_namesIt() {
    assertThatThrownBy(() -> UploadUrlIssuer.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("bucket is required");
    assertThatThrownBy(() -> UploadUrlIssuer.builder().bucket("b-1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("region is required");
    assertThatThrownBy(
            () -> UploadUrlIssuer.builder().bucket("b-1").region(Region.US_EAST_1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("credentialsProvider is required");
    assertThatThrownBy(
            () ->
                UploadUrlIssuer.builder()
                    .bucket("b-1")
                    .region(Region.US_EAST_1)
                    .credentialsProvider(credentials)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("policy is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "My-Bucket",
        "bucket_",
        "-bucket",
        "bucket-",
        "a..b",
        "b\u0000ucket",
        "192.168.1.1",
        "a.-b",
        "a-.b",
        "xn--abc",
        "sthree-abc",
        "abc-s3alias",
        "abc--ol-s3",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void builder_invalidBucket_isRefused(String bucket) {
    assertThatThrownBy(() -> issuer.toBuilder().bucket(bucket).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("bucket must ")
        .hasMessageEndingWith(": \"" + bucket.replace("\u0000", "\\u0000") + "\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://host",
        "http://host/path",
        "http://user:pw@host",
        "http://host?x=1",
        "host:9000",
        "/relative"
      })
  void builder_invalidEndpoint_isRefused(String endpoint) {
    assertThatThrownBy(() -> UploadUrlIssuer.builder().endpointOverride(URI.create(endpoint)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("endpointOverride must be http(s)://host[:port]")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw@"));
  }

  @Test
  void builder_nulls_nameTheParameter() {
    assertThatThrownBy(() -> UploadUrlIssuer.builder().bucket(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("bucket");
    assertThatThrownBy(() -> UploadUrlIssuer.builder().clock(null)).hasMessage("clock");
    assertThatThrownBy(() -> UploadUrlIssuer.builder().keyStrategy(null)).hasMessage("keyStrategy");
    assertThatThrownBy(() -> issuer.issueUpload(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request");
    assertThatThrownBy(() -> issuer.issueDownload((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
  }

  @Test
  void toBuilder_keepsEverySetting() {
    // Every setting away from its default, so a forgotten copy shows.
    UploadUrlIssuer full =
        UploadUrlIssuer.builder()
            .bucket("Other_Bucket")
            .region(Region.AP_SOUTHEAST_2)
            .endpointOverride(URI.create("http://127.0.0.1:9000"))
            .pathStyleAccess(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(session(NOW.plus(Duration.ofMinutes(5)))))
            .policy(policy)
            .keyStrategy(KeyStrategy.originalName("x/"))
            .clock(CLOCK)
            .rejectShortLivedCredentials(true)
            .build();

    UploadUrlIssuer copy = full.toBuilder().build();

    assertThat(copy).usingRecursiveComparison().ignoringFields("signer").isEqualTo(full);
    assertThat(copy.toString()).isEqualTo(full.toString());
    assertThatThrownBy(() -> copy.issueUpload(UploadRequest.of("a.png", "image/png", 1)))
        .isInstanceOf(PresignException.class)
        .hasMessageContaining("before the requested");
    assertThat(
            copy.toBuilder()
                .rejectShortLivedCredentials(false)
                .build()
                .issueDownload("k")
                .uri()
                .getRawPath())
        .isEqualTo("/Other_Bucket/k");
  }

  @Test
  void builder_endpointWithRegistryBasedAuthority_neverShowsItsPassword() {
    assertThatThrownBy(
            () ->
                UploadUrlIssuer.builder()
                    .endpointOverride(URI.create("http://admin:s3cr3t@my_minio:9000")))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("s3cr3t", "admin")
                    .contains("***@my_minio:9000"));
  }

  @Test
  void builder_globalPseudoRegion_isRefused() {
    assertThatThrownBy(() -> issuer.toBuilder().region(Region.AWS_GLOBAL).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("region must be a real region, not a global pseudo-region: aws-global");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:9000", "http://localhost:9000", "http://[::1]:9000"})
  void builder_addressEndpointWithoutPathStyle_isRefused(String endpoint) {
    assertThatThrownBy(() -> issuer.toBuilder().endpointOverride(URI.create(endpoint)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "an endpoint given as an IP address or localhost needs pathStyleAccess(true)");
  }

  @Test
  void toString_ofResultWithUserInfo_showsHostOnly() {
    PresignedUpload upload =
        new PresignedUpload(
            "PUT", "https://user:pw@host.example:8443/k?X-Amz-Signature=abc", Map.of(), "k", NOW);

    assertThat(upload.toString())
        .contains("https://host.example:8443/k?\u2026")
        .doesNotContain("pw", "user", "abc");
  }

  @Test
  void presignedUpload_nullHeaderValue_isRefused() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", null);

    assertThatThrownBy(() -> new PresignedUpload("PUT", "https://h/k", headers, "k", NOW))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("header value");
  }

  private static AwsSessionCredentials session(Instant expiry) {
    return AwsSessionCredentials.builder()
        .accessKeyId(ACCESS_KEY)
        .secretAccessKey(SECRET_KEY)
        .sessionToken("FQoGZXIvYXdzEXAMPLETOKEN")
        .expirationTime(expiry)
        .build();
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static final class CountingProvider implements AwsCredentialsProvider {
    final AtomicInteger calls = new AtomicInteger();
    private final AwsCredentials credentials;

    CountingProvider(AwsCredentials credentials) {
      this.credentials = credentials;
    }

    @Override
    public AwsCredentials resolveCredentials() {
      calls.incrementAndGet();
      return credentials;
    }
  }
}
