package dev.presign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.IssuedUpload.Mechanism;
import dev.presign.PresignException;
import dev.presign.StoreProfile;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The PUT / POST / multipart choice, made before anything is signed or sent. */
class UploadMethodTest {
  private static final long THRESHOLD = 100L << 20;

  @ParameterizedTest(name = "{0} bytes -> {1}")
  @CsvSource({
    "0, PUT",
    "1, PUT",
    "104857599, PUT",
    "104857600, PUT",
    "104857601, MULTIPART",
    "5497558138880, MULTIPART"
  })
  void choose_declaredSize_putUpToTheThresholdPartsAbove(long size, Mechanism expected) {
    assertThat(UploadMethod.choose(OptionalLong.of(size), THRESHOLD, null)).isEqualTo(expected);
    assertThat(UploadMethod.choose(OptionalLong.of(size), THRESHOLD, StoreProfile.CLOUDFLARE_R2))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "5242880, 5242880, PUT",
    "5242880, 5242881, MULTIPART",
    "5368709120, 5368709120, PUT",
    "5368709120, 5368709121, MULTIPART"
  })
  void choose_thresholdIsInclusive(long threshold, long size, Mechanism expected) {
    assertThat(UploadMethod.choose(OptionalLong.of(size), threshold, null)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(
      value = StoreProfile.class,
      names = {"CLOUDFLARE_R2", "BACKBLAZE_B2"},
      mode = EnumSource.Mode.EXCLUDE)
  void choose_unknownSize_postFormOnEveryStoreThatTakesOne(StoreProfile profile) {
    assertThat(profile.supportsPost()).isTrue();
    assertThat(UploadMethod.choose(OptionalLong.empty(), THRESHOLD, profile))
        .isEqualTo(Mechanism.POST);
  }

  @ParameterizedTest
  @CsvSource({"104857600", "5242880"})
  void choose_unknownSizeWithoutAProfile_postForm(long threshold) {
    assertThat(UploadMethod.choose(OptionalLong.empty(), threshold, null))
        .isEqualTo(Mechanism.POST);
  }

  @ParameterizedTest
  @EnumSource(
      value = StoreProfile.class,
      names = {"CLOUDFLARE_R2", "BACKBLAZE_B2"})
  void choose_unknownSizeOnAStoreWithoutPostForms_refusedAskingForTheSize(StoreProfile profile) {
    assertThat(profile.supportsPost()).isFalse();
    assertThatThrownBy(() -> UploadMethod.choose(OptionalLong.empty(), THRESHOLD, profile))
        .isInstanceOf(PresignException.class)
        .hasMessage(
            profile
                + " does not accept presigned POST forms; declare the size for a PUT or a multipart upload")
        .extracting(e -> ((PresignException) e).kind())
        .isEqualTo(PresignException.Kind.STORE_UNSUPPORTED);
  }
}
