package dev.presign;

import java.util.Objects;

/**
 * Input was refused because it breaks a rule presign enforces: an upload or download request that
 * breaks the {@link PresignPolicy}, an unsafe object key, a multipart session token or upload
 * ticket that is malformed, edited, made with another key or expired ({@link
 * Reason#SESSION_INVALID}, {@link Reason#TICKET_INVALID}: refused before S3 is asked), or parts
 * named to complete a multipart upload that are missing, out of order or not what S3 holds ({@link
 * Reason#PARTS_INVALID}). No URL was signed for the refused input and nothing was completed or
 * verified with it; a multipart upload that {@code start()} refuses after creating it (tags too
 * long for its session token) is aborted again.
 *
 * <p>{@link #reason()} is for code (map it to an HTTP 400, a form error, a metric); the message
 * states the rule and the offending value, quoted and escaped, and is safe to show the end user who
 * sent it.
 *
 * <pre>{@code
 * try {
 *   return issuer.issueUpload(request);
 * } catch (InvalidRequestException e) {
 *   return badRequest(e.reason().name(), e.getMessage());
 * }
 * }</pre>
 */
public final class InvalidRequestException extends PresignException {
  private static final long serialVersionUID = 1L;

  /** What kind of rule was broken. */
  public enum Reason {
    /**
     * The content type is not a valid concrete media type, e.g. {@code image}, {@code image/*} or
     * one with CR/LF.
     */
    CONTENT_TYPE_INVALID,
    /** The content type is valid but not among the policy's allowed types. */
    CONTENT_TYPE_NOT_ALLOWED,
    /** The policy requires a declared size and the request has none. */
    SIZE_MISSING,
    /** The declared size is above the policy's maximum, or above what one PUT can carry. */
    TOO_LARGE,
    /** The declared size is below the policy's minimum. */
    TOO_SMALL,
    /** The file name is blank or longer than the library accepts. */
    FILE_NAME_INVALID,
    /** The file's extension is missing or not among the policy's allowed extensions. */
    EXTENSION_NOT_ALLOWED,
    /** The file's extension does not fit its declared content type. */
    EXTENSION_MISMATCH,
    /**
     * A key strategy needs a principal and the request has none, or it is not a safe folder name.
     */
    PRINCIPAL_INVALID,
    /**
     * The object key is not a safe S3 key: too long, control characters, {@code ..} segments and
     * the like.
     */
    KEY_INVALID,
    /**
     * A multipart session token is malformed, was edited, was made with another key, or expired.
     */
    SESSION_INVALID,
    /**
     * The parts named to complete a multipart upload are missing, repeated, out of order or the
     * wrong size.
     */
    PARTS_INVALID,
    /** A header value asked for, such as a download's Cache-Control, is malformed. */
    HEADER_INVALID,
    /** An upload ticket is malformed, was edited, was made with another key, or expired. */
    TICKET_INVALID,
    /**
     * The checksum algorithm asked for is one the store (per the issuer's profile) does not accept.
     */
    CHECKSUM_UNSUPPORTED,
    /** User metadata asked for is not allowed by the policy, malformed, or over S3's 2 KB. */
    METADATA_INVALID,
    /**
     * A tag asked for is not allowed by the policy, malformed, or over S3's limits (10 tags,
     * 128/256 characters).
     */
    TAGS_INVALID
  }

  /** The kind of rule that was broken; part of the serialized form. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason the broken rule's kind
   * @param message the rule and the offending value; must be safe to show an end user
   */
  public InvalidRequestException(Reason reason, String message) {
    super(Kind.INVALID_REQUEST, message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** {@return the kind of rule that was broken} */
  public Reason reason() {
    return reason;
  }
}
