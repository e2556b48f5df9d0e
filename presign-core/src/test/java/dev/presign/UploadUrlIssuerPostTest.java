package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Presigned POST forms without a server: the exact policy document, the fields and the refusals.
 */
class UploadUrlIssuerPostTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:20:30.456Z");
  private final UploadUrlIssuer issuer =
      UploadUrlIssuer.builder()
          .bucket("my-bucket")
          .region(Region.EU_WEST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(
                  AwsBasicCredentials.create(
                      "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
          .policy(
              PresignPolicy.builder()
                  .allowContentTypes("image/*", "application/pdf")
                  .minSize(1)
                  .maxSize(1000)
                  .build())
          .keyStrategy((request, now) -> "forms/a \"b\".png")
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();

  @Test
  void issuePost_exactType_writesEveryConditionAndFieldInOrder() {
    PresignedPost post = issuer.issuePost(UploadRequest.of("a.png", "IMAGE/PNG"));

    assertThat(post.url()).hasToString("https://my-bucket.s3.eu-west-1.amazonaws.com/");
    assertThat(post.key()).isEqualTo("forms/a \"b\".png");
    assertThat(post.expiresAt()).isEqualTo(Instant.parse("2026-11-29T10:35:30Z"));
    assertThat(post.fields().keySet())
        .containsExactly(
            "key",
            "Content-Type",
            "policy",
            "x-amz-algorithm",
            "x-amz-credential",
            "x-amz-date",
            "x-amz-signature");
    assertThat(post.fields())
        .containsEntry("Content-Type", "image/png")
        .containsEntry(
            "x-amz-credential", "AKIAIOSFODNN7EXAMPLE/20261129/eu-west-1/s3/aws4_request")
        .containsEntry("x-amz-date", "20261129T102030Z");
    assertThat(post.fields().get("x-amz-signature")).matches("[0-9a-f]{64}");
    assertThat(policy(post))
        .isEqualTo(
            "{\"expiration\":\"2026-11-29T10:35:30.000Z\",\"conditions\":["
                + "{\"bucket\":\"my-bucket\"},[\"eq\",\"$key\",\"forms/a \\\"b\\\".png\"],[\"eq\",\"$Content-Type\",\"image/png\"],"
                + "[\"content-length-range\",1,1000],{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"},"
                + "{\"x-amz-credential\":\"AKIAIOSFODNN7EXAMPLE/20261129/eu-west-1/s3/aws4_request\"},"
                + "{\"x-amz-date\":\"20261129T102030Z\"}]}");
  }

  @Test
  void issuePost_wildcardType_isRefusedAndNothingIsSigned() {
    assertThatThrownBy(() -> issuer.issuePost(UploadRequest.of("a.png", "image/*")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(
            "a POST form must name one concrete media type, which is signed exactly, not a wildcard: \"image/*\"")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.CONTENT_TYPE_INVALID);
  }

  @Test
  void issuePost_exactTypeUnderAWildcardEntry_isSignedWithEq() {
    PresignedPost post = issuer.issuePost(UploadRequest.of("a.webp", "image/webp"));

    assertThat(post.fields()).containsEntry("Content-Type", "image/webp");
    assertThat(policy(post))
        .contains("[\"eq\",\"$Content-Type\",\"image/webp\"]")
        .doesNotContain("starts-with");
  }

  @Test
  void issuePost_declaredSize_pinsTheExactLength() {
    assertThat(policy(issuer.issuePost(UploadRequest.of("a.pdf", "application/pdf", 42))))
        .contains("[\"content-length-range\",42,42]");
  }

  @Test
  void issuePost_sessionCredentials_carryTheTokenInFormAndPolicy() {
    PresignedPost post =
        issuer.toBuilder()
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsSessionCredentials.builder()
                        .accessKeyId("ASIAEXAMPLE")
                        .secretAccessKey("secret")
                        .sessionToken("tok/en+=")
                        .expirationTime(NOW.plus(Duration.ofMinutes(5)))
                        .build()))
            .build()
            .issuePost(UploadRequest.of("a.png", "image/png"));

    assertThat(post.fields()).containsEntry("x-amz-security-token", "tok/en+=");
    assertThat(policy(post))
        .contains("{\"x-amz-security-token\":\"tok/en+=\"}")
        .contains("\"expiration\":\"2026-11-29T10:25:30.000Z\"");
    assertThat(post.expiresAt()).isEqualTo(Instant.parse("2026-11-29T10:25:30Z"));
  }

  @Test
  void issuePost_wildcardNotCoveredByThePolicy_isRefused() {
    assertThatThrownBy(() -> issuer.issuePost(UploadRequest.of("a.pdf", "application/*")))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.CONTENT_TYPE_INVALID);
    assertThatThrownBy(() -> issuer.issuePost(UploadRequest.of("a.txt", "text/plain")))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.CONTENT_TYPE_NOT_ALLOWED);
  }

  @Test
  void issuePost_sizeOutsidePolicy_isRefused() {
    assertThatThrownBy(() -> issuer.issuePost(UploadRequest.of("a.png", "image/png", 1001)))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void issuePost_aboveFiveGib_isRefusedEvenIfPolicyAllows() {
    UploadUrlIssuer huge =
        issuer.toBuilder()
            .policy(issuer.policy().toBuilder().maxSize(PresignPolicy.MAX_OBJECT_SIZE).build())
            .build();

    assertThatThrownBy(
            () ->
                huge.issuePost(
                    UploadRequest.of("a.png", "image/png", PresignPolicy.MAX_SINGLE_PUT_SIZE + 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("a POST upload can carry at most 5368709120 bytes");
    assertThat(policy(huge.issuePost(UploadRequest.of("a.png", "image/png"))))
        .contains("[\"content-length-range\",1,5368709120]");
  }

  @Test
  void issuePost_keyWithFilenameSubstitution_isRefused() {
    // S3 would replace ${filename} with a name the uploader picks: the key would no longer be ours.
    UploadUrlIssuer careless =
        issuer.toBuilder().keyStrategy((request, now) -> "forms/${filename}").build();

    assertThatThrownBy(() -> careless.issuePost(UploadRequest.of("a.png", "image/png")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("key must not contain '${'")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.KEY_INVALID);
    assertThatThrownBy(() -> KeyStrategy.uuid("${filename}/"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_showsFieldNamesButNoSecrets() {
    PresignedPost post = issuer.issuePost(UploadRequest.of("a.png", "image/png"));

    assertThat(post.toString())
        .contains("policy", "x-amz-signature")
        .doesNotContain(
            post.fields().get("policy"),
            post.fields().get("x-amz-signature"),
            "AKIAIOSFODNN7EXAMPLE");
  }

  private static String policy(PresignedPost post) {
    return new String(
        Base64.getDecoder().decode(post.fields().get("policy")), StandardCharsets.UTF_8);
  }
}
