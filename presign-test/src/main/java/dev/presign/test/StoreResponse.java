package dev.presign.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a store answered: the status, S3's error code and message when it refused, the headers and
 * the body. Error codes are read from S3's XML error document ({@code <Code>}, {@code <Message>}).
 *
 * <pre>{@code
 * StoreResponse put = store.client().put(upload, bytes);
 * assertThat(put.status()).isEqualTo(403);
 * assertThat(put.errorCode()).hasValue("SignatureDoesNotMatch");
 * }</pre>
 *
 * <p>Immutable. Not a record: the body is an array, and two responses are never compared.
 */
public final class StoreResponse {
  private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  /**
   * Creates a response.
   *
   * @param status the HTTP status
   * @param headers the response headers; names are matched without regard to case
   * @param body the body, possibly empty
   */
  public StoreResponse(int status, Map<String, List<String>> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    this.status = status;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = java.util.Collections.unmodifiableMap(copy);
    this.body = body.clone();
  }

  /** {@return the HTTP status} */
  public int status() {
    return status;
  }

  /** {@return whether the status is 2xx} */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /**
   * {@return S3's error code, such as {@code SignatureDoesNotMatch}, when the body is an S3 error
   * document}
   */
  public Optional<String> errorCode() {
    return first(CODE);
  }

  /** {@return S3's error message, when the body is an S3 error document that has one} */
  public Optional<String> errorMessage() {
    return first(MESSAGE);
  }

  /** {@return every header, names matched without regard to case} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return its first value, if the response has the header
   */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name");
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** {@return a copy of the body} */
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body as UTF-8 text} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  private Optional<String> first(Pattern pattern) {
    if (isSuccessful() || body.length == 0) {
      return Optional.empty();
    }
    Matcher matcher = pattern.matcher(bodyText());
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** {@return the status and, for a refusal, S3's code and message; never the body of a success} */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("StoreResponse[status=").append(status);
    errorCode().ifPresent(code -> text.append(", errorCode=").append(code));
    errorMessage().ifPresent(message -> text.append(", errorMessage=").append(message));
    if (!isSuccessful() && errorCode().isEmpty()) {
      text.append(", body=").append(body.length).append(" bytes");
    }
    header("ETag").ifPresent(etag -> text.append(", etag=").append(etag.toLowerCase(Locale.ROOT)));
    return text.append(']').toString();
  }
}
