package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.testing.StoreSuite;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Issued URLs against a real, signature-checking S3 server (S3Proxy in this JVM), used the way a
 * browser or mobile app would, with {@code java.net.http}. Every refusal asserts S3's status and
 * error code and that nothing was stored.
 */
class UploadStoreTest extends StoreSuite {
  private static final byte[] PNG_BYTES =
      "\u0089PNG fake image bytes for the round trip".getBytes(StandardCharsets.ISO_8859_1);
  private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]+)</Code>");

  private UploadUrlIssuer issuer;

  @BeforeEach
  void setUp() {
    issuer =
        store
            .issuerBuilder()
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("image/png", "image/jpeg")
                    .maxSize(1024 * 1024)
                    .build())
            .keyStrategy(KeyStrategy.datedUuid("uploads/"))
            .build();
  }

  @Test
  void issuedPut_storesBytes_andIssuedGetReturnsThem() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG_BYTES.length));

    HttpResponse<String> put =
        send(upload, upload.method(), upload.headers().get("Content-Type"), PNG_BYTES);

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(store.bytes(upload.key())).isEqualTo(PNG_BYTES);
    assertThat(store.object(upload.key()).contentType().orElseThrow()).isEqualTo("image/png");

    PresignedDownload download = issuer.issueDownload(upload.key());
    HttpResponse<byte[]> get =
        http.send(HttpRequest.newBuilder(download.uri()).GET().build(), BodyHandlers.ofByteArray());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(PNG_BYTES);
    assertThat(get.headers().firstValue("Content-Type")).hasValue("image/png");
  }

  @Test
  void issuedPut_withSessionCredentials_carriesTokenAndStores() throws Exception {
    UploadUrlIssuer temporary =
        issuer.toBuilder()
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsSessionCredentials.builder()
                        .accessKeyId(accessKeyId())
                        .secretAccessKey(secretAccessKey())
                        .sessionToken("session-token-for-test")
                        .expirationTime(Instant.now().plus(Duration.ofHours(1)))
                        .build()))
            .build();
    PresignedUpload upload =
        temporary.issueUpload(UploadRequest.of("cat.png", "image/png", PNG_BYTES.length));

    HttpResponse<String> put = send(upload, "PUT", "image/png", PNG_BYTES);

    assertThat(upload.uri().getRawQuery()).contains("X-Amz-Security-Token=session-token-for-test");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(store.exists(upload.key())).isTrue();
  }

  @Test
  void issuedPut_hostileNameAndNonAsciiKey_roundTripsUnderItsPrincipal() throws Exception {
    UploadUrlIssuer named =
        issuer.toBuilder()
            .keyStrategy(KeyStrategy.perPrincipal("tenants/", KeyStrategy.originalName("files/")))
            .build();
    UploadRequest request =
        UploadRequest.of(
                "../../Résumé 猫 (1) +&=#?.PNG", "Image/PNG;Charset=UTF-8", PNG_BYTES.length)
            .withPrincipal("alice@example.com");

    PresignedUpload upload = named.issueUpload(request);
    HttpResponse<String> put = send(upload, "PUT", upload.headers().get("Content-Type"), PNG_BYTES);

    assertThat(upload.key())
        .matches("tenants/alice@example\\.com/files/[0-9a-f-]{36}/Résumé_猫_1\\.png");
    assertThat(upload.headers()).containsEntry("Content-Type", "image/png; charset=UTF-8");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(store.keys()).containsExactly(upload.key());
    HttpResponse<byte[]> get =
        http.send(
            HttpRequest.newBuilder(named.issueDownload(upload.key()).uri()).build(),
            BodyHandlers.ofByteArray());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(PNG_BYTES);
  }

  @Test
  void issuedPut_withoutDeclaredSizeWhenOptional_acceptsTheBody() throws Exception {
    UploadUrlIssuer unsized =
        issuer.toBuilder()
            .policy(issuer.policy().toBuilder().requireDeclaredSize(false).build())
            .build();
    PresignedUpload upload = unsized.issueUpload(UploadRequest.of("cat.png", "image/png"));

    HttpResponse<String> put = send(upload, "PUT", "image/png", PNG_BYTES);

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(store.bytes(upload.key())).isEqualTo(PNG_BYTES);
  }

  @Test
  void put_withoutContentTypeHeader_isRefused() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG_BYTES.length));

    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(upload.uri()).PUT(BodyPublishers.ofByteArray(PNG_BYTES)).build(),
            BodyHandlers.ofString());

    assertRefused(put, 403, "SignatureDoesNotMatch");
  }

  @ParameterizedTest
  @EnumSource(Checksum.Algorithm.class)
  void issuedPut_withChecksum_storesTheRightBytes(Checksum.Algorithm algorithm) throws Exception {
    if (!variant().checks(algorithm)) {
      assertRefusedBeforeSigning(algorithm);
      return;
    }
    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("cat.png", "image/png", PNG_BYTES.length)
                .withChecksum(checksum(algorithm, PNG_BYTES)));

    HttpResponse<String> put = http.send(withHeaders(upload, PNG_BYTES), BodyHandlers.ofString());

    assertThat(upload.headers()).containsKey(algorithm.header());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(store.bytes(upload.key())).isEqualTo(PNG_BYTES);
  }

  @ParameterizedTest
  @EnumSource(Checksum.Algorithm.class)
  void put_otherBytesThanTheChecksum_isRefused(Checksum.Algorithm algorithm) throws Exception {
    // S3 checks every checksum (400 BadDigest). RGW 16 ignores x-amz-checksum-* and would store
    // these bytes with a 200, so its profile refuses those checksums before signing: that refusal
    // is what it gets.
    if (!variant().checks(algorithm)) {
      assertRefusedBeforeSigning(algorithm);
      return;
    }
    byte[] other = PNG_BYTES.clone();
    other[0] ^= 1;
    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("cat.png", "image/png", PNG_BYTES.length)
                .withChecksum(checksum(algorithm, PNG_BYTES)));

    HttpResponse<String> put = http.send(withHeaders(upload, other), BodyHandlers.ofString());

    assertRefused(put, 400, "BadDigest");
  }

  private void assertRefusedBeforeSigning(Checksum.Algorithm algorithm) throws Exception {
    UploadRequest request =
        UploadRequest.of("cat.png", "image/png", PNG_BYTES.length)
            .withChecksum(checksum(algorithm, PNG_BYTES));

    assertThatThrownBy(() -> issuer.issueUpload(request))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(algorithm.name())
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.CHECKSUM_UNSUPPORTED);
    assertThat(store.keys()).as("nothing may be stored").isEmpty();
  }

  private static HttpRequest withHeaders(PresignedUpload upload, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(upload.uri()).PUT(BodyPublishers.ofByteArray(body));
    upload.headers().forEach(request::header);
    return request.build();
  }

  private static Checksum checksum(Checksum.Algorithm algorithm, byte[] bytes) throws Exception {
    java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
    switch (algorithm) {
      case SHA256:
        return Checksum.sha256(
            base64.encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
      case MD5:
        return Checksum.md5(
            base64.encodeToString(java.security.MessageDigest.getInstance("MD5").digest(bytes)));
      default:
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        return Checksum.crc32c(
            base64.encodeToString(
                java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array()));
    }
  }

  @Test
  void put_withAnotherContentType_isRefused() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG_BYTES.length));

    HttpResponse<String> put = send(upload, "PUT", "text/html", PNG_BYTES);

    assertRefused(put, 403, "SignatureDoesNotMatch");
  }

  @Test
  void put_withAnotherContentLength_isRefused() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG_BYTES.length));
    byte[] longer = new byte[PNG_BYTES.length + 1];

    HttpResponse<String> put = send(upload, "PUT", "image/png", longer);

    assertRefused(put, 403, "SignatureDoesNotMatch");
  }

  @Test
  void put_withAnotherMethod_isRefused() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG_BYTES.length));

    HttpResponse<String> post = send(upload, "POST", "image/png", PNG_BYTES);

    assertRefused(post, 403, "SignatureDoesNotMatch");
  }

  @Test
  void put_toAnotherKey_isRefused() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG_BYTES.length));
    URI otherKey = URI.create(upload.uri().toString().replace(upload.key(), "uploads/evil.html"));

    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(otherKey)
                .PUT(BodyPublishers.ofByteArray(PNG_BYTES))
                .header("Content-Type", "image/png")
                .build(),
            BodyHandlers.ofString());

    assertRefused(put, 403, "SignatureDoesNotMatch");
    assertThat(store.exists("uploads/evil.html")).isFalse();
  }

  @Test
  void put_withTamperedSignature_isRefused() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG_BYTES.length));
    Matcher signature =
        Pattern.compile("X-Amz-Signature=([0-9a-f]{64})").matcher(upload.uri().toString());
    assertThat(signature.find()).isTrue();
    String original = signature.group(1);
    String flipped = (original.charAt(0) == '0' ? '1' : '0') + original.substring(1);
    URI tampered = URI.create(upload.uri().toString().replace(original, flipped));

    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(tampered)
                .PUT(BodyPublishers.ofByteArray(PNG_BYTES))
                .header("Content-Type", "image/png")
                .build(),
            BodyHandlers.ofString());

    assertRefused(put, 403, "SignatureDoesNotMatch");
  }

  @Test
  void put_afterExpiry_isRefusedByTheServersClock() throws Exception {
    UploadUrlIssuer shortLived =
        issuer.toBuilder()
            .policy(issuer.policy().toBuilder().uploadTtl(Duration.ofSeconds(1)).build())
            .build();
    PresignedUpload upload =
        shortLived.issueUpload(UploadRequest.of("cat.png", "image/png", PNG_BYTES.length));

    // Wait past expiresAt by the server's clock (the same wall clock), plus a margin.
    Thread.sleep(
        Math.max(0, Duration.between(Instant.now(), upload.expiresAt()).toMillis()) + 1_500);
    HttpResponse<String> put = send(upload, "PUT", "image/png", PNG_BYTES);

    // S3 says "Request has expired"; RGW sends the same status and code with an empty message.
    assertRefused(put, 403, "AccessDenied");
    assertThat(errorMessage(put)).isEqualTo(variant().expiredUrlMessage());
  }

  private static String errorMessage(HttpResponse<String> response) {
    Matcher message = Pattern.compile("<Message>([^<]*)</Message>").matcher(response.body());
    return message.find() ? message.group(1) : "";
  }

  private static HttpResponse<String> send(
      PresignedUpload upload, String method, String contentType, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(upload.uri())
            .method(method, BodyPublishers.ofByteArray(body))
            .header("Content-Type", contentType)
            .build();
    return http.send(request, BodyHandlers.ofString());
  }

  private static void assertRefused(HttpResponse<String> response, int status, String errorCode) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    Matcher code = ERROR_CODE.matcher(response.body());
    assertThat(code.find()).as("S3 error body: %s", response.body()).isTrue();
    assertThat(code.group(1)).isEqualTo(errorCode);
    assertThat(store.keys()).as("nothing may be stored").isEmpty();
  }
}
