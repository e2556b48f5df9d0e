package dev.presign.internal.verify;

import static dev.presign.internal.S3Calls.call;

import dev.presign.internal.policy.MediaType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads a stored object's first {@link MagicNumbers#PREFIX_BYTES} bytes and judges them against a
 * type.
 */
public final class FirstBytes {
  private FirstBytes() {}

  /**
   * Judges the object's first bytes with one ranged GET, pinned to the ETag HEAD saw; none for an
   * empty object.
   *
   * @param s3 the client
   * @param bucket the bucket
   * @param key the object key
   * @param type the type the bytes must look like
   * @param size the stored size
   * @param etag the ETag HEAD saw
   * @return the verdict
   * @throws dev.presign.PresignException when S3 refuses the read, also when the object changed
   *     since HEAD
   */
  public static MagicNumbers.Verdict check(
      S3Client s3, String bucket, String key, MediaType type, long size, String etag) {
    byte[] head = new byte[0];
    long last = Math.min(size, MagicNumbers.PREFIX_BYTES) - 1;
    if (size > 0) {
      head =
          call(
                  "GetObject",
                  () ->
                      s3.getObjectAsBytes(
                          r -> r.bucket(bucket).key(key).range("bytes=0-" + last).ifMatch(etag)))
              .asByteArray();
    }
    return MagicNumbers.check(type, head, size > last + 1);
  }
}
