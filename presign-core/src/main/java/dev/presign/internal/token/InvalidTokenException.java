package dev.presign.internal.token;

/**
 * A sealed token was refused: malformed, not authentic, of another kind, for another bucket or
 * expired. The message says which, names the token's kind ({@code ticket}, {@code session token})
 * and nothing of its content, so it is safe to show the client that sent it. Checked, so that no
 * caller can forget to turn it into the public exception its API promises.
 */
public final class InvalidTokenException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception, without a stack trace: a refused token is an expected outcome, not a
   * bug.
   *
   * @param message why, safe to show
   */
  public InvalidTokenException(String message) {
    super(message, null, false, false);
  }
}
