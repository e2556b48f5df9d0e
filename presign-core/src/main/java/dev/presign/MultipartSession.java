package dev.presign;

import java.time.Instant;
import java.util.Objects;

/**
 * A started multipart upload: the object's key and S3's upload id, the part plan, and the session
 * token the client hands back for every later step (part URLs, listing, completing, aborting). The
 * token is all a backend needs: any instance holding the same session key can continue the upload.
 *
 * <p>A result: {@link MultipartUploads} makes it, callers read it through its accessors or write it
 * as JSON (the components in order). A later version may add a component at the end; it then keeps
 * this constructor as well, so code that makes one for a test keeps compiling, but a record pattern
 * that lists every component does not. {@code toString()} leaves out the upload id and the token.
 *
 * @param key the object key the upload will land under
 * @param uploadId S3's multipart upload id
 * @param totalSize the declared size in bytes
 * @param partSize the size of every part but the last
 * @param partCount how many parts, 1 to 10,000
 * @param expiresAt when the session token stops being honoured
 * @param token the tamper-proof session token for the client
 */
public record MultipartSession(
    String key,
    String uploadId,
    long totalSize,
    long partSize,
    int partCount,
    Instant expiresAt,
    String token)
    implements IssuedUpload {

  /**
   * Creates the value.
   *
   * @param key the object key
   * @param uploadId S3's upload id
   * @param totalSize the declared size
   * @param partSize the size of every part but the last
   * @param partCount how many parts
   * @param expiresAt when the token expires
   * @param token the session token
   */
  public MultipartSession {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(uploadId, "uploadId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(token, "token");
  }

  /**
   * The size of one part: {@link #partSize()}, or what is left for the last.
   *
   * @param partNumber 1 to {@link #partCount()}
   * @return its size in bytes
   */
  public long sizeOf(int partNumber) {
    if (partNumber < 1 || partNumber > partCount) {
      throw new IllegalArgumentException(
          "partNumber must be between 1 and " + partCount + ": " + partNumber);
    }
    return partNumber < partCount ? partSize : totalSize - partSize * (partCount - 1);
  }

  /** {@return {@link IssuedUpload.Mechanism#MULTIPART}} */
  @Override
  public Mechanism mechanism() {
    return Mechanism.MULTIPART;
  }

  @Override
  public String toString() {
    return "MultipartSession[key="
        + key
        + ", totalSize="
        + totalSize
        + ", parts="
        + partCount
        + " x "
        + partSize
        + ", expiresAt="
        + expiresAt
        + ']';
  }
}
