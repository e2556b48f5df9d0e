package dev.presign;

import java.util.Objects;

/**
 * A URL could not be issued, or a call presign made to the store failed. The message is safe to
 * log: it never contains a secret key, a session token, a signature or a signed URL.
 *
 * <p>{@link #kind()} is for code: map it to an HTTP status, a retry or a metric. The direct
 * subclass {@link InvalidRequestException} covers requests that break the policy (kind {@link
 * Kind#INVALID_REQUEST}, with a finer {@link InvalidRequestException#reason()}); this type itself
 * covers conditions of the backend and the store, such as credentials that expire too soon or a
 * store that cannot be reached.
 *
 * <pre>{@code
 * } catch (PresignException e) {
 *   int status = switch (e.kind()) {
 *     case INVALID_REQUEST -> 400;
 *     case NOT_FOUND -> 404;
 *     case STORE_UNSUPPORTED -> 501;
 *     case STORE_REFUSED, STORE_INCONSISTENT -> 502;
 *     case CREDENTIALS_UNAVAILABLE, CREDENTIALS_EXPIRING, STORE_UNREACHABLE -> 503;
 *   };
 * }
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public class PresignException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * What kind of failure this is; stable names, safe to send to a client or to use as a metric tag.
   */
  public enum Kind {
    /**
     * The client's request was refused: it breaks the policy, names an unsafe key, or carries a
     * session, ticket or part list that is not valid; always an {@link InvalidRequestException}.
     * The client can fix it.
     */
    INVALID_REQUEST,
    /**
     * The credentials provider failed or returned nothing; no URL can be signed until it recovers.
     */
    CREDENTIALS_UNAVAILABLE,
    /**
     * The credentials expire too soon to sign a URL for the policy's lifetime; retry after they
     * refresh.
     */
    CREDENTIALS_EXPIRING,
    /**
     * The store could not be reached or the connection failed: network, DNS, TLS, timeout. Often
     * transient.
     */
    STORE_UNREACHABLE,
    /**
     * The store answered with an error, e.g. {@code AccessDenied}; the message names S3's error
     * code.
     */
    STORE_REFUSED,
    /**
     * The store answered that the object or the multipart upload does not exist (HTTP 404), e.g.
     * after an abort.
     */
    NOT_FOUND,
    /**
     * The store cannot do what was asked, per the issuer's {@link StoreProfile}, e.g. a POST form
     * on R2.
     */
    STORE_UNSUPPORTED,
    /** The store accepted a call but its answer lacked what S3 always sends, e.g. an ETag. */
    STORE_INCONSISTENT
  }

  /** The kind of failure; part of the serialized form. */
  private final Kind kind;

  /**
   * Creates an exception.
   *
   * @param kind what kind of failure this is
   * @param message what went wrong; must be free of secrets
   */
  public PresignException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * Creates an exception with its cause.
   *
   * @param kind what kind of failure this is
   * @param message what went wrong; must be free of secrets
   * @param cause the underlying failure
   */
  public PresignException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * {@return what kind of failure this is, for code: an HTTP status, a retry decision, a metric
   * tag}
   */
  public Kind kind() {
    return kind;
  }
}
