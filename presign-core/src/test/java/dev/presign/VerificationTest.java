package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.Verification.Action;
import dev.presign.Verification.Check;
import dev.presign.Verification.Outcome;
import dev.presign.Verification.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The result types' factories and rules: what a consumer's own tests build instead of the
 * constructors.
 */
class VerificationTest {
  private static final Problem SIZE =
      Problem.of(Check.SIZE, "size must be the declared 12 bytes: 13");

  @Test
  void builder_everyComponent_equalsTheCanonicalConstructor() {
    Verification built =
        Verification.builder("uploads/a.png", Outcome.FAILED)
            .problems(List.of(SIZE))
            .size(13)
            .contentType("image/png")
            .action(Action.QUARANTINED)
            .quarantineKey("quarantine/uploads/a.png")
            .etag("\"e\"")
            .versionId("v1")
            .build();

    assertThat(built)
        .isEqualTo(
            new Verification(
                "uploads/a.png",
                Outcome.FAILED,
                List.of(SIZE),
                OptionalLong.of(13),
                Optional.of("image/png"),
                Action.QUARANTINED,
                Optional.of("quarantine/uploads/a.png"),
                Optional.of("\"e\""),
                Optional.of("v1"),
                Optional.empty()));
  }

  @Test
  void builder_onlyKeyAndOutcome_leavesEverythingEmptyAndKept() {
    Verification missing = Verification.builder("uploads/a.png", Outcome.MISSING).build();

    assertThat(missing.problems()).isEmpty();
    assertThat(missing.size()).isEmpty();
    assertThat(missing.contentType()).isEmpty();
    assertThat(missing.action()).isEqualTo(Action.KEPT);
    assertThat(missing.etag()).isEmpty();
    assertThat(missing.passed()).isFalse();
  }

  @Test
  void toBuilder_changesOneComponentKeepingTheRest() {
    Verification passed =
        Verification.builder("staging/a.png", Outcome.PASSED).size(12).etag("\"e\"").build();

    Verification promoted =
        passed.toBuilder().action(Action.PROMOTED).promotedKey("files/a.png").build();

    assertThat(promoted.promotedKey()).hasValue("files/a.png");
    assertThat(promoted.size()).isEqualTo(passed.size());
    assertThat(promoted.etag()).isEqualTo(passed.etag());
    assertThat(promoted.passed()).isTrue();
  }

  @Test
  void build_passedWithProblems_isRefused() {
    assertThatThrownBy(
            () -> Verification.builder("k", Outcome.PASSED).problems(List.of(SIZE)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("problems must be empty exactly when the outcome is PASSED: PASSED");
  }

  @Test
  void build_failedWithoutProblems_isRefused() {
    assertThatThrownBy(() -> Verification.builder("k", Outcome.FAILED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("problems must be empty exactly when the outcome is PASSED: FAILED");
  }

  @Test
  void build_quarantinedWithoutItsKey_isRefused() {
    assertThatThrownBy(
            () ->
                Verification.builder("k", Outcome.FAILED)
                    .problems(List.of(SIZE))
                    .action(Action.QUARANTINED)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "quarantineKey must be set exactly when the action is QUARANTINED: QUARANTINED");
  }

  @Test
  void build_promotedKeyWithoutPromotion_isRefused() {
    assertThatThrownBy(
            () -> Verification.builder("k", Outcome.PASSED).promotedKey("files/k").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("promotedKey must be set exactly when the action is PROMOTED: KEPT");
  }

  @Test
  void problems_areCopied() {
    List<Problem> problems = new ArrayList<>(List.of(SIZE));
    Verification.Builder builder = Verification.builder("k", Outcome.FAILED).problems(problems);
    problems.clear();

    assertThat(builder.build().problems()).containsExactly(SIZE);
  }

  @Test
  void builder_nulls_nameTheParameter() {
    assertThatThrownBy(() -> Verification.builder(null, Outcome.PASSED))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> Verification.builder("k", Outcome.PASSED).etag(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("etag");
    assertThatThrownBy(() -> Problem.of(Check.SIZE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("detail");
  }

  @Test
  void verifiableUploadOf_keepsTheTicketOutOfToString() {
    PresignedUpload upload =
        new PresignedUpload(
            "PUT",
            "https://b.s3.amazonaws.com/k?X-Amz-Signature=abc",
            Map.of("Content-Type", "image/png"),
            "k",
            Instant.parse("2026-12-02T10:00:00Z"));

    VerifiableUpload issued = VerifiableUpload.of(upload, "secret.ticket");

    assertThat(issued).isEqualTo(new VerifiableUpload(upload, "secret.ticket"));
    assertThat(issued.toString()).doesNotContain("secret.ticket");
  }
}
