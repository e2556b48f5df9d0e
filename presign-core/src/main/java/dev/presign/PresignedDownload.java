package dev.presign;

import dev.presign.internal.Redact;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An issued download: a {@code GET} of {@code url} returns the object (a {@code HEAD}, its headers)
 * until {@code expiresAt}.
 *
 * <p>{@link #toString()} leaves out the query string, which carries the signature.
 *
 * @param method the HTTP method, {@code GET} or {@code HEAD}
 * @param url the pre-signed URL, as text: ASCII, ready to send; {@link #uri()} parses it
 * @param key the object key
 * @param expiresAt when the URL stops working
 */
public record PresignedDownload(String method, String url, String key, Instant expiresAt) {

  /**
   * Creates the value.
   *
   * @param method the HTTP method
   * @param url the pre-signed URL
   * @param key the object key
   * @param expiresAt when the URL stops working
   */
  public PresignedDownload {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(key, "key");
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
    return "PresignedDownload[method="
        + method
        + ", url="
        + Redact.url(url)
        + ", key="
        + key
        + ", expiresAt="
        + expiresAt
        + ']';
  }
}
