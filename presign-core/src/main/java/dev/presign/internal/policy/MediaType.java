package dev.presign.internal.policy;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A concrete media type as a client declares it, e.g. {@code image/png} or {@code text/plain;
 * charset=utf-8}.
 *
 * <p>Type, subtype and parameter names are case-insensitive (RFC 9110) and are folded to lower case
 * with {@link Locale#ROOT}, so a Turkish default locale cannot turn {@code IMAGE/GIF} into a
 * dotless {@code ımage/gıf}. Parameter values are kept as written. {@link #headerValue()} is the
 * normalized text that gets signed and that the client must send. Immutable.
 */
public final class MediaType {
  /**
   * Longer values are refused: no real media type comes near it, and it bounds the signed header.
   */
  public static final int MAX_LENGTH = 255;

  private final String essence;
  private final int slash;
  private final String headerValue;

  private MediaType(String essence, int slash, String headerValue) {
    this.essence = essence;
    this.slash = slash;
    this.headerValue = headerValue;
  }

  /**
   * Parses a concrete media type. Wildcards are not concrete and are refused.
   *
   * @param text the declared type
   * @return the parsed type, or empty when {@code text} is not a valid concrete media type
   */
  public static Optional<MediaType> parse(String text) {
    return Optional.ofNullable(parseOrNull(text));
  }

  /**
   * Like {@link #parse(String)}, without the Optional, for the issuing hot path.
   *
   * @param text the declared type
   * @return the parsed type, or null when {@code text} is not a valid concrete media type
   */
  public static @Nullable MediaType parseOrNull(@Nullable String text) {
    if (text == null) {
      return null;
    }
    int slash = Syntax.simpleSlash(text, MAX_LENGTH);
    if (slash > 0) {
      return text.indexOf('*') >= 0 ? null : new MediaType(text, slash, text);
    }
    Syntax.Parsed parsed = Syntax.parse(text, MAX_LENGTH, true);
    if (parsed == null || parsed.essence().indexOf('*') >= 0) {
      return null;
    }
    String essence = parsed.essence();
    return new MediaType(
        essence,
        parsed.slash(),
        parsed.parameters().isEmpty() ? essence : essence + parsed.parameters());
  }

  /** {@return the lower-case top-level type, e.g. {@code image}} */
  public String type() {
    return essence.substring(0, slash);
  }

  /** {@return the lower-case subtype, e.g. {@code png}} */
  public String subtype() {
    return essence.substring(slash + 1);
  }

  /** {@return {@code type/subtype} without parameters: what policies match against} */
  public String essence() {
    return essence;
  }

  /** {@return the normalized Content-Type header value} */
  public String headerValue() {
    return headerValue;
  }

  /** Whether the top-level type is {@code type}, without allocating. */
  boolean hasType(String type) {
    return slash == type.length() && essence.startsWith(type);
  }

  /** Whether the subtype is {@code subtype}, without allocating. */
  boolean hasSubtype(String subtype) {
    return essence.length() - slash - 1 == subtype.length() && essence.endsWith(subtype);
  }

  @Override
  public String toString() {
    return headerValue;
  }
}
