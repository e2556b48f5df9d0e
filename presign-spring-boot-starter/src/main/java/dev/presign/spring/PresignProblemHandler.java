package dev.presign.spring;

import dev.presign.InvalidRequestException;
import dev.presign.PresignException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns presign's exceptions into RFC 9457 {@code application/problem+json} responses.
 *
 * <ul>
 *   <li>{@link InvalidRequestException}: 400, the exception's message as {@code detail} (it states
 *       the rule and the offending value, safe to show the user who sent it) and its {@code
 *       reason}, e.g. {@code CONTENT_TYPE_NOT_ALLOWED}.
 *   <li>Any other {@link PresignException}: the status {@link #statusOf(PresignException.Kind)}
 *       gives, its {@code kind} as {@code reason}, and a generic {@code detail}: the message names
 *       backend details (the credentials provider, S3's error code), so it is logged, not sent.
 * </ul>
 *
 * <p>Registered by {@link PresignWebAutoConfiguration} unless {@code presign.errors.enabled=false}
 * or the application has a bean of this type. It has the lowest precedence, so the application's
 * own {@code @ExceptionHandler}s for these types win. Stateless and thread-safe.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PresignProblemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PresignProblemHandler.class);

  /** Creates the handler. */
  public PresignProblemHandler() {}

  /**
   * The HTTP status a kind of failure implies.
   *
   * @param kind the kind
   * @return 400 for a policy violation, 404 when the store has no such object or upload, 501 when
   *     the store cannot do what was asked, 502 when the store refused or answered wrongly, 503
   *     when credentials or the store are unavailable
   */
  public static HttpStatus statusOf(PresignException.Kind kind) {
    return switch (kind) {
      case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case STORE_UNSUPPORTED -> HttpStatus.NOT_IMPLEMENTED;
      case STORE_REFUSED, STORE_INCONSISTENT -> HttpStatus.BAD_GATEWAY;
      case CREDENTIALS_UNAVAILABLE, CREDENTIALS_EXPIRING, STORE_UNREACHABLE ->
          HttpStatus.SERVICE_UNAVAILABLE;
    };
  }

  /**
   * A request that breaks the policy.
   *
   * @param e the exception
   * @return 400 with the rule, the offending value and the reason
   */
  @ExceptionHandler(InvalidRequestException.class)
  public ResponseEntity<ProblemDetail> policyViolation(InvalidRequestException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("The upload request breaks the upload policy");
    problem.setProperty("reason", e.reason().name());
    return respond(problem);
  }

  /**
   * A failure of the backend or the store.
   *
   * @param e the exception
   * @return the status its kind implies, with the kind as reason
   */
  @ExceptionHandler(PresignException.class)
  public ResponseEntity<ProblemDetail> presignFailure(PresignException e) {
    if (e instanceof InvalidRequestException violation) {
      return policyViolation(violation);
    }
    HttpStatus status = statusOf(e.kind());
    LOG.warn("presign failed ({}): {}", e.kind(), e.getMessage(), e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailOf(e.kind()));
    problem.setTitle(status.getReasonPhrase());
    problem.setProperty("reason", e.kind().name());
    return respond(problem);
  }

  private static String detailOf(PresignException.Kind kind) {
    return switch (kind) {
      case INVALID_REQUEST ->
          "The request was refused: it breaks the upload policy or names an invalid upload.";
      case NOT_FOUND -> "The file or upload does not exist, or no longer exists.";
      case STORE_UNSUPPORTED -> "The file store does not support this kind of upload.";
      case STORE_REFUSED, STORE_INCONSISTENT -> "The file store refused the request.";
      case CREDENTIALS_UNAVAILABLE, CREDENTIALS_EXPIRING ->
          "Uploads are unavailable for a moment; try again later.";
      case STORE_UNREACHABLE -> "The file store cannot be reached; try again later.";
    };
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
