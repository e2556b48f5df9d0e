package dev.presign;

import dev.presign.internal.HeaderMap;
import dev.presign.internal.Redact;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An issued upload: send {@code method} to {@code url} with exactly {@code headers} and the file as
 * the body, before {@code expiresAt}.
 *
 * <p>The headers are signed: S3 refuses the upload if the client sends another Content-Type or a body
 * of another length. Browsers and {@code java.net.http} set Content-Length themselves from the body;
 * the value here says what it must be.
 *
 * <pre>{@code
 * HttpRequest put = HttpRequest.newBuilder(upload.uri())
 *     .method(upload.method(), BodyPublishers.ofFile(file))
 *     .header("Content-Type", upload.headers().get("Content-Type"))
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} leaves out the query string: the signed URL is a bearer credential until it
 * expires and does not belong in logs.
 *
 * @param method the HTTP method, {@code PUT}
 * @param url the pre-signed URL, as text: ASCII, ready to send; {@link #uri()} parses it
 * @param headers the headers the client must send, in a stable order, e.g. Content-Type and Content-Length
 * @param key the object key the upload will land under
 * @param expiresAt when the URL stops working; earlier than the policy's TTL when the signing
 *     credentials expire first
 */
public record PresignedUpload(String method, String url, Map<String, String> headers, String key, Instant expiresAt)
    implements IssuedUpload {

  /**
   * Creates the value; the headers are copied.
   *
   * @param method the HTTP method
   * @param url the pre-signed URL
   * @param headers the headers the client must send
   * @param key the object key
   * @param expiresAt when the URL stops working
   */
  public PresignedUpload {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expiresAt, "expiresAt");
    headers = HeaderMap.copyOf(headers);
  }

  /** {@return {@link IssuedUpload.Mechanism#PUT}} */
  @Override
  public Mechanism mechanism() {
    return Mechanism.PUT;
  }

  /**
   * Parses {@link #url()}; for callers that need a {@link URI}, such as {@code java.net.http}. The URL is
   * kept as text because most callers send it on as text (JSON, a Location header) and parsing costs
   * more than signing; each call parses again.
   *
   * @return {@link #url()} as a URI
   * @throws IllegalArgumentException if a hand-made value's URL is not a valid URI
   */
  public URI uri() {
    return URI.create(url);
  }

  @Override
  public String toString() {
    return "PresignedUpload[method=" + method + ", url=" + Redact.url(url) + ", headers=" + headers
        + ", key=" + key + ", expiresAt=" + expiresAt + ']';
  }
}
