package dev.presign.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.ObjectAttributes;
import dev.presign.ObjectAttributes.Encryption;
import dev.presign.internal.attributes.Rfc2047;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

class StoredAttributesTest {
  private final ObjectAttributes attributes =
      ObjectAttributes.builder()
          .encryption(Encryption.sseS3())
          .storageClass("STANDARD")
          .metadata("name", "履歴書")
          .tag("presign-status", "pending")
          .build();

  @Test
  void differences_ofAMatchingObject_areNone_withStandardLeftOutAndNonAsciiEncoded() {
    HeadObjectResponse head =
        HeadObjectResponse.builder()
            .serverSideEncryption("AES256")
            .metadata(Map.of("name", Rfc2047.encode("履歴書")))
            .build();

    assertThat(
            StoredAttributes.differences(
                attributes, head, () -> Map.of("presign-status", "pending")))
        .isEmpty();
  }

  @Test
  void differences_ofABareObject_nameEachAttribute() {
    assertThat(
            StoredAttributes.differences(
                attributes, HeadObjectResponse.builder().storageClass("GLACIER").build(), Map::of))
        .containsExactly(
            "encryption \"AES256\" missing",
            "storage class must be \"STANDARD\": \"GLACIER\"",
            "metadata name \"履歴書\" missing",
            "tag presign-status \"pending\" missing");
  }

  @Test
  void differences_withoutFixedTags_neverReadTags() {
    ObjectAttributes untagged = attributes.toBuilder().build();
    ObjectAttributes none = ObjectAttributes.builder().storageClass("STANDARD").build();

    assertThat(
            StoredAttributes.differences(
                none,
                HeadObjectResponse.builder().build(),
                () -> {
                  throw new AssertionError("tags read");
                }))
        .isEmpty();
    assertThat(untagged.tags()).isNotEmpty();
  }
}
