package dev.presign.test;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.DownloadRequest;
import dev.presign.PresignPolicy;
import dev.presign.PresignedDownload;
import dev.presign.PresignedPost;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Each assertion passes on what presign issues and fails, with a message, on what it does not. */
class PresignAssertionsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIAASSERTIONS000001", "assertions/secret/key"));
  private static final UploadUrlIssuer ISSUER =
      UploadUrlIssuer.builder()
          .bucket("bucket")
          .region(Region.EU_WEST_1)
          .credentialsProvider(CREDENTIALS)
          .clock(CLOCK)
          .policy(
              PresignPolicy.builder()
                  .allowContentTypes("image/png")
                  .uploadTtl(Duration.ofMinutes(15))
                  .build())
          .build();

  @Test
  void uploadAssertions_passOnAnIssuedPut() {
    PresignedUpload upload = ISSUER.issueUpload(UploadRequest.of("a.png", "image/png", 3));

    assertThat(upload)
        .hasMethod("PUT")
        .hasKey(upload.key())
        .hasKeyStartingWith(upload.key().substring(0, 3))
        .signsHeader("Content-Type", "image/png")
        .signsHeader("content-length", "3")
        .expiresWithin(Duration.ofMinutes(15), CLOCK)
        .hasNoSecretInToString(CREDENTIALS);
  }

  @Test
  void uploadAssertions_failWithWhatWasFound() {
    PresignedUpload upload = ISSUER.issueUpload(UploadRequest.of("a.png", "image/png", 3));
    PresignedUpload unsigned =
        new PresignedUpload(
            "PUT",
            upload.url(),
            Map.of("Content-Type", "image/png", "Cache-Control", "no-store"),
            upload.key(),
            upload.expiresAt());

    assertThatThrownBy(() -> assertThat(upload).hasMethod("POST"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected method <POST> but was <PUT>");
    assertThatThrownBy(() -> assertThat(upload).hasKeyStartingWith("other/"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("other/");
    assertThatThrownBy(() -> assertThat(upload).signsHeader("Content-Type", "text/html"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("<text/html>");
    assertThatThrownBy(() -> assertThat(unsigned).signsHeader("Cache-Control", "no-store"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the URL to sign Cache-Control");
    assertThatThrownBy(() -> assertThat(upload).expiresWithin(Duration.ofMinutes(5), CLOCK))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected expiry within PT5M");
  }

  @Test
  void expiresWithin_whenExpiresAtDisagreesWithTheUrl_fails() {
    PresignedUpload upload = ISSUER.issueUpload(UploadRequest.of("a.png", "image/png", 3));
    PresignedUpload lying =
        new PresignedUpload(
            "PUT",
            upload.url(),
            upload.headers(),
            upload.contentLength(),
            upload.key(),
            upload.expiresAt().minusSeconds(60));

    assertThatThrownBy(() -> assertThat(lying).expiresWithin(Duration.ofMinutes(15), CLOCK))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the URL to expire at expiresAt()");
  }

  @Test
  void hasNoSecretInToString_failsWhenToStringPrintsTheSignature() {
    PresignedDownload download = ISSUER.issueDownload("a.png");
    String signature = download.url().replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
    // A result whose printed key happens to be its signature stands for a toString that leaks it.
    PresignedDownload leaking =
        new PresignedDownload("GET", download.url(), signature, download.expiresAt());

    assertThatThrownBy(() -> assertThat(leaking).hasNoSecretInToString(CREDENTIALS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no secret");
    assertThat(download).hasNoSecretInToString(CREDENTIALS).hasMethod("GET").hasKey("a.png");
  }

  @Test
  void downloadAssertions_readTheSignedOverrides() {
    PresignedDownload download =
        ISSUER.issueDownload(DownloadRequest.of("a.png").withCacheControl("no-store"));

    assertThat(download)
        .overridesResponseHeader("Cache-Control", "no-store")
        .expiresWithin(Duration.ofMinutes(5), CLOCK);
    assertThatThrownBy(
            () -> assertThat(download).overridesResponseHeader("Content-Type", "text/html"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("response-content-type");
  }

  @Test
  void postAssertions_readTheFields() {
    PresignedPost post = ISSUER.issuePost(UploadRequest.of("a.png", "image/png"));

    assertThat(post)
        .hasField("key", post.key())
        .hasField("Content-Type", "image/png")
        .hasKey(post.key());
    assertThatThrownBy(() -> assertThat(post).hasField("acl", "public-read"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected field acl");
  }

  @Test
  void responseAssertions_readS3sErrorDocument() {
    byte[] error =
        "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
            .getBytes(StandardCharsets.UTF_8);
    StoreResponse refused =
        new StoreResponse(403, Map.of("Content-Type", List.of("application/xml")), error);
    StoreResponse ok = new StoreResponse(200, Map.of("ETag", List.of("\"abc\"")), new byte[0]);

    assertThat(refused).isRefusedWith(403, "AccessDenied");
    assertThat(refused.errorMessage()).hasValue("Request has expired");
    assertThat(ok).isAccepted();
    assertThat(ok.toString()).contains("status=200", "etag=\"abc\"");
    assertThatThrownBy(() -> assertThat(refused).isAccepted())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("AccessDenied");
    assertThatThrownBy(() -> assertThat(refused).isRefusedWith(403, "SignatureDoesNotMatch"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("403 SignatureDoesNotMatch");
  }
}
