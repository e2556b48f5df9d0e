package dev.presign.internal.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.ObjectAttributes;
import dev.presign.ObjectAttributes.Encryption;
import dev.presign.UploadRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

class MultipartAttributesTest {
  @Test
  void apply_everyAttribute_isSetOnCreateMultipartUpload() {
    AttributeHeaders headers =
        AttributeHeaders.of(
            ObjectAttributes.builder()
                .encryption(Encryption.sseKms("alias/uploads").withBucketKey())
                .storageClass("GLACIER_IR")
                .metadata("source", "web")
                .tag("presign-status", "pending")
                .allowRequestMetadata("original-name")
                .build());
    CreateMultipartUploadRequest.Builder request =
        CreateMultipartUploadRequest.builder().bucket("b").key("k");

    MultipartAttributes.apply(
        headers.entries(
            UploadRequest.of("a.mp4", "video/mp4", 1).withMetadata("original-name", "Résumé")),
        request);

    CreateMultipartUploadRequest built = request.build();
    assertThat(built.serverSideEncryptionAsString()).isEqualTo("aws:kms");
    assertThat(built.ssekmsKeyId()).isEqualTo("alias/uploads");
    assertThat(built.bucketKeyEnabled()).isTrue();
    assertThat(built.storageClassAsString()).isEqualTo("GLACIER_IR");
    assertThat(built.tagging()).isEqualTo("presign-status=pending");
    assertThat(built.metadata())
        .containsExactly(
            Map.entry("original-name", Rfc2047.encode("Résumé")), Map.entry("source", "web"));
  }

  @Test
  void taggingXml_ofUrlEncodedTags_isS3sTaggingDocument() {
    assertThat(
            PostAttributes.taggingXml(
                AttributeHeaders.tagging(
                    new java.util.TreeMap<>(Map.of("a b", "Ärger/2+2", "k", "")))))
        .isEqualTo(
            "<Tagging><TagSet><Tag><Key>a b</Key><Value>Ärger/2+2</Value></Tag>"
                + "<Tag><Key>k</Key><Value></Value></Tag></TagSet></Tagging>");
  }

  @Test
  void tagSet_ofUrlEncodedTags_givesBackEveryTag() {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("presign-status", "pending");
    tags.put("a b", "Ärger/2+2=4 @x:y");
    tags.put("k", "");

    assertThat(MultipartAttributes.tagSet(AttributeHeaders.tagging(tags)))
        .extracting(t -> t.key() + "|" + t.value())
        .containsExactly("presign-status|pending", "a b|Ärger/2+2=4 @x:y", "k|");
  }

  @Test
  void tagging_ofEntries_isTheTaggingHeaderOrEmpty() {
    AttributeHeaders tagged =
        AttributeHeaders.of(
            ObjectAttributes.builder()
                .metadata("source", "web")
                .tag("presign-status", "pending")
                .build());
    AttributeHeaders untagged =
        AttributeHeaders.of(ObjectAttributes.builder().metadata("source", "web").build());
    UploadRequest request = UploadRequest.of("a.mp4", "video/mp4", 1);

    assertThat(MultipartAttributes.tagging(tagged.entries(request)))
        .isEqualTo("presign-status=pending");
    assertThat(MultipartAttributes.tagging(untagged.entries(request))).isEmpty();
    assertThat(MultipartAttributes.tagging(null)).isEmpty();
  }
}
