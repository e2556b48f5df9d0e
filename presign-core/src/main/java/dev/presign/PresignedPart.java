package dev.presign;

import dev.presign.internal.Redact;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A pre-signed URL for one part of a multipart upload: {@code PUT} exactly {@code size} bytes to
 * {@code url} before {@code expiresAt}, and keep the ETag response header for completing the
 * upload. The Content-Length is signed, so S3 refuses a part of another size, and the URL names its
 * part number and upload id, so it serves no other part.
 *
 * @param partNumber 1 to 10,000
 * @param url the pre-signed URL, as text: ASCII, ready to send; {@link #uri()} parses it
 * @param size the part's exact size in bytes
 * @param expiresAt when the URL stops working
 */
public record PresignedPart(int partNumber, String url, long size, Instant expiresAt) {

  /**
   * Creates the value.
   *
   * @param partNumber the part number
   * @param url the pre-signed URL
   * @param size the part's size
   * @param expiresAt when the URL stops working
   */
  public PresignedPart {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * Parses {@link #url()}; for callers that need a {@link URI}, such as {@code java.net.http}. The
   * URL is kept as text because most callers send it on as text (JSON, a Location header) and
   * parsing costs more than signing; each call parses again.
   *
   * @return {@link #url()} as a URI
   * @throws IllegalArgumentException if a hand-made value's URL is not a valid URI
   */
  public URI uri() {
    return URI.create(url);
  }

  @Override
  public String toString() {
    return "PresignedPart[partNumber="
        + partNumber
        + ", url="
        + Redact.url(url)
        + ", size="
        + size
        + ", expiresAt="
        + expiresAt
        + ']';
  }
}
