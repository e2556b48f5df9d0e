package dev.presign;

import static dev.presign.test.PresignAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.ObjectAttributes.Encryption;
import dev.presign.internal.attributes.Rfc2047;
import dev.presign.test.StoreResponse;
import dev.presign.testing.StoreSuite;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Object attributes on POST forms: each one a field and an exact condition of the signed policy.
 * The store keeps them, and refuses a form that leaves one out or changes it.
 */
class AttributesPostStoreTest extends StoreSuite {
  private static final String KMS_KEY =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final byte[] BYTES = "attribute form bytes".getBytes(StandardCharsets.US_ASCII);

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
                            .encryption(
                                supports(StoreProfile.Attribute.SSE_KMS)
                                    ? Encryption.sseKms(KMS_KEY)
                                    : null)
                            .storageClass(variant().storageClass())
                            .metadata("source", "web-form")
                            .allowRequestMetadata("account-id", "original-name")
                            .build())
                    .build())
            .keyStrategy(KeyStrategy.uuid("forms/"))
            .build();
  }

  private PresignedPost issue() {
    return issuer.issuePost(
        UploadRequest.of("notes.txt", "text/plain")
            .withMetadata("account-id", "42")
            .withMetadata("original-name", "Résumé 履歴書.txt"));
  }

  @Test
  void post_withAttributes_storesThem() {
    PresignedPost post = issue();
    String policy =
        new String(Base64.getDecoder().decode(post.fields().get("policy")), StandardCharsets.UTF_8);
    assertThat(policy)
        .contains("[\"eq\",\"$x-amz-storage-class\",\"" + variant().storageClass() + "\"]")
        .contains("[\"eq\",\"$x-amz-meta-account-id\",\"42\"]");
    if (supports(StoreProfile.Attribute.SSE_KMS)) {
      assertThat(policy).contains("[\"eq\",\"$x-amz-server-side-encryption\",\"aws:kms\"]");
    }

    assertThat(store.client().post(post, BYTES)).isAccepted();

    HeadObjectResponse head =
        store.s3Client().headObject(r -> r.bucket(store.bucket()).key(post.key()));
    assertThat(storedClass(head))
        .isEqualTo(variant().storageClassBeyondPut() ? variant().storageClass() : "STANDARD");
    if (supports(StoreProfile.Attribute.SSE_KMS)) {
      assertThat(head.serverSideEncryptionAsString()).isEqualTo("aws:kms");
      assertThat(head.ssekmsKeyId()).isEqualTo(KMS_KEY);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    head.metadata().forEach((k, v) -> metadata.put(k, Rfc2047.decode(v)));
    assertThat(metadata)
        .containsOnly(
            Map.entry("account-id", "42"),
            Map.entry("original-name", "Résumé 履歴書.txt"),
            Map.entry("source", "web-form"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x-amz-storage-class",
        "x-amz-meta-account-id",
        "x-amz-meta-source",
        "x-amz-server-side-encryption",
        "x-amz-server-side-encryption-aws-kms-key-id"
      })
  void post_withoutAnAttributeField_isRefusedAndStoresNothing(String field) {
    PresignedPost post = issue();
    if (!post.fields().containsKey(field)) {
      // A store without SSE: its profile keeps encryption out of the policy, so the form has no
      // such field.
      assertThat(supports(StoreProfile.Attribute.SSE_KMS)).isFalse();
      return;
    }
    Map<String, String> fields = new LinkedHashMap<>(post.fields());
    fields.remove(field);

    StoreResponse response = store.client().post(post, fields, BYTES);

    assertThat(response).isRefusedWith(403, "AccessDenied");
    assertThat(store.keys()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x-amz-storage-class=STANDARD",
        "x-amz-meta-account-id=43",
        "x-amz-meta-source=evil",
        "x-amz-server-side-encryption-aws-kms-key-id=alias/attacker"
      })
  void post_withAnAlteredAttributeField_isRefusedAndStoresNothing(String change) {
    PresignedPost post = issue();
    if (change.startsWith("x-amz-storage-class") && variant().storageClass().equals("STANDARD")) {
      // Another class than the only one the store knows: PostStoreTest covers its refusal as
      // unknown.
      assertThat(post).hasField("x-amz-storage-class", "STANDARD");
      return;
    }
    if (!post.fields().containsKey(change.substring(0, change.indexOf('=')))) {
      // A store without SSE: its profile keeps encryption out of the policy, so the form has no
      // such field.
      assertThat(supports(StoreProfile.Attribute.SSE_KMS)).isFalse();
      return;
    }
    Map<String, String> fields = new LinkedHashMap<>(post.fields());
    fields.put(change.substring(0, change.indexOf('=')), change.substring(change.indexOf('=') + 1));

    StoreResponse response = store.client().post(post, fields, BYTES);

    assertThat(response).isRefusedWith(403, "AccessDenied");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void post_withTags_isAcceptedAndATagsFieldLeftOutOrChangedIsRefused() {
    UploadUrlIssuer tagged =
        issuer.toBuilder()
            .policy(
                issuer.policy().toBuilder()
                    .attributes(
                        ObjectAttributes.builder()
                            .tag("presign-status", "pending")
                            .allowRequestTags("project")
                            .build())
                    .build())
            .build();
    PresignedPost post =
        tagged.issuePost(
            UploadRequest.of("notes.txt", "text/plain").withTag("project", "apollo 11"));
    String tagging =
        "<Tagging><TagSet><Tag><Key>presign-status</Key><Value>pending</Value></Tag>"
            + "<Tag><Key>project</Key><Value>apollo 11</Value></Tag></TagSet></Tagging>";
    assertThat(post).hasField("tagging", tagging);
    Map<String, String> dropped = new LinkedHashMap<>(post.fields());
    dropped.remove("tagging");
    Map<String, String> altered = new LinkedHashMap<>(post.fields());
    altered.put("tagging", tagging.replace("pending", "verified"));

    assertThat(store.client().post(post, dropped, BYTES)).isRefusedWith(403, "AccessDenied");
    assertThat(store.client().post(post, altered, BYTES)).isRefusedWith(403, "AccessDenied");
    assertThat(store.keys()).isEmpty();
    assertThat(store.client().post(post, BYTES)).isAccepted();
    if (variant().objectTagging()) {
      assertThat(
              store
                  .s3Client()
                  .getObjectTagging(r -> r.bucket(store.bucket()).key(post.key()))
                  .tagSet())
          .extracting(t -> t.key() + "=" + t.value())
          .containsExactlyInAnyOrder("presign-status=pending", "project=apollo 11");
    }
  }

  /** S3 leaves {@code x-amz-storage-class} out of a HEAD of a STANDARD object. */
  private static String storedClass(
      software.amazon.awssdk.services.s3.model.HeadObjectResponse head) {
    return head.storageClassAsString() == null ? "STANDARD" : head.storageClassAsString();
  }
}
