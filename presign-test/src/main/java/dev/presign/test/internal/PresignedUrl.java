package dev.presign.test.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A SigV4 query-string URL taken apart: its authentication parameters and the rest of its query,
 * decoded. Parsing only; it checks nothing.
 */
public final class PresignedUrl {
  /** The parameters that carry the signature, as opposed to those the signature covers. */
  public static final List<String> AUTH_PARAMETERS =
      List.of(
          "X-Amz-Algorithm",
          "X-Amz-Credential",
          "X-Amz-Date",
          "X-Amz-Expires",
          "X-Amz-SignedHeaders",
          "X-Amz-Signature",
          "X-Amz-Security-Token");

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

  private final URI uri;
  private final Map<String, String> parameters;

  private PresignedUrl(URI uri, Map<String, String> parameters) {
    this.uri = uri;
    this.parameters = parameters;
  }

  /**
   * Parses a URL.
   *
   * @param url the URL
   * @return its parts
   * @throws IllegalArgumentException when it is not an absolute http(s) URL
   */
  public static PresignedUrl parse(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      // The JDK's message quotes the whole URL, signature included.
      throw new IllegalArgumentException("not a valid URL: " + beforeQuery(url));
    }
    if (uri.getScheme() == null || uri.getRawAuthority() == null) {
      throw new IllegalArgumentException("not an absolute URL: " + beforeQuery(url));
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&", -1)) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        parameters.putIfAbsent(name, value);
      }
    }
    return new PresignedUrl(uri, parameters);
  }

  /** {@return the parsed URI} */
  public URI uri() {
    return uri;
  }

  /** {@return every query parameter, decoded, in URL order} */
  public Map<String, String> parameters() {
    return parameters;
  }

  /**
   * A query parameter.
   *
   * @param name its exact name
   * @return its decoded value, if present
   */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /** {@return whether the URL carries a SigV4 query-string signature} */
  public boolean isPresigned() {
    return parameters.containsKey("X-Amz-Signature");
  }

  /** {@return every parameter but the authentication ones (the session token counts as one)} */
  public Map<String, String> otherParameters() {
    Map<String, String> rest = new LinkedHashMap<>(parameters);
    AUTH_PARAMETERS.forEach(rest::remove);
    return rest;
  }

  /** {@return the signed header names, lower case, from X-Amz-SignedHeaders} */
  public List<String> signedHeaders() {
    return parameter("X-Amz-SignedHeaders")
        .map(value -> List.of(value.split(";", -1)))
        .orElse(List.of());
  }

  /** {@return the signing time, from X-Amz-Date, if present and well-formed} */
  public Optional<Instant> signedAt() {
    try {
      return parameter("X-Amz-Date")
          .map(date -> LocalDateTime.parse(date, AMZ_DATE).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@return X-Amz-Expires in seconds, if present and a number} */
  public Optional<Long> expiresSeconds() {
    try {
      return parameter("X-Amz-Expires").map(Long::parseLong);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@return the instant after which the URL is refused, if the URL says} */
  public Optional<Instant> expiresAt() {
    return signedAt().flatMap(at -> expiresSeconds().map(at::plusSeconds));
  }

  /**
   * The text before a URL's query string, for messages about a URL that may not parse.
   *
   * @param url any text
   * @return everything before the first {@code ?}
   */
  public static String beforeQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /** {@return the URL without its query string: safe to print} */
  public String withoutQuery() {
    return uri.getScheme()
        + "://"
        + uri.getRawAuthority()
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private static String decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        int hi = Character.digit(encoded.charAt(i + 1), 16);
        int lo = Character.digit(encoded.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          bytes.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
