package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * UploadRequest as a value: factories, copies with one more property, equality and a log-safe
 * toString.
 */
class UploadRequestTest {
  private static final String SHA256 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

  @Test
  void of_withSize_hasOnlyWhatWasGiven() {
    UploadRequest request = UploadRequest.of("cat.png", "image/png", 12);

    assertThat(request.fileName()).isEqualTo("cat.png");
    assertThat(request.contentType()).isEqualTo("image/png");
    assertThat(request.size()).isEqualTo(OptionalLong.of(12));
    assertThat(request.principal()).isEmpty();
    assertThat(request.checksum()).isEmpty();
    assertThat(request.metadata()).isEmpty();
    assertThat(request.tags()).isEmpty();
    assertThat(UploadRequest.of("cat.png", "image/png").size()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, Long.MIN_VALUE})
  void of_negativeSize_isRefusedWithTheValue(long size) {
    assertThatThrownBy(() -> UploadRequest.of("cat.png", "image/png", size))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size must be >= 0: " + size);
  }

  @Test
  void of_null_namesTheParameter() {
    assertThatThrownBy(() -> UploadRequest.of(null, "image/png", 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fileName");
    assertThatThrownBy(() -> UploadRequest.of("cat.png", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("contentType");
    UploadRequest request = UploadRequest.of("cat.png", "image/png", 1);
    assertThatThrownBy(() -> request.withPrincipal(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("principal");
    assertThatThrownBy(() -> request.withChecksum(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("checksum");
    assertThatThrownBy(() -> request.withMetadata("k", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("value");
    assertThatThrownBy(() -> request.withTag(null, "v"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key");
  }

  @Test
  void with_returnsACopyAndLeavesTheOriginal() {
    UploadRequest plain = UploadRequest.of("cat.png", "image/png", 12);

    UploadRequest full =
        plain
            .withPrincipal("tenant-1")
            .withChecksum(Checksum.sha256(SHA256))
            .withMetadata("b", "2")
            .withMetadata("a", "1")
            .withTag("project", "apollo");

    assertThat(plain).isEqualTo(UploadRequest.of("cat.png", "image/png", 12));
    assertThat(full.principal()).isEqualTo(Optional.of("tenant-1"));
    assertThat(full.checksum()).contains(Checksum.sha256(SHA256));
    assertThat(full.metadata()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(full.tags()).containsExactly(Map.entry("project", "apollo"));
    assertThat(full.size()).isEqualTo(OptionalLong.of(12));
  }

  @Test
  void metadata_cannotBeChangedThroughTheAccessor() {
    UploadRequest request = UploadRequest.of("cat.png", "image/png", 12).withMetadata("a", "1");

    assertThatThrownBy(() -> request.metadata().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> request.tags().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equals_comparesEveryProperty() {
    UploadRequest request = UploadRequest.of("cat.png", "image/png", 12).withTag("t", "1");
    Map<UploadRequest, String> byRequest = new HashMap<>();
    byRequest.put(request, "found");

    assertThat(UploadRequest.of("cat.png", "image/png", 12).withTag("t", "1"))
        .isEqualTo(request)
        .hasSameHashCodeAs(request);
    assertThat(byRequest)
        .containsEntry(UploadRequest.of("cat.png", "image/png", 12).withTag("t", "1"), "found");
    assertThat(request)
        .isNotEqualTo(UploadRequest.of("cat.png", "image/png", 13).withTag("t", "1"))
        .isNotEqualTo(UploadRequest.of("cat.png", "image/png", 12))
        .isNotEqualTo(request.withPrincipal("p"))
        .isNotEqualTo(request.withMetadata("t", "1"))
        .isNotEqualTo(UploadRequest.of("cat.png", "image/png").withTag("t", "1"));
  }

  @Test
  void toString_quotesTheClientsTextAndShowsNoValuesOfMetadata() {
    UploadRequest request =
        UploadRequest.of("evil\n2026 INFO forged.png", "image/png", 12)
            .withPrincipal("p1")
            .withChecksum(Checksum.sha256(SHA256))
            .withMetadata("account", "private-value")
            .withTag("tag", "tag-value");

    assertThat(request.toString())
        .isEqualTo(
            "UploadRequest[fileName=\"evil\\u000A2026 INFO forged.png\", contentType=\"image/png\", size=12, "
                + "principal=\"p1\", checksum=SHA256, metadata=[account], tags=[tag]]")
        .doesNotContain(SHA256, "private-value", "tag-value");
  }
}
