package dev.presign.internal.verify;

import dev.presign.Checksum;
import dev.presign.PresignedUpload;
import dev.presign.internal.policy.MediaType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an issued upload declared, and so what the stored object must match besides the policy: its
 * key, size, type and bound checksum. Read from a ticket, from the {@link PresignedUpload} itself,
 * or from an explicit request.
 *
 * @param key the object key
 * @param size the declared size, or -1 when none was declared
 * @param type the declared type, or null when none was declared (then only the policy judges the
 *     type)
 * @param checksum the checksum bound at issue time, or null
 */
public record Expectation(
    String key, long size, @Nullable MediaType type, @Nullable Checksum checksum) {
  /**
   * What an upload's signed headers declare.
   *
   * @param upload the issued upload
   * @return the expectation
   */
  public static Expectation of(PresignedUpload upload) {
    String type = upload.headers().get("Content-Type");
    return new Expectation(
        upload.key(),
        upload.contentLength().orElse(-1),
        type == null ? null : MediaType.parseOrNull(type),
        boundChecksum(upload.headers()));
  }

  /**
   * What a ticket records.
   *
   * @param ticket the authenticated ticket
   * @return the expectation
   */
  public static Expectation of(UploadTicket ticket) {
    Checksum checksum =
        ticket.checksumAlgorithm().isEmpty()
            ? null
            : Checksum.of(
                Checksum.Algorithm.valueOf(ticket.checksumAlgorithm()), ticket.checksum());
    MediaType type =
        ticket.contentType().isEmpty() ? null : MediaType.parseOrNull(ticket.contentType());
    return new Expectation(ticket.key(), ticket.size(), type, checksum);
  }

  /**
   * The checksum an upload's headers bind, if any: S3 refuses other bytes, and the verifier checks
   * them again.
   *
   * @param headers the upload's headers
   * @return the checksum, or null
   */
  public static @Nullable Checksum boundChecksum(Map<String, String> headers) {
    Checksum bound = null;
    for (Checksum.Algorithm candidate : Checksum.Algorithm.values()) {
      String value = headers.get(candidate.header());
      if (value != null) {
        bound = Checksum.of(candidate, value);
      }
    }
    return bound;
  }
}
