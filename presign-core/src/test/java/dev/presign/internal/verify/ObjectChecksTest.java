package dev.presign.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.PresignPolicy;
import dev.presign.Verification.Check;
import dev.presign.Verification.Problem;
import dev.presign.internal.policy.MediaType;
import dev.presign.testing.FakeS3Client;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

class ObjectChecksTest {
  private static final PresignPolicy POLICY =
      PresignPolicy.builder()
          .allowContentTypes("image/png", "text/plain")
          .minSize(2)
          .maxSize(100)
          .build();
  private static final Set<String> ALLOWED = Set.of("image/png", "text/plain");

  private final FakeS3Client s3 = new FakeS3Client();
  private final ObjectChecks checks =
      new ObjectChecks(s3, "b", POLICY, type -> ALLOWED.contains(type.essence()), true);

  private List<Problem> problems(Expectation expected) {
    HeadObjectResponse head = checks.headOrNull(expected.key());
    return checks.problems(expected, head);
  }

  @Test
  void problems_sizeOutsideThePolicy_winsOverTheDeclaredSize() {
    s3.put("k", "x".repeat(101), "text/plain");

    assertThat(problems(new Expectation("k", 5, null, null)))
        .containsExactly(Problem.of(Check.SIZE, "size must be between 2 and 100 bytes: 101"));
  }

  @Test
  void problems_storedTypeOtherThanDeclared_namesBoth() {
    s3.put("k", "plain text", "text/plain");

    assertThat(problems(new Expectation("k", -1, MediaType.parseOrNull("image/png"), null)))
        .containsExactly(
            Problem.of(
                Check.CONTENT_TYPE, "content type must be the declared image/png: \"text/plain\""),
            Problem.of(Check.CONTENT, "the first bytes do not look like image/png"));
  }

  @Test
  void problems_noDeclaredType_judgesTheBytesByTheStoredType() {
    s3.put("k", new byte[] {'a', 0, 'b'}, "text/plain");

    assertThat(problems(new Expectation("k", -1, null, null)))
        .containsExactly(Problem.of(Check.CONTENT, "the first bytes do not look like text/plain"));
  }

  @Test
  void problems_missingContentType_isATypeProblem() {
    s3.put("k", "plain text", null);

    assertThat(problems(new Expectation("k", -1, null, null)))
        .containsExactly(
            Problem.of(
                Check.CONTENT_TYPE, "content type must be one of image/png, text/plain: \"null\""));
  }

  @Test
  void headOrNull_nothingThere_isNull() {
    assertThat(checks.headOrNull("absent")).isNull();
    assertThat(checks.exists("absent")).isFalse();
  }
}
