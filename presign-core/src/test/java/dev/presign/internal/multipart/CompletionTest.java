package dev.presign.internal.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException;
import dev.presign.UploadedPart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** The checks before CompleteMultipartUpload: what the client names, then what S3 holds. */
class CompletionTest {
  private static final long MIB5 = 5L << 20;
  // Three parts: 5 MiB, 5 MiB and a last one of 1,000 bytes.
  private static final PartPlan PLAN = PartPlan.of(2 * MIB5 + 1000, MIB5);

  static Stream<Arguments> badlyNamed() {
    return Stream.of(
        Arguments.of(
            "missing", List.of(p(1), p(2)), "every part must be named once: expected 3, got 2"),
        Arguments.of(
            "one too many",
            List.of(p(1), p(2), p(3), p(4)),
            "every part must be named once: expected 3, got 4"),
        Arguments.of("none", List.of(), "every part must be named once: expected 3, got 0"),
        Arguments.of(
            "repeated",
            List.of(p(1), p(2), p(2)),
            "parts must be numbered 1..3 in order: found 2 at position 3"),
        Arguments.of(
            "out of order",
            List.of(p(2), p(1), p(3)),
            "parts must be numbered 1..3 in order: found 2 at position 1"),
        Arguments.of(
            "gap",
            List.of(p(1), p(3), p(4)),
            "parts must be numbered 1..3 in order: found 3 at position 2"),
        Arguments.of(
            "zero",
            List.of(p(0), p(1), p(2)),
            "parts must be numbered 1..3 in order: found 0 at position 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badlyNamed")
  void checkNamed_notEveryPartOnceInOrder_refusedWithTheRule(
      String label, List<UploadedPart> named, String message) {
    assertThatThrownBy(() -> Completion.checkNamed(PLAN, named))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(message)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.PARTS_INVALID);
  }

  @Test
  void checkNamed_everyPartOnceInOrder_passes() {
    Completion.checkNamed(PLAN, List.of(p(1), p(2), p(3)));

    assertThat(PLAN.partCount()).isEqualTo(3);
  }

  @Test
  void checkNamed_nullElement_namesTheParameter() {
    assertThatThrownBy(() -> Completion.checkNamed(PLAN, Arrays.asList(p(1), null, p(3))))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("parts element");
    assertThatThrownBy(() -> Completion.checkNamed(PLAN, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("parts");
  }

  @Test
  void match_storeHoldsThePlan_completesWithTheStoresETagsInOrder() {
    List<UploadedPart> named =
        List.of(
            UploadedPart.of(1, "e1"), UploadedPart.of(2, "\"e2\""), UploadedPart.of(3, "\"e3\""));

    List<CompletedPart> completed = Completion.match(PLAN, named, held(MIB5, MIB5, 1000));

    assertThat(completed).extracting(CompletedPart::partNumber).containsExactly(1, 2, 3);
    // S3's quoted ETags are sent, whether or not the client kept the quotes.
    assertThat(completed)
        .extracting(CompletedPart::eTag)
        .containsExactly("\"e1\"", "\"e2\"", "\"e3\"");
  }

  static Stream<Arguments> storedDisagrees() {
    return Stream.of(
        Arguments.of("a part missing in S3", held(MIB5, MIB5), "S3 holds 2 of 3 parts"),
        Arguments.of("an extra part in S3", held(MIB5, MIB5, 1000, 1000), "S3 holds 4 of 3 parts"),
        Arguments.of(
            "a short middle part",
            held(MIB5, MIB5 - 1, 1000),
            "part 2 must be 5242880 bytes: 5242879"),
        Arguments.of("a long last part", held(MIB5, MIB5, 1001), "part 3 must be 1000 bytes: 1001"),
        Arguments.of(
            "a size S3 left out", held(MIB5, -1, 1000), "part 2 must be 5242880 bytes: -1"),
        Arguments.of(
            "a numbering gap in S3",
            List.of(
                new UploadedPart(1, "\"e1\"", MIB5),
                new UploadedPart(3, "\"e3\"", MIB5),
                new UploadedPart(4, "\"e4\"", 1000)),
            "S3 lists part 3 where part 2 belongs"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storedDisagrees")
  void match_storeHoldsSomethingElse_refusedWithTheRule(
      String label, List<UploadedPart> stored, String message) {
    assertThatThrownBy(() -> Completion.match(PLAN, List.of(p(1), p(2), p(3)), stored))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(message)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.PARTS_INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"other\"", "other", "\"e2", "e2\"", "\"E2\"", ""})
  void match_clientNamesAnotherETag_refusedNamingIt(String etag) {
    List<UploadedPart> named = List.of(p(1), new UploadedPart(2, etag, -1), p(3));

    assertThatThrownBy(() -> Completion.match(PLAN, named, held(MIB5, MIB5, 1000)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("part 2 has another ETag in S3: ");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t", "\"\""})
  void hasETag_emptyAnswers_false(String etag) {
    assertThat(Completion.hasETag(etag)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"71046e2ca1918d077bd783b79860a531-2\"", "x", "\"\"\""})
  void hasETag_anyOtherValue_true(String etag) {
    assertThat(Completion.hasETag(etag)).isTrue();
  }

  private static UploadedPart p(int number) {
    return UploadedPart.of(number, "\"e" + number + "\"");
  }

  private static List<UploadedPart> held(long... sizes) {
    List<UploadedPart> parts = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      parts.add(new UploadedPart(i + 1, "\"e" + (i + 1) + "\"", sizes[i]));
    }
    return parts;
  }
}
