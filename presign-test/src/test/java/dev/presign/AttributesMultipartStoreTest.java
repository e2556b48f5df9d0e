package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.ObjectAttributes.Encryption;
import dev.presign.internal.attributes.Rfc2047;
import dev.presign.testing.StoreSuite;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Object attributes on multipart uploads: set by CreateMultipartUpload, carried by the completed
 * object.
 */
class AttributesMultipartStoreTest extends StoreSuite {
  private static final int MIB = 1024 * 1024;
  private static final byte[] SESSION_KEY =
      "attributes-session-key-for-tests-0123456789".getBytes(StandardCharsets.US_ASCII);
  private static final String KMS_KEY =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private UploadUrlIssuer issuer;
  private MultipartUploads multipart;

  @BeforeEach
  void setUp() {
    issuer =
        store
            .issuerBuilder()
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("video/mp4")
                    .maxSize(PresignPolicy.MAX_OBJECT_SIZE)
                    .attributes(
                        ObjectAttributes.builder()
                            .encryption(
                                supports(StoreProfile.Attribute.SSE_KMS)
                                    ? Encryption.sseKms(KMS_KEY)
                                    : null)
                            .storageClass(variant().storageClass())
                            .metadata("source", "web-multipart")
                            .allowRequestMetadata("account-id", "original-name")
                            .build())
                    .build())
            .keyStrategy(KeyStrategy.uuid("videos/"))
            .build();
    multipart =
        MultipartUploads.builder().issuer(issuer).sessionKey(SESSION_KEY).partSize(5 * MIB).build();
  }

  @AfterEach
  void tearDown() {
    multipart.close();
  }

  @Test
  void multipart_withAttributes_completesToAnObjectThatCarriesThem() {
    byte[] file = new byte[5 * MIB + 1_000];
    new Random(18).nextBytes(file);
    MultipartSession session =
        multipart.start(
            UploadRequest.of("film.mp4", "video/mp4", file.length)
                .withMetadata("account-id", "42")
                .withMetadata("original-name", "Résumé 履歴書.mp4"));
    List<PresignedPart> parts = multipart.presignAllParts(session.token());

    List<UploadedPart> sent = store.client().putParts(session, parts, file);
    multipart.complete(session.token(), sent);

    HeadObjectResponse head =
        store.s3Client().headObject(r -> r.bucket(store.bucket()).key(session.key()));
    assertThat(head.contentLength()).isEqualTo(file.length);
    if (supports(StoreProfile.Attribute.SSE_KMS)) {
      assertThat(head.serverSideEncryptionAsString()).isEqualTo("aws:kms");
      assertThat(head.ssekmsKeyId()).isEqualTo(KMS_KEY);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    head.metadata().forEach((k, v) -> metadata.put(k, Rfc2047.decode(v)));
    assertThat(metadata)
        .containsOnly(
            Map.entry("account-id", "42"),
            Map.entry("original-name", "Résumé 履歴書.mp4"),
            Map.entry("source", "web-multipart"));
    // CreateMultipartUpload carries the class (MultipartAttributesTest); S3Proxy 4.1.1 does not
    // apply it, RGW does.
    assertThat(storedClass(head))
        .isEqualTo(variant().storageClassBeyondPut() ? variant().storageClass() : "STANDARD");
  }

  @Test
  void multipart_withTags_carriesThemWhereTheStoreKeepsTags() {
    UploadUrlIssuer tagged =
        issuer.toBuilder()
            .policy(
                issuer.policy().toBuilder()
                    .attributes(ObjectAttributes.builder().tag("presign-status", "pending").build())
                    .build())
            .build();
    try (MultipartUploads uploads = multipart.toBuilder().issuer(tagged).build()) {
      UploadRequest request = UploadRequest.of("film.mp4", "video/mp4", 6L * MIB);
      if (variant().objectTagging()) {
        MultipartSession session = uploads.start(request);
        byte[] file = new byte[6 * MIB];
        uploads.complete(
            session.token(),
            store.client().putParts(session, uploads.presignAllParts(session.token()), file));
        // RGW 16.2.15 drops x-amz-tagging on CreateMultipartUpload (see the next test); its profile
        // has complete() set the tags the session token carries.
        assertThat(
                store
                    .s3Client()
                    .getObjectTagging(r -> r.bucket(store.bucket()).key(session.key()))
                    .tagSet())
            .extracting(t -> t.key() + "=" + t.value())
            .containsExactly("presign-status=pending");
      } else {
        // S3Proxy 4.1.1 keeps no tags, and refuses to start rather than drop them.
        assertThatThrownBy(() -> uploads.start(request))
            .isInstanceOf(PresignException.class)
            .hasMessageContaining("NotImplemented");
        assertThat(store.multipartUploads()).isEmpty();
      }
    }
  }

  @Test
  void multipart_withTagsTooLongForTheSessionToken_isRefusedWhereTheTokenMustCarryThem() {
    ObjectAttributes.Builder attributes = ObjectAttributes.builder();
    for (int i = 0; i < 10; i++) {
      // Each '@' is sent as %40: about 3,300 characters of tagging, more than a 4,096-character
      // token holds.
      attributes.tag("k" + i, "@".repeat(110));
    }
    UploadUrlIssuer tagged =
        issuer.toBuilder()
            .policy(issuer.policy().toBuilder().attributes(attributes.build()).build())
            .build();
    try (MultipartUploads uploads = multipart.toBuilder().issuer(tagged).build()) {
      UploadRequest request = UploadRequest.of("film.mp4", "video/mp4", 6L * MIB);
      if (!variant().objectTagging()) {
        assertThatThrownBy(() -> uploads.start(request))
            .isInstanceOf(PresignException.class)
            .hasMessageContaining("NotImplemented");
      } else if (store.profile().filter(StoreProfile::dropsMultipartTagging).isPresent()) {
        assertThatThrownBy(() -> uploads.start(request))
            .isInstanceOfSatisfying(
                InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidRequestException.Reason.TAGS_INVALID))
            .hasMessageContaining(
                "tags travel in its session token, which may be 4096 characters long");
      } else {
        // The store keeps CreateMultipartUpload's tags: the token carries none.
        MultipartSession session = uploads.start(request);
        assertThat(session.token()).hasSizeLessThan(1_000);
        uploads.abort(session.token());
      }
      assertThat(store.multipartUploads()).isEmpty();
      assertThat(store.keys()).isEmpty();
    }
  }

  @Test
  void createMultipartUpload_withTagging_keepsThemOnlyWhereTheProfileDoesNotSayItDropsThem() {
    String key = "videos/direct-" + System.nanoTime() + ".mp4";
    S3Client s3 = store.s3Client();
    if (!variant().objectTagging()) {
      // S3Proxy 4.1.1: 501 NotImplemented, and no upload started.
      assertThatThrownBy(
              () ->
                  s3.createMultipartUpload(
                      r -> r.bucket(store.bucket()).key(key).tagging("presign-status=pending")))
          .isInstanceOfSatisfying(
              S3Exception.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(501);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
              });
      assertThat(store.multipartUploads()).isEmpty();
      return;
    }
    // The store's own behaviour, without presign: the AWS SDK's CreateMultipartUpload with
    // x-amz-tagging.
    String uploadId =
        s3.createMultipartUpload(
                r ->
                    r.bucket(store.bucket())
                        .key(key)
                        .contentType("video/mp4")
                        .tagging("presign-status=pending"))
            .uploadId();
    String etag =
        s3.uploadPart(
                r -> r.bucket(store.bucket()).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(new byte[1_000]))
            .eTag();
    s3.completeMultipartUpload(
        r ->
            r.bucket(store.bucket())
                .key(key)
                .uploadId(uploadId)
                .multipartUpload(
                    m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

    List<String> tags =
        s3.getObjectTagging(r -> r.bucket(store.bucket()).key(key)).tagSet().stream()
            .map(t -> t.key() + "=" + t.value())
            .toList();

    assertThat(tags)
        .isEqualTo(variant().multipartTagging() ? List.of("presign-status=pending") : List.of());
    assertThat(store.profile().filter(StoreProfile::dropsMultipartTagging).isPresent())
        .as("the profile says the store drops multipart tagging exactly when it does")
        .isEqualTo(!variant().multipartTagging());
  }

  /** S3 leaves {@code x-amz-storage-class} out of a HEAD of a STANDARD object. */
  private static String storedClass(
      software.amazon.awssdk.services.s3.model.HeadObjectResponse head) {
    return head.storageClassAsString() == null ? "STANDARD" : head.storageClassAsString();
  }
}
