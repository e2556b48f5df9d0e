package dev.presign.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException;
import dev.presign.InvalidRequestException.Reason;
import dev.presign.UploadRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy's request rules and the builder's list parsing, apart from PresignPolicy. */
class UploadChecksTest {
  private final UploadChecks checks =
      new UploadChecks(
          UploadChecks.parseRanges(List.of("image/*", "video/mp4")),
          10,
          100,
          true,
          Set.of("png", "mp4"),
          false);

  @Test
  void parseRanges_dropsRepeatsByNormalizedName() {
    assertThat(UploadChecks.parseRanges(List.of("image/PNG", "image/png", "video/*")))
        .extracting(MediaRange::toString)
        .containsExactly("image/png", "video/*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "image/png; charset=x", "*/png", "", "image/png,text/html"})
  void parseRanges_malformed_isRefusedWithTheValue(String entry) {
    assertThatThrownBy(() -> UploadChecks.parseRanges(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "allowed content type must be type/subtype, type/* or */* without parameters");
  }

  @Test
  void normalizeExtensions_dropsTheDotAndFoldsCase() {
    assertThat(UploadChecks.normalizeExtensions(".JPG", "png", "jpg"))
        .containsExactly("jpg", "png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "tar.gz", "p n g", "ünï", "x12345678901234567"})
  void normalizeExtensions_notAlphanumeric_isRefusedWithTheValue(String extension) {
    assertThatThrownBy(() -> UploadChecks.normalizeExtensions(extension))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed extension must be 1 to 16 ASCII letters or digits");
  }

  @Test
  void checkUpload_returnsTheNormalizedType() {
    assertThat(
            checks.checkUpload(UploadRequest.of("a.png", "Image/PNG; Charset=x", 50)).headerValue())
        .isEqualTo("image/png; charset=x");
  }

  @Test
  void checkUpload_checksNameThenTypeThenSizeThenExtension() {
    assertReason(
        () -> checks.checkUpload(UploadRequest.of(" ", "text/html", 1)), Reason.FILE_NAME_INVALID);
    assertReason(
        () -> checks.checkUpload(UploadRequest.of("a.txt", "text/html", 1)),
        Reason.CONTENT_TYPE_NOT_ALLOWED);
    assertReason(
        () -> checks.checkUpload(UploadRequest.of("a.txt", "image/png", 1)), Reason.TOO_SMALL);
    assertReason(
        () -> checks.checkUpload(UploadRequest.of("a.txt", "image/png", 101)), Reason.TOO_LARGE);
    assertReason(
        () -> checks.checkUpload(UploadRequest.of("a.txt", "image/png")), Reason.SIZE_MISSING);
    assertReason(
        () -> checks.checkUpload(UploadRequest.of("a.txt", "image/png", 50)),
        Reason.EXTENSION_NOT_ALLOWED);
  }

  @Test
  void checkPost_needsNoSizeButAConcreteType() {
    assertThat(checks.checkPost(UploadRequest.of("a.png", "image/png")).essence())
        .isEqualTo("image/png");
    assertReason(
        () -> checks.checkPost(UploadRequest.of("a.png", "image/*")), Reason.CONTENT_TYPE_INVALID);
    assertReason(
        () -> checks.checkPost(UploadRequest.of("a.png", "image/png", 101)), Reason.TOO_LARGE);
  }

  @Test
  void checkPost_checksTheNameAndTheExtensionToo() {
    assertReason(
        () -> checks.checkPost(UploadRequest.of(" ", "image/png")), Reason.FILE_NAME_INVALID);
    assertReason(
        () -> checks.checkPost(UploadRequest.of("a.gif", "image/png")),
        Reason.EXTENSION_NOT_ALLOWED);
  }

  @Test
  void checkUpload_fileNameOfTheMostCharacters_passesAndOneMoreIsRefused() {
    String name = "a".repeat(dev.presign.PresignPolicy.MAX_FILE_NAME_LENGTH - 4) + ".png";

    assertThat(checks.checkUpload(UploadRequest.of(name, "image/png", 50)).essence())
        .isEqualTo("image/png");
    assertReason(
        () -> checks.checkUpload(UploadRequest.of("a" + name, "image/png", 50)),
        Reason.FILE_NAME_INVALID);
  }

  @Test
  void checkUpload_extensionRules_nameTheMissingExtensionAndTheType() {
    UploadChecks matching =
        new UploadChecks(
            UploadChecks.parseRanges(List.of("image/*")), 0, 100, true, Set.of(), true);

    assertThatThrownBy(() -> checks.checkUpload(UploadRequest.of("noext", "image/png", 50)))
        .hasMessage("file extension must be one of mp4, png: \"(none)\"");
    assertThatThrownBy(() -> matching.checkUpload(UploadRequest.of("a.mp4", "image/png", 50)))
        .hasMessage("file extension must fit content type image/png: \"mp4\"");
    assertThat(matching.checkUpload(UploadRequest.of("a.png", "image/png", 50)).essence())
        .isEqualTo("image/png");
  }

  @Test
  void allows_matchesTheRanges() {
    assertThat(checks.allows(MediaType.parseOrNull("image/svg+xml"))).isTrue();
    assertThat(checks.allows(MediaType.parseOrNull("video/webm"))).isFalse();
  }

  private static void assertReason(Runnable check, Reason reason) {
    assertThatThrownBy(check::run)
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(reason);
  }
}
