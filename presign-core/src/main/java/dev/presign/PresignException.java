package dev.presign;

/**
 * A URL could not be issued. The message is safe to log and to show: it never contains a secret key,
 * a session token, a signature or a signed URL.
 *
 * <p>The direct subclass {@link PolicyViolationException} covers requests that break the policy; this
 * type itself covers conditions of the backend, such as credentials that expire too soon.
 */
public class PresignException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong; must be free of secrets
   */
  public PresignException(String message) {
    super(message);
  }

  /**
   * Creates an exception with its cause.
   *
   * @param message what went wrong; must be free of secrets
   * @param cause the underlying failure
   */
  public PresignException(String message, Throwable cause) {
    super(message, cause);
  }
}
