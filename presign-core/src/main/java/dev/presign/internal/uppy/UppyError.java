package dev.presign.internal.uppy;

/**
 * A refusal of the handler's own, answered in Companion's error shape: its message is written by
 * presign for the end user, never taken from another library's exception.
 */
public final class UppyError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String reason;
  private final String allow;

  private UppyError(int status, String reason, String message, String allow) {
    super(message, null, false, false);
    this.status = status;
    this.reason = reason;
    this.allow = allow;
  }

  /**
   * A refusal.
   *
   * @param status the HTTP status
   * @param reason the stable reason code
   * @param message the end-user message, stating the rule and the offending value
   * @return the refusal
   */
  public static UppyError of(int status, String reason, String message) {
    return new UppyError(status, reason, message, "");
  }

  /**
   * A 400 {@code BAD_REQUEST}.
   *
   * @param message the end-user message
   * @return the refusal
   */
  public static UppyError badRequest(String message) {
    return of(400, "BAD_REQUEST", message);
  }

  /**
   * A 405 naming the methods the route answers, for the {@code Allow} header.
   *
   * @param allow the methods, e.g. {@code GET, DELETE}
   * @param message the end-user message
   * @return the refusal
   */
  public static UppyError methodNotAllowed(String allow, String message) {
    return new UppyError(405, "METHOD_NOT_ALLOWED", message, allow);
  }

  /** {@return the HTTP status} */
  public int status() {
    return status;
  }

  /** {@return the stable reason code} */
  public String reason() {
    return reason;
  }

  /** {@return the methods for an {@code Allow} header, or empty} */
  public String allow() {
    return allow;
  }
}
