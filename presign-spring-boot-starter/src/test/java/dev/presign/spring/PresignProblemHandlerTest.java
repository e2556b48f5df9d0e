package dev.presign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.PresignException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ProblemDetail;

/** The HTTP answer for each kind of failure, and what of the failure's message it sends. */
class PresignProblemHandlerTest {
  @ParameterizedTest
  @CsvSource({
    "INVALID_REQUEST, 400",
    "NOT_FOUND, 404",
    "STORE_UNSUPPORTED, 501",
    "STORE_REFUSED, 502",
    "STORE_INCONSISTENT, 502",
    "CREDENTIALS_UNAVAILABLE, 503",
    "CREDENTIALS_EXPIRING, 503",
    "STORE_UNREACHABLE, 503"
  })
  void statusOf_eachKind(PresignException.Kind kind, int status) {
    assertThat(PresignProblemHandler.statusOf(kind).value()).isEqualTo(status);
  }

  @Test
  void presignFailure_sendsTheKindButNotTheBackendsMessage() {
    ProblemDetail problem =
        new PresignProblemHandler()
            .presignFailure(
                new PresignException(
                    PresignException.Kind.STORE_REFUSED,
                    "S3 refused HeadObject: AccessDenied (HTTP 403)"))
            .getBody();

    assertThat(problem).isNotNull();
    assertThat(problem.getStatus()).isEqualTo(502);
    assertThat(problem.getProperties()).containsEntry("reason", "STORE_REFUSED");
    assertThat(problem.getDetail())
        .isEqualTo("The file store refused the request.")
        .doesNotContain("AccessDenied");
  }
}
