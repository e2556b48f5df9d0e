package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException.Reason;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PresignPolicyTest {
  private final PresignPolicy policy =
      PresignPolicy.builder()
          .allowContentTypes("image/png", "image/jpeg", "video/*")
          .minSize(1)
          .maxSize(500L * 1024 * 1024)
          .build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "image/png",
        "IMAGE/PNG",
        "image/JPEG",
        "video/mp4",
        "Video/QuickTime",
        "image/png; charset=utf-8",
        "image/png;foo=\"bar baz\""
      })
  void check_allowedType_passes(String contentType) {
    assertThatCode(() -> policy.check(UploadRequest.of("a.bin", contentType, 10)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"image/png", "IMAGE/GIF", "Image/Jpeg", "VIDEO/MP4"})
  void check_underTurkishLocale_foldsCaseWithRootLocale(String contentType) {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      PresignPolicy turkish =
          PresignPolicy.builder()
              .allowContentTypes("IMAGE/PNG", "image/gif", "IMAGE/*", "VIDEO/*")
              .build();
      assertThat(turkish.allowedContentTypes())
          .containsExactly("image/png", "image/gif", "image/*", "video/*");
      assertThatCode(() -> turkish.check(UploadRequest.of("a", contentType, 1)))
          .doesNotThrowAnyException();
    } finally {
      Locale.setDefault(saved);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/html",
        "image/svg+xml",
        "application/octet-stream",
        "imagex/png",
        "image/pngx"
      })
  void check_typeNotAllowed_isRefusedWithReason(String contentType) {
    assertThatThrownBy(() -> policy.check(UploadRequest.of("a.png", contentType, 10)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("content type must be one of image/png, image/jpeg, video/*")
        .hasMessageContaining(contentType)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.CONTENT_TYPE_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "png",
        "image/*",
        "*/*",
        "image/png\r\nX-Evil: 1",
        "image/png\u0000",
        "image/png;"
      })
  void check_malformedType_isRefusedWithEscapedValue(String contentType) {
    assertThatThrownBy(() -> policy.check(UploadRequest.of("a.png", contentType, 10)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("content type must be a concrete media type such as image/png: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u0000"))
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.CONTENT_TYPE_INVALID);
  }

  // A TAB has two spellings once a signer or S3 canonicalizes the header: refused, so the signed
  // value is the one every store checks.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "video/mp4; name=\"a\tb\"",
        "video/mp4; name=\"\t\"",
        "video/mp4; name=\"a\\\tb\""
      })
  void check_tabInsideAQuotedParameter_isRefused(String contentType) {
    assertThatThrownBy(() -> policy.check(UploadRequest.of("a.mp4", contentType, 10)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("content type must be a concrete media type such as image/png: ")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.CONTENT_TYPE_INVALID);
  }

  @Test
  void check_tabBetweenParameters_isNormalizedAway() {
    assertThat(
            dev.presign.internal.policy.MediaType.parseOrNull("video/mp4;\tcodecs=avc1\t")
                .headerValue())
        .isEqualTo("video/mp4; codecs=avc1");
  }

  @ParameterizedTest
  @CsvSource({
    "524288001, TOO_LARGE, file size must be at most 524288000 bytes: 524288001",
    "0,         TOO_SMALL, file size must be at least 1 bytes: 0",
  })
  void check_sizeOutsideLimits_isRefused(long size, Reason reason, String message) {
    assertThatThrownBy(() -> policy.check(UploadRequest.of("a.png", "image/png", size)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(message)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(reason);
  }

  @Test
  void allowContentTypes_duplicatesInAnyCase_areKeptOnceInFirstOrder() {
    PresignPolicy policy =
        PresignPolicy.builder()
            .allowContentTypes(
                "image/png", "image/*", "IMAGE/PNG", "video/mp4", "Image/*", "image/png")
            .build();

    assertThat(policy.allowedContentTypes()).containsExactly("image/png", "image/*", "video/mp4");
  }

  @Test
  void check_sizeAtLimits_passes() {
    assertThatCode(() -> policy.check(UploadRequest.of("a.png", "image/png", 1)))
        .doesNotThrowAnyException();
    assertThatCode(() -> policy.check(UploadRequest.of("a.png", "image/png", 500L * 1024 * 1024)))
        .doesNotThrowAnyException();
  }

  @Test
  void check_undeclaredSize_isRefusedUnlessOptional() {
    assertThatThrownBy(() -> policy.check(UploadRequest.of("a.png", "image/png")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("the file size must be declared")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.SIZE_MISSING);

    PresignPolicy optional = policy.toBuilder().requireDeclaredSize(false).build();
    assertThatCode(() -> optional.check(UploadRequest.of("a.png", "image/png")))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1025, 10_000})
  void check_blankOrOverlongFileName_isRefused(int length) {
    String name = length == 0 ? "   " : "a".repeat(length);
    assertThatThrownBy(() -> policy.check(UploadRequest.of(name, "image/png", 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("file name must be 1 to 1024 characters and not blank")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.FILE_NAME_INVALID);
  }

  @Test
  void check_overlongFileName_messageIsShortened() {
    assertThatThrownBy(() -> policy.check(UploadRequest.of("a".repeat(10_000), "image/png", 1)))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250).contains("(10000 chars)"));
  }

  @ParameterizedTest
  @CsvSource({
    "cat.png, true",
    "CAT.JPG, true",
    "a.jpeg, true",
    "archive.tar.png, true",
    "evil.php, false",
    "noextension, false",
    "photo.png.exe, false",
    ".png, true"
  })
  void check_allowedExtensions(String fileName, boolean allowed) {
    PresignPolicy withExtensions =
        policy.toBuilder().allowExtensions("png", ".JPG", "jpeg").build();
    UploadRequest request = UploadRequest.of(fileName, "image/png", 1);
    if (allowed) {
      assertThatCode(() -> withExtensions.check(request)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> withExtensions.check(request))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageStartingWith("file extension must be one of jpeg, jpg, png: ")
          .extracting(e -> ((InvalidRequestException) e).reason())
          .isEqualTo(Reason.EXTENSION_NOT_ALLOWED);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "cat.png, image/png, true",
    "cat.jpg, image/jpeg, true",
    "cat.JPEG, image/jpeg, true",
    "clip.mov, video/quicktime, true",
    "cat.png, image/jpeg, false",
    "page.html, image/png, false",
    "noext, image/png, false",
    "clip.xyz, video/x-unknown, false"
  })
  void check_extensionMustMatchContentType(String fileName, String contentType, boolean fits) {
    PresignPolicy matching = policy.toBuilder().extensionMustMatchContentType(true).build();
    UploadRequest request = UploadRequest.of(fileName, contentType, 1);
    if (fits) {
      assertThatCode(() -> matching.check(request)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> matching.check(request))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageStartingWith("file extension must fit content type")
          .extracting(e -> ((InvalidRequestException) e).reason())
          .isEqualTo(Reason.EXTENSION_MISMATCH);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT0.5S", "PT-1S", "PT168H0.001S", "PT240H", "P8D"})
  void builder_ttlOutsideRange_isRefused(String ttl) {
    Duration duration = Duration.parse(ttl);
    assertThatThrownBy(() -> PresignPolicy.builder().uploadTtl(duration))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("uploadTtl must be")
        .hasMessageEndingWith(": " + duration);
    assertThatThrownBy(() -> PresignPolicy.builder().downloadTtl(duration))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("downloadTtl must be");
  }

  @Test
  void builder_ttlMessage_statesRuleAndValue() {
    assertThatThrownBy(() -> PresignPolicy.builder().uploadTtl(Duration.ofHours(240)))
        .hasMessage("uploadTtl must be between 1s and 7d: PT240H");
    assertThatThrownBy(() -> PresignPolicy.builder().uploadTtl(Duration.ofMillis(1500)))
        .hasMessage("uploadTtl must be a whole number of seconds: PT1.5S");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT1S", "PT168H", "P7D", "PT15M"})
  void builder_ttlInsideRange_isKept(String ttl) {
    PresignPolicy built =
        PresignPolicy.builder().allowContentTypes("*/*").uploadTtl(Duration.parse(ttl)).build();
    assertThat(built.uploadTtl()).isEqualTo(Duration.parse(ttl));
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "*/png", "image/png; charset=utf-8", "", "image/png\r\n"})
  void builder_malformedAllowedType_isRefused(String contentType) {
    assertThatThrownBy(() -> PresignPolicy.builder().allowContentTypes(contentType))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "allowed content type must be type/subtype, type/* or */* without parameters: ");
  }

  @Test
  void builder_withoutContentTypes_isRefused() {
    assertThatThrownBy(() -> PresignPolicy.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one content type must be allowed");
  }

  @Test
  void builder_minAboveMax_isRefused() {
    assertThatThrownBy(
            () -> PresignPolicy.builder().allowContentTypes("*/*").minSize(10).maxSize(5).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("minSize must not exceed maxSize: 10 > 5");
  }

  @Test
  void builder_badSizes_areRefused() {
    assertThatThrownBy(() -> PresignPolicy.builder().minSize(-1))
        .hasMessage("minSize must be >= 0: -1");
    assertThatThrownBy(() -> PresignPolicy.builder().maxSize(PresignPolicy.MAX_OBJECT_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxSize must be between 0 and");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "p.ng", "pñg", "toolongextension17", "\u212Ag", "\u0130co"})
  void builder_badExtension_isRefused(String extension) {
    assertThatThrownBy(() -> PresignPolicy.builder().allowExtensions(extension))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("allowed extension must be 1 to 16 ASCII letters or digits");
  }

  @Test
  void builder_nulls_nameTheParameter() {
    assertThatThrownBy(() -> PresignPolicy.builder().uploadTtl(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("uploadTtl");
    assertThatThrownBy(() -> PresignPolicy.builder().allowContentTypes((String[]) null))
        .hasMessage("contentTypes");
    assertThatThrownBy(() -> PresignPolicy.builder().allowContentTypes("image/png", null))
        .hasMessage("contentTypes element");
    assertThatThrownBy(() -> policy.check(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request");
  }

  @Test
  void toBuilder_copiesEverySetting() {
    PresignPolicy full =
        PresignPolicy.builder()
            .allowContentTypes("image/png")
            .minSize(2)
            .maxSize(3)
            .requireDeclaredSize(false)
            .uploadTtl(Duration.ofSeconds(7))
            .downloadTtl(Duration.ofSeconds(8))
            .allowExtensions("png")
            .extensionMustMatchContentType(true)
            .build();

    PresignPolicy copy = full.toBuilder().build();

    assertThat(copy).usingRecursiveComparison().isEqualTo(full);
    assertThat(copy.toString()).isEqualTo(full.toString());
  }

  @Test
  void accessors_areUnmodifiable() {
    assertThatThrownBy(() -> policy.allowedContentTypes().add("text/html"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> policy.allowedExtensions().add("html"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builder_changesAfterBuild_doNotReachThePolicy() {
    PresignPolicy.Builder builder = PresignPolicy.builder().allowContentTypes("image/png");
    PresignPolicy built = builder.build();

    builder.allowContentTypes("text/html").maxSize(1);

    assertThat(built.allowedContentTypes()).containsExactly("image/png");
    assertThat(built.maxSize()).isEqualTo(PresignPolicy.MAX_SINGLE_PUT_SIZE);
  }
}
