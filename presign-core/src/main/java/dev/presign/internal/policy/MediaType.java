package dev.presign.internal.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * A concrete media type as a client declares it, e.g. {@code image/png} or
 * {@code text/plain; charset=utf-8}.
 *
 * <p>Type, subtype and parameter names are case-insensitive (RFC 9110) and are folded to lower case
 * with {@link Locale#ROOT}, so a Turkish default locale cannot turn {@code IMAGE/GIF} into a dotless
 * {@code ımage/gıf}. Parameter values are kept as written. {@link #headerValue()} is the normalized text
 * that gets signed and that the client must send.
 *
 * @param type lower-case top-level type, e.g. {@code image}
 * @param subtype lower-case subtype, e.g. {@code png}
 * @param parameters normalized parameters, each written {@code ; name=value}, or empty
 */
public record MediaType(String type, String subtype, String parameters) {
  /** Longer values are refused: no real media type comes near it, and it bounds the signed header. */
  public static final int MAX_LENGTH = 255;

  /** {@code type/subtype} without parameters: what policies match against. */
  public String essence() {
    return type + '/' + subtype;
  }

  /** The normalized Content-Type header value. */
  public String headerValue() {
    return essence() + parameters;
  }

  /**
   * Parses a concrete media type. Wildcards are not concrete and are refused.
   *
   * @return the parsed type, or empty when {@code text} is not a valid concrete media type
   */
  public static Optional<MediaType> parse(String text) {
    Syntax.Parsed parsed = Syntax.parse(text, MAX_LENGTH, true);
    if (parsed == null || parsed.type().indexOf('*') >= 0 || parsed.subtype().indexOf('*') >= 0) {
      return Optional.empty();
    }
    return Optional.of(new MediaType(parsed.type(), parsed.subtype(), parsed.parameters()));
  }
}
