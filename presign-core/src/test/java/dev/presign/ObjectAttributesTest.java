package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException.Reason;
import dev.presign.ObjectAttributes.Encryption;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The attribute model: S3's rules, refused with the rule and the value; and the headers a PUT
 * signs.
 */
class ObjectAttributesTest {
  private static final String KMS_KEY =
      "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private final ObjectAttributes attributes =
      ObjectAttributes.builder()
          .encryption(Encryption.sseKms(KMS_KEY).withBucketKey())
          .storageClass("INTELLIGENT_TIERING")
          .metadata("source", "web")
          .tag("presign-status", "pending")
          .allowRequestMetadata("account-id", "original-name")
          .allowRequestTags("project")
          .build();
  private final UploadUrlIssuer issuer =
      UploadUrlIssuer.builder()
          .bucket("my-bucket")
          .region(Region.EU_WEST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
          .policy(
              PresignPolicy.builder().allowContentTypes("image/png").attributes(attributes).build())
          .clock(Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneOffset.UTC))
          .build();

  @Test
  void issueUpload_withAttributes_signsEachAndTellsTheClientToSendIt() {
    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("cat.png", "image/png", 10)
                .withMetadata("account-id", "42")
                .withTag("project", "apollo 11"));

    assertThat(upload.headers())
        .containsExactly(
            Map.entry("Content-Type", "image/png"),
            Map.entry("x-amz-server-side-encryption", "aws:kms"),
            Map.entry("x-amz-server-side-encryption-aws-kms-key-id", KMS_KEY),
            Map.entry("x-amz-server-side-encryption-bucket-key-enabled", "true"),
            Map.entry("x-amz-storage-class", "INTELLIGENT_TIERING"),
            Map.entry("x-amz-meta-account-id", "42"),
            Map.entry("x-amz-meta-source", "web"),
            Map.entry("x-amz-tagging", "presign-status=pending&project=apollo%2011"));
    assertThat(upload.url())
        .contains(
            "X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3B"
                + "x-amz-meta-account-id%3Bx-amz-meta-source%3Bx-amz-server-side-encryption%3B"
                + "x-amz-server-side-encryption-aws-kms-key-id%3Bx-amz-server-side-encryption-bucket-key-enabled%3B"
                + "x-amz-storage-class%3Bx-amz-tagging&");
  }

  @Test
  void issueUpload_withoutAttributes_signsWhatItAlwaysDid() {
    UploadUrlIssuer plain =
        issuer.toBuilder()
            .policy(issuer.policy().toBuilder().attributes(ObjectAttributes.none()).build())
            .build();

    PresignedUpload upload = plain.issueUpload(UploadRequest.of("cat.png", "image/png", 10));

    assertThat(upload.headers()).containsOnlyKeys("Content-Type");
    assertThat(upload.url()).contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost&");
  }

  @Test
  void issueUpload_nonAsciiMetadata_isSentAsOneRfc2047Word() {
    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("cat.png", "image/png", 10)
                .withMetadata("original-name", "Résumé 履歴書.png"));

    String sent = upload.headers().get("x-amz-meta-original-name");
    assertThat(sent).startsWith("=?UTF-8?B?").endsWith("?=");
    assertThat(
            new String(
                Base64.getDecoder().decode(sent.substring(10, sent.length() - 2)),
                StandardCharsets.UTF_8))
        .isEqualTo("Résumé 履歴書.png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"=?UTF-8?B?PHNjcmlwdD4=?=", " padded", "two  spaces", "trailing "})
  void issueUpload_asciiS3WouldRewrite_isEncodedSoS3StoresItLiterally(String value) {
    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("cat.png", "image/png", 10).withMetadata("original-name", value));

    String sent = upload.headers().get("x-amz-meta-original-name");
    assertThat(sent).startsWith("=?UTF-8?B?");
    assertThat(
            new String(
                Base64.getDecoder().decode(sent.substring(10, sent.length() - 2)),
                StandardCharsets.UTF_8))
        .isEqualTo(value);
  }

  @Test
  void issueUpload_unicodeTag_isUrlEncodedAsS3Expects() {
    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("cat.png", "image/png", 10).withTag("project", "Ärger/über:2+2=4@x"));

    String tagging = upload.headers().get("x-amz-tagging");
    assertThat(tagging).matches("[A-Za-z0-9%=&._~-]+");
    assertThat(URLDecoder.decode(tagging, StandardCharsets.UTF_8))
        .isEqualTo("presign-status=pending&project=Ärger/über:2+2=4@x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret-flag", "source", "ACCOUNT-ID", "account_id"})
  void issueUpload_metadataKeyThePolicyDoesNotAllow_isRefused(String key) {
    assertThatThrownBy(
            () ->
                issuer.issueUpload(
                    UploadRequest.of("cat.png", "image/png", 10).withMetadata(key, "x")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("metadata key must be one of [account-id, original-name]")
        .hasMessageContaining(key)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.METADATA_INVALID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a\r\nx-amz-acl: public-read", "tab\there", "nul\u0000", "del\u007f", "c1\u0085"})
  void issueUpload_metadataValueWithControlCharacters_isRefused(String value) {
    assertThatThrownBy(
            () ->
                issuer.issueUpload(
                    UploadRequest.of("cat.png", "image/png", 10).withMetadata("account-id", value)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("metadata value of account-id must not contain control characters");
  }

  @Test
  void issueUpload_metadataOver2KB_isRefused() {
    assertThatThrownBy(
            () ->
                issuer.issueUpload(
                    UploadRequest.of("cat.png", "image/png", 10)
                        .withMetadata("account-id", "x".repeat(2040))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(
            "metadata must be at most 2048 bytes in all (keys and values as sent): 2059");
  }

  @ParameterizedTest
  @ValueSource(strings = {"presign-status", "Project", "other"})
  void issueUpload_tagKeyThePolicyDoesNotAllow_isRefused(String key) {
    assertThatThrownBy(
            () ->
                issuer.issueUpload(
                    UploadRequest.of("cat.png", "image/png", 10).withTag(key, "verified")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("tag key must be one of [project]")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.TAGS_INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a&b", "a<b>", "x\ny", "quote\"", "percent%"})
  void issueUpload_tagValueOutsideS3sCharacters_isRefused(String value) {
    assertThatThrownBy(
            () ->
                issuer.issueUpload(
                    UploadRequest.of("cat.png", "image/png", 10).withTag("project", value)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(
            "tag value of project must be 0 to 256 letters, digits, spaces or + - = . _ : / @");
  }

  @Test
  void issueUpload_tagValueOver256Characters_isRefused() {
    assertThatThrownBy(
            () ->
                issuer.issueUpload(
                    UploadRequest.of("cat.png", "image/png", 10)
                        .withTag("project", "ü".repeat(257))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must be 0 to 256");
  }

  @Test
  void issueUpload_moreThanTenTags_isRefused() {
    ObjectAttributes.Builder nine = ObjectAttributes.builder().allowRequestTags("extra", "more");
    for (int i = 0; i < 9; i++) {
      nine.tag("t" + i, "v");
    }
    UploadUrlIssuer tagged =
        issuer.toBuilder()
            .policy(issuer.policy().toBuilder().attributes(nine.build()).build())
            .build();
    UploadRequest eleven =
        UploadRequest.of("cat.png", "image/png", 10).withTag("extra", "1").withTag("more", "2");

    assertThat(
            tagged
                .issueUpload(UploadRequest.of("cat.png", "image/png", 10).withTag("extra", "1"))
                .headers())
        .containsKey("x-amz-tagging");
    assertThatThrownBy(() -> tagged.issueUpload(eleven))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("an object can carry at most 10 tags: 11");
  }

  @Test
  void issueUpload_additionsWhenThePolicyHasNoAttributes_isRefused() {
    UploadUrlIssuer plain =
        issuer.toBuilder()
            .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
            .build();

    assertThatThrownBy(
            () ->
                plain.issueUpload(
                    UploadRequest.of("cat.png", "image/png", 10).withMetadata("a", "b")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("metadata key must be one the policy allows (none): \"a\"");
    assertThatThrownBy(
            () -> plain.issueUpload(UploadRequest.of("cat.png", "image/png", 10).withTag("a", "b")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("tag key must be one the policy allows (none): \"a\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Upper",
        "under_score",
        "-lead",
        "trail-",
        "x-amz-meta-",
        "sp ace",
        "ü",
        "dot.ted"
      })
  void metadata_malformedKey_isRefusedWithTheRule(String key) {
    assertThatThrownBy(() -> ObjectAttributes.builder().metadata(key, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "metadata key must be 1 to 128 of a-z 0-9 and inner '-' (without x-amz-meta-)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"aws:cloudformation", "AWS:x", "", "a&b", "a\tb"})
  void tag_reservedOrMalformedKey_isRefusedWithTheRule(String key) {
    assertThatThrownBy(() -> ObjectAttributes.builder().tag(key, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tag key must");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GLACIER-IR", "standard", "COLD", ""})
  void storageClass_unknownToS3_isRefused(String storageClass) {
    assertThatThrownBy(() -> ObjectAttributes.builder().storageClass(storageClass))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storage class must be one S3 names");
  }

  @Test
  void encryption_keyWithSseS3_isRefused() {
    assertThatThrownBy(() -> Encryption.sseS3().withBucketKey())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a KMS key id and the bucket key go with aws:kms only: AES256");
    assertThatThrownBy(() -> Encryption.sseKms("key id\r\nx: y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KMS key id must be a key id, ARN or alias");
  }

  @Test
  void encryption_isAValueOfItsSettings() {
    Encryption kms = Encryption.sseKms("alias/uploads").withBucketKey();

    assertThat(kms.algorithm()).isEqualTo(Encryption.AWS_KMS);
    assertThat(kms.kmsKeyId()).contains("alias/uploads");
    assertThat(kms.bucketKeyEnabled()).isTrue();
    assertThat(kms)
        .isEqualTo(Encryption.sseKms("alias/uploads").withBucketKey())
        .hasSameHashCodeAs(Encryption.sseKms("alias/uploads").withBucketKey())
        .isNotEqualTo(Encryption.sseKms("alias/uploads"))
        .isNotEqualTo(Encryption.sseKms());
    assertThat(kms).hasToString("Encryption[aws:kms, kmsKeyId=alias/uploads, bucketKey]");
    assertThat(Encryption.sseS3()).hasToString("Encryption[AES256]").isEqualTo(Encryption.sseS3());
  }

  @Test
  void build_fixedAndAllowedKey_isRefused() {
    assertThatThrownBy(
            () ->
                ObjectAttributes.builder()
                    .tag("presign-status", "pending")
                    .allowRequestTags("presign-status")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a fixed tag key cannot also be set by requests: \"presign-status\"");
    assertThatThrownBy(() -> ObjectAttributes.builder().metadata("a", "x".repeat(2048)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("metadata must be at most 2048 bytes (keys and values as sent): 2049");
  }

  @Test
  void toBuilder_keepsEverything_andTheValueIsImmutable() {
    assertThat(attributes.toBuilder().build()).isEqualTo(attributes).hasSameHashCodeAs(attributes);
    assertThat(ObjectAttributes.none().isEmpty()).isTrue();
    assertThat(attributes.isEmpty()).isFalse();
    assertThatThrownBy(() -> attributes.metadata().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(issuer.policy().toBuilder().build().attributes()).isEqualTo(attributes);
  }
}
