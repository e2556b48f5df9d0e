package dev.presign;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.ObjectAttributes.Encryption;
import dev.presign.internal.attributes.Rfc2047;
import dev.presign.setup.SelfTest;
import dev.presign.test.StoreResponse;
import dev.presign.testing.StoreSuite;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Server-decided object attributes on PUT URLs: metadata, tags and storage class are signed headers
 * the client must send; the store keeps them, and refuses a client that drops or changes any of
 * them. S3Proxy 4.1.1 honours SSE-S3 and SSE-KMS (it wants a key id with {@code aws:kms}, which S3
 * does not) and answers 501 {@code NotImplemented} to {@code x-amz-tagging}, so tags round-trip
 * only on stores that keep them.
 */
class AttributesStoreTest extends StoreSuite {
  private static final String KMS_KEY =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final byte[] BYTES =
      "attribute test bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private UploadUrlIssuer issuer;

  @BeforeEach
  void setUp() {
    issuer =
        store
            .issuerBuilder()
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("text/plain")
                    .attributes(
                        ObjectAttributes.builder()
                            .storageClass(variant().storageClass())
                            .metadata("source", "web-upload")
                            .allowRequestMetadata("account-id", "original-name")
                            .build())
                    .build())
            .keyStrategy(KeyStrategy.uuid("attributes/"))
            .build();
  }

  private PresignedUpload issue() {
    return issuer.issueUpload(
        UploadRequest.of("notes.txt", "text/plain", BYTES.length)
            .withMetadata("account-id", "42")
            .withMetadata("original-name", "Résumé 履歴書.txt"));
  }

  @Test
  void put_withAttributes_storesMetadataAndStorageClass() {
    PresignedUpload upload = issue();

    assertThat(upload)
        .signsHeader("x-amz-storage-class", variant().storageClass())
        .signsHeader("x-amz-meta-account-id", "42");
    assertThat(store.client().put(upload, BYTES)).isAccepted();

    HeadObjectResponse head =
        store.s3Client().headObject(r -> r.bucket(store.bucket()).key(upload.key()));
    assertThat(storedClass(head)).isEqualTo(variant().storageClass());
    Map<String, String> metadata = new LinkedHashMap<>();
    head.metadata().forEach((k, v) -> metadata.put(k, Rfc2047.decode(v)));
    assertThat(metadata)
        .containsOnly(
            Map.entry("account-id", "42"),
            Map.entry("original-name", "Résumé 履歴書.txt"),
            Map.entry("source", "web-upload"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x-amz-storage-class",
        "x-amz-meta-account-id",
        "x-amz-meta-source",
        "x-amz-meta-original-name"
      })
  void put_droppingASignedAttribute_isRefusedAndStoresNothing(String header) {
    PresignedUpload upload = issue();
    Map<String, String> headers = new LinkedHashMap<>(upload.headers());
    headers.remove(header);

    StoreResponse response = store.client().put(upload, BYTES, headers);

    assertThat(response).isRefusedWith(403, "SignatureDoesNotMatch");
    assertThat(store.keys()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x-amz-storage-class=GLACIER_IR",
        "x-amz-meta-account-id=43",
        "x-amz-meta-source=evil"
      })
  void put_alteringASignedAttribute_isRefusedAndStoresNothing(String change) {
    PresignedUpload upload = issue();
    if (change.startsWith("x-amz-storage-class") && variant().storageClass().equals("STANDARD")) {
      // A store that knows no other class (RGW here) refuses another one as unknown before any
      // signature check.
      assertThat(upload).signsHeader("x-amz-storage-class", "STANDARD");
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>(upload.headers());
    int eq = change.indexOf('=');
    headers.put(change.substring(0, eq), change.substring(eq + 1));

    StoreResponse response = store.client().put(upload, BYTES, headers);

    assertThat(response).isRefusedWith(403, "SignatureDoesNotMatch");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void put_addingAnUnsignedMetadataHeader_isRefusedAndStoresNothing() {
    PresignedUpload upload = issue();
    Map<String, String> headers = new LinkedHashMap<>(upload.headers());
    headers.put("x-amz-meta-role", "admin");

    if (!variant().refusesUnsignedMetadata()) {
      // RGW 16.2.15 stores an unsigned x-amz-meta-* header (S3 refuses it): sent past the
      // cross-check, which
      // says S3 would refuse, to record what this store does.
      java.net.http.HttpRequest.Builder put =
          java.net.http.HttpRequest.newBuilder(upload.uri())
              .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(BYTES));
      headers.forEach(put::header);
      java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();
      try {
        assertThat(
                plain
                    .send(put.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode())
            .isEqualTo(200);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      assertThat(store.object(upload.key()).metadata()).containsEntry("role", "admin");
      return;
    }
    StoreResponse response = store.client().put(upload, BYTES, headers);

    assertThat(response).isRefusedWith(403, "AccessDenied");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void put_sseKmsWithKeyAndBucketKey_isSignedSentAndStored() {
    if (!supports(StoreProfile.Attribute.SSE_KMS)) {
      assertThatThrownBy(this::kmsUpload)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("does not take these object attributes of the policy: [SSE_KMS]");
      return;
    }
    PresignedUpload upload = kmsUpload();

    assertThat(upload)
        .signsHeader("x-amz-server-side-encryption", "aws:kms")
        .signsHeader("x-amz-server-side-encryption-aws-kms-key-id", KMS_KEY)
        .signsHeader("x-amz-server-side-encryption-bucket-key-enabled", "true");
    assertThat(store.client().put(upload, BYTES)).isAccepted();

    HeadObjectResponse head =
        store.s3Client().headObject(r -> r.bucket(store.bucket()).key(upload.key()));
    assertThat(head.serverSideEncryptionAsString()).isEqualTo("aws:kms");
    assertThat(head.ssekmsKeyId()).isEqualTo(KMS_KEY);
    assertThat(head.bucketKeyEnabled()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x-amz-server-side-encryption",
        "x-amz-server-side-encryption-aws-kms-key-id",
        "x-amz-server-side-encryption-bucket-key-enabled"
      })
  void put_droppingAnEncryptionHeader_isRefusedAndStoresNothing(String header) {
    if (!supports(StoreProfile.Attribute.SSE_KMS)) {
      assertThatThrownBy(this::kmsUpload).isInstanceOf(IllegalStateException.class);
      return;
    }
    PresignedUpload upload = kmsUpload();
    Map<String, String> dropped = new LinkedHashMap<>(upload.headers());
    dropped.remove(header);

    assertThat(store.client().put(upload, BYTES, dropped))
        .isRefusedWith(403, "SignatureDoesNotMatch");
    assertThat(store.keys()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x-amz-server-side-encryption=AES256",
        "x-amz-server-side-encryption-aws-kms-key-id=alias/attacker"
      })
  void put_alteringAnEncryptionHeader_isRefusedAndStoresNothing(String change) {
    if (!supports(StoreProfile.Attribute.SSE_KMS)) {
      assertThatThrownBy(this::kmsUpload).isInstanceOf(IllegalStateException.class);
      return;
    }
    PresignedUpload upload = kmsUpload();
    Map<String, String> altered = new LinkedHashMap<>(upload.headers());
    altered.put(
        change.substring(0, change.indexOf('=')), change.substring(change.indexOf('=') + 1));

    assertThat(store.client().put(upload, BYTES, altered))
        .isRefusedWith(403, "SignatureDoesNotMatch");
    assertThat(store.keys()).isEmpty();
  }

  private PresignedUpload kmsUpload() {
    return withAttributes(
            ObjectAttributes.builder()
                .encryption(Encryption.sseKms(KMS_KEY).withBucketKey())
                .build())
        .issueUpload(UploadRequest.of("notes.txt", "text/plain", BYTES.length));
  }

  @Test
  void put_sseS3_isStoredEncrypted() {
    if (!supports(StoreProfile.Attribute.SSE_S3)) {
      assertThatThrownBy(
              () ->
                  withAttributes(ObjectAttributes.builder().encryption(Encryption.sseS3()).build()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("[SSE_S3]");
      return;
    }
    UploadUrlIssuer s3 =
        withAttributes(ObjectAttributes.builder().encryption(Encryption.sseS3()).build());
    PresignedUpload upload =
        s3.issueUpload(UploadRequest.of("notes.txt", "text/plain", BYTES.length));

    assertThat(store.client().put(upload, BYTES)).isAccepted();

    assertThat(
            store
                .s3Client()
                .headObject(r -> r.bucket(store.bucket()).key(upload.key()))
                .serverSideEncryptionAsString())
        .isEqualTo("AES256");
  }

  @Test
  void put_withTags_isStoredWithThemWhereTheStoreKeepsTags() {
    UploadUrlIssuer tagged =
        withAttributes(
            ObjectAttributes.builder()
                .tag("presign-status", "pending")
                .allowRequestTags("project")
                .build());
    PresignedUpload upload =
        tagged.issueUpload(
            UploadRequest.of("notes.txt", "text/plain", BYTES.length)
                .withTag("project", "apollo 11"));
    assertThat(upload).signsHeader("x-amz-tagging", "presign-status=pending&project=apollo%2011");

    StoreResponse response = store.client().put(upload, BYTES);

    if (variant().objectTagging()) {
      assertThat(response).isAccepted();
      assertThat(
              store
                  .s3Client()
                  .getObjectTagging(r -> r.bucket(store.bucket()).key(upload.key()))
                  .tagSet())
          .extracting(t -> t.key() + "=" + t.value())
          .containsExactlyInAnyOrder("presign-status=pending", "project=apollo 11");
    } else {
      // S3Proxy 4.1.1 keeps no tags and says so rather than dropping them.
      assertThat(response).isRefusedWith(501, "NotImplemented");
      assertThat(store.keys()).isEmpty();
    }
  }

  @Test
  void put_droppingOrAlteringTheTagging_isRefusedAndStoresNothing() {
    UploadUrlIssuer tagged =
        withAttributes(ObjectAttributes.builder().tag("presign-status", "pending").build());
    PresignedUpload upload =
        tagged.issueUpload(UploadRequest.of("notes.txt", "text/plain", BYTES.length));
    Map<String, String> dropped = new LinkedHashMap<>(upload.headers());
    dropped.remove("x-amz-tagging");

    assertThat(store.client().put(upload, BYTES, dropped))
        .isRefusedWith(403, "SignatureDoesNotMatch");
    if (variant().objectTagging()) {
      Map<String, String> altered = new LinkedHashMap<>(upload.headers());
      altered.put("x-amz-tagging", "presign-status=verified");
      assertThat(store.client().put(upload, BYTES, altered))
          .isRefusedWith(403, "SignatureDoesNotMatch");
    }
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void selfTest_ofAnIssuerWithAttributes_passes() {
    // SelfTestTest shows the headers are sent; here the store accepts them, signed.
    SelfTest.Report report = SelfTest.run(issuer);

    assertThat(report.passed()).as(report.toString()).isTrue();
    assertThat(store.keys()).isEmpty();
  }

  private UploadUrlIssuer withAttributes(ObjectAttributes attributes) {
    return issuer.toBuilder()
        .policy(issuer.policy().toBuilder().attributes(attributes).build())
        .build();
  }

  /** S3 leaves {@code x-amz-storage-class} out of a HEAD of a STANDARD object. */
  private static String storedClass(
      software.amazon.awssdk.services.s3.model.HeadObjectResponse head) {
    return head.storageClassAsString() == null ? "STANDARD" : head.storageClassAsString();
  }
}
