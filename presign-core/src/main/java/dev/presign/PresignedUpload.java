package dev.presign;

import dev.presign.internal.HeaderMap;
import dev.presign.internal.Redact;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An issued upload: send {@code method} to {@code url} with exactly {@code headers}, and a body of
 * exactly {@code contentLength} bytes when it is present, before {@code expiresAt}.
 *
 * <p>What the client sets and what it sends are kept apart. {@link #headers()} holds only headers a
 * browser's {@code fetch}, {@code java.net.http}, OkHttp or curl let the caller set (Content-Type,
 * a checksum). Content-Length is signed too, but every HTTP client sets it from the body and
 * browsers and {@code java.net.http} refuse it as a header ({@code restricted header name:
 * "Content-Length"}), so it is {@link #contentLength()}: the exact size the body must have. S3
 * refuses the upload if the client sends another Content-Type or a body of another length.
 *
 * <pre>{@code
 * // java.net.http: the client sets Content-Length from the body
 * HttpRequest.Builder put = HttpRequest.newBuilder(upload.uri())
 *     .method(upload.method(), BodyPublishers.ofFile(file));
 * upload.headers().forEach(put::header);
 *
 * // browser: fetch(u.url, {method: u.method, headers: u.headers, body: file})
 * // OkHttp:  new Request.Builder().url(u.url()).headers(Headers.of(u.headers()))
 * //              .put(RequestBody.create(file, null)).build()   // null type: keep the signed Content-Type
 * // curl:    curl -X PUT -H "Content-Type: image/png" --data-binary @cat.png "$URL"
 * }</pre>
 *
 * <p>{@link #toString()} leaves out the query string: the signed URL is a bearer credential until
 * it expires and does not belong in logs.
 *
 * @param method the HTTP method, {@code PUT}
 * @param url the pre-signed URL, as text: ASCII, ready to send; {@link #uri()} parses it
 * @param headers the headers the client must set, in a stable order, e.g. Content-Type; never
 *     Content-Length
 * @param contentLength the exact number of bytes the body must have, signed into the URL; empty
 *     when the request declared no size and S3 takes a body of any length
 * @param key the object key the upload will land under
 * @param expiresAt when the URL stops working; earlier than the policy's TTL when the signing
 *     credentials expire first
 */
public record PresignedUpload(
    String method,
    String url,
    Map<String, String> headers,
    OptionalLong contentLength,
    String key,
    Instant expiresAt)
    implements IssuedUpload {

  private static final String CONTENT_LENGTH = "content-length";

  /**
   * Creates the value; the headers are copied.
   *
   * @param method the HTTP method
   * @param url the pre-signed URL
   * @param headers the headers the client must set; no Content-Length
   * @param contentLength the exact body length, or empty
   * @param key the object key
   * @param expiresAt when the URL stops working
   * @throws IllegalArgumentException when the headers hold Content-Length or the length is negative
   */
  public PresignedUpload {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(contentLength, "contentLength");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expiresAt, "expiresAt");
    HeaderMap copy = HeaderMap.copyOf(headers);
    headers = copy;
    // By index, not keySet(): on a cold JVM the map views and their iterators are six more classes
    // to load.
    for (int i = 0; i < copy.size(); i++) {
      String name = copy.name(i);
      // Length first, so the usual names need no folded copy: only a 14-character name can fold to
      // content-length (folding changes the length only for U+0130, which becomes an 'i' that
      // content-length lacks).
      if (name.length() == CONTENT_LENGTH.length()
          && name.toLowerCase(Locale.ROOT).equals(CONTENT_LENGTH)) {
        throw new IllegalArgumentException(
            "headers must not hold Content-Length, pass it as contentLength: " + name);
      }
    }
    if (contentLength.isPresent() && contentLength.getAsLong() < 0) {
      throw new IllegalArgumentException(
          "contentLength must be at least 0: " + contentLength.getAsLong());
    }
  }

  /**
   * Creates the value from every signed header, Content-Length included (the shape of earlier
   * releases): Content-Length moves to {@link #contentLength()}.
   *
   * @param method the HTTP method
   * @param url the pre-signed URL
   * @param signedHeaders every signed header, Content-Length included when the size is signed
   * @param key the object key
   * @param expiresAt when the URL stops working
   * @throws IllegalArgumentException when Content-Length is not a decimal number
   */
  public PresignedUpload(
      String method, String url, Map<String, String> signedHeaders, String key, Instant expiresAt) {
    this(method, url, withoutLength(signedHeaders), lengthOf(signedHeaders), key, expiresAt);
  }

  private static Map<String, String> withoutLength(Map<String, String> signedHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    Objects.requireNonNull(signedHeaders, "headers")
        .forEach(
            (name, value) -> {
              if (!name.toLowerCase(Locale.ROOT).equals(CONTENT_LENGTH)) {
                headers.put(name, value);
              }
            });
    return headers;
  }

  private static OptionalLong lengthOf(Map<String, String> signedHeaders) {
    for (Map.Entry<String, String> header : signedHeaders.entrySet()) {
      if (header.getKey().toLowerCase(Locale.ROOT).equals(CONTENT_LENGTH)) {
        try {
          return OptionalLong.of(Long.parseLong(header.getValue()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "Content-Length must be a decimal number: " + header.getValue(), e);
        }
      }
    }
    return OptionalLong.empty();
  }

  /**
   * {@return every header the URL signs: {@link #headers()} plus Content-Length when it is signed}
   * For checking a signature offline or for a client that sends Content-Length by hand; most
   * clients should send {@link #headers()} and let the body set the length.
   */
  public Map<String, String> signedHeaders() {
    if (contentLength.isEmpty()) {
      return headers;
    }
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Length", Long.toString(contentLength.getAsLong()));
    return java.util.Collections.unmodifiableMap(all);
  }

  /** {@return {@link IssuedUpload.Mechanism#PUT}} */
  @Override
  public Mechanism mechanism() {
    return Mechanism.PUT;
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
    return "PresignedUpload[method="
        + method
        + ", url="
        + Redact.url(url)
        + ", headers="
        + headers
        + ", contentLength="
        + (contentLength.isPresent() ? Long.toString(contentLength.getAsLong()) : "any")
        + ", key="
        + key
        + ", expiresAt="
        + expiresAt
        + ']';
  }
}
