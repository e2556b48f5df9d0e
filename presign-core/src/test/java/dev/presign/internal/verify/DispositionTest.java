package dev.presign.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.ObjectAttributes;
import dev.presign.PresignException;
import dev.presign.Verification;
import dev.presign.Verification.Action;
import dev.presign.Verification.Check;
import dev.presign.Verification.Outcome;
import dev.presign.Verification.Problem;
import dev.presign.testing.FakeS3Client;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

class DispositionTest {
  private static final List<Problem> FAILED =
      List.of(Problem.of(Check.SIZE, "size must be the declared 1 bytes: 2"));
  private final FakeS3Client s3 = new FakeS3Client();

  private Disposition disposition(Action onFailure, String staging, String permanent) {
    return new Disposition(
        s3, "b", ObjectAttributes.none(), onFailure, "quarantine/", staging, permanent, null, null);
  }

  private HeadObjectResponse stored(String key) {
    s3.put(key, "ab", "text/plain").versionId("v1");
    return s3.headObject(r -> r.bucket("b").key(key));
  }

  @Test
  void decide_failedWhenQuarantining_copiesTheCheckedVersionThenDeletesIt() {
    HeadObjectResponse head = stored("k");

    Verification result = disposition(Action.QUARANTINED, null, null).decide("k", head, FAILED);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.action()).isEqualTo(Action.QUARANTINED);
    assertThat(result.quarantineKey()).hasValue("quarantine/k");
    assertThat(result.versionId()).hasValue("v1");
    assertThat(s3.calls())
        .containsExactly("HeadObject k", "CopyObject k -> quarantine/k", "DeleteObject k");
  }

  @Test
  void decide_failedWhenKeeping_changesNothing() {
    HeadObjectResponse head = stored("k");

    Verification result = disposition(Action.KEPT, null, null).decide("k", head, FAILED);

    assertThat(result.action()).isEqualTo(Action.KEPT);
    assertThat(result.problems()).isEqualTo(FAILED);
    assertThat(s3.calls()).containsExactly("HeadObject k");
  }

  @Test
  void decide_passedWithoutPromotion_keepsAndReportsWhatHeadSaw() {
    HeadObjectResponse head = stored("k");

    Verification result = disposition(Action.QUARANTINED, null, null).decide("k", head, List.of());

    assertThat(result)
        .isEqualTo(
            Verification.builder("k", Outcome.PASSED)
                .size(2)
                .contentType("text/plain")
                .etag(head.eTag())
                .versionId("v1")
                .build());
  }

  @Test
  void decide_passedWhenPromotingButTheObjectChanged_failsTheCopyAndDeletesNothing() {
    HeadObjectResponse head = stored("staging/k");
    s3.put("staging/k", "replaced", "text/plain");

    assertThatThrownBy(
            () ->
                disposition(Action.QUARANTINED, "staging/", "files/")
                    .decide("staging/k", head, List.of()))
        .isInstanceOf(PresignException.class)
        .hasMessageContaining("PreconditionFailed");
    assertThat(s3.keys()).containsExactly("staging/k");
  }

  @Test
  void missing_isKeptWithNothingElse() {
    assertThat(Disposition.missing("k"))
        .isEqualTo(Verification.builder("k", Outcome.MISSING).build());
  }
}
