package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException.Reason;
import dev.presign.internal.keys.ObjectKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Keys that NFKC normalization (which tools, file systems and sync clients apply) turns into {@code
 * .} or {@code ..} segments or into {@code /} and {@code \}, and the slash look-alikes NFKC leaves
 * alone, are refused with KEY_INVALID, from custom strategies and for downloads alike.
 */
class LookAlikeKeysScenarioTest {
  private static final String[] HOSTILE = {
    "uploads/\u2025/\u2025/etc/passwd", // two-dot leader
    "uploads/\u2024/a.png", // one-dot leader
    "uploads/\uFE30/a.png", // presentation form for vertical two-dot leader
    "uploads/\uFF0E\uFF0E/a.png", // fullwidth full stops
    "uploads/\uFF0E/a.png",
    "uploads/a\uFF0Fb.png", // fullwidth solidus
    "uploads/a\uFF3Cb.png", // fullwidth reverse solidus
    "uploads/a\uFE68b.png", // small reverse solidus
    "uploads/a\u2215b.png", // division slash
    "uploads/a\u2044b.png", // fraction slash
    "uploads/a\u29F8b.png", // big solidus
    "uploads/a\u2216b.png", // set minus
    "uploads/\u2100.png", // account of: NFKC a/c
    "\u2025/x.png",
    "uploads/\u2024\u2024\u2024/x.png"
  };

  @Test
  void violation_everyLookAlike_isNamed() {
    for (String key : HOSTILE) {
      assertThat(ObjectKeys.violation(key))
          .as(key)
          .isNotNull()
          .containsAnyOf("NFKC", "look-alikes");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "uploads/r\u00e9sum\u00e9.pdf",
        "uploads/\u65e5\u672c/\u5199\u771f.png",
        "uploads/\uFF21\uFF22.png",
        "uploads/\u2460.png",
        "uploads/a\u2024b.png",
        "uploads/x.\uFF50\uFF4E\uFF47"
      })
  void violation_otherNonAsciiKeys_stillPass(String key) {
    assertThat(ObjectKeys.violation(key)).isNull();
  }

  @Test
  void issueUpload_customStrategyWithALookAlike_isRefusedWithKeyInvalid() {
    for (String key : HOSTILE) {
      UploadUrlIssuer issuer = issuer().toBuilder().keyStrategy((request, now) -> key).build();

      assertThatThrownBy(() -> issuer.issueUpload(UploadRequest.of("a.png", "image/png", 1)))
          .as(key)
          .isInstanceOf(InvalidRequestException.class)
          .extracting(e -> ((InvalidRequestException) e).reason())
          .isEqualTo(Reason.KEY_INVALID);
      assertThatThrownBy(() -> issuer.issuePost(UploadRequest.of("a.png", "image/png", 1)))
          .as(key)
          .isInstanceOf(InvalidRequestException.class)
          .extracting(e -> ((InvalidRequestException) e).reason())
          .isEqualTo(Reason.KEY_INVALID);
    }
  }

  @Test
  void issueDownload_lookAlikeKey_isRefusedWithKeyInvalid() {
    for (String key : HOSTILE) {
      assertThatThrownBy(() -> issuer().issueDownload(key))
          .as(key)
          .isInstanceOf(InvalidRequestException.class)
          .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("NFKC", "look-alikes"))
          .extracting(e -> ((InvalidRequestException) e).reason())
          .isEqualTo(Reason.KEY_INVALID);
      assertThatThrownBy(() -> issuer().issueHead(key))
          .as(key)
          .isInstanceOf(InvalidRequestException.class)
          .extracting(e -> ((InvalidRequestException) e).reason())
          .isEqualTo(Reason.KEY_INVALID);
    }
  }

  private static UploadUrlIssuer issuer() {
    return UploadUrlIssuer.builder()
        .bucket("b-1")
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "secret")))
        .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
        .build();
  }
}
