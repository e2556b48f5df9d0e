package dev.presign.test;

import java.util.Objects;

/**
 * The offline check's answer: would S3 accept this request, and if not, why. The detail names
 * headers and parameters, never a secret or a signature.
 *
 * @param reason {@link Reason#ACCEPTED} or why S3 would refuse
 * @param detail what was found, for an assertion message
 */
public record SignatureVerdict(Reason reason, String detail) {

  /** Why a request would be refused, or that it would not be. */
  public enum Reason {
    /**
     * S3 would authenticate the request; {@link #status()} is 200, the status of a request that
     * succeeds.
     */
    ACCEPTED(200, ""),
    /**
     * An authentication parameter is missing or malformed: 400 AuthorizationQueryParametersError.
     */
    MALFORMED(400, "AuthorizationQueryParametersError"),
    /** The URL names another access key: 403 InvalidAccessKeyId. */
    UNKNOWN_ACCESS_KEY(403, "InvalidAccessKeyId"),
    /**
     * The URL's lifetime is over (at or after X-Amz-Date + X-Amz-Expires): 403 AccessDenied
     * ("Request has expired").
     */
    EXPIRED(403, "AccessDenied"),
    /**
     * The URL is dated more than 15 minutes after the request arrives: 403 AccessDenied ("Request
     * is not valid yet"). S3Proxy 4.1.1 accepts such URLs; S3 does not.
     */
    NOT_YET_VALID(403, "AccessDenied"),
    /**
     * The URL's session token is missing, extra or another than the credentials': 400 InvalidToken.
     */
    INVALID_TOKEN(400, "InvalidToken"),
    /** The request sends an {@code x-amz-*} header the URL does not sign: 403 AccessDenied. */
    UNSIGNED_HEADER(403, "AccessDenied"),
    /** A header the URL signs is not sent: 403 SignatureDoesNotMatch. */
    SIGNED_HEADER_MISSING(403, "SignatureDoesNotMatch"),
    /**
     * The signature differs from the one the SDK's signer computes for this method, path, query and
     * these header values (a signed header with another value, another secret): 403
     * SignatureDoesNotMatch.
     */
    SIGNATURE_MISMATCH(403, "SignatureDoesNotMatch");

    private final int status;
    private final String s3ErrorCode;

    Reason(int status, String s3ErrorCode) {
      this.status = status;
      this.s3ErrorCode = s3ErrorCode;
    }

    /** {@return the HTTP status Amazon S3 answers for this reason} */
    public int status() {
      return status;
    }

    /** {@return the error code Amazon S3 answers for this reason, empty for {@link #ACCEPTED}} */
    public String s3ErrorCode() {
      return s3ErrorCode;
    }
  }

  /**
   * Creates a verdict.
   *
   * @param reason the reason
   * @param detail the detail
   */
  public SignatureVerdict {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@return whether S3 would accept the request} */
  public boolean accepted() {
    return reason == Reason.ACCEPTED;
  }
}
