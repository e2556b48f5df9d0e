package dev.presign.internal.policy;

import java.util.Optional;

/**
 * An allowed content type in a policy: exact ({@code image/png}), a subtype wildcard ({@code
 * image/*}) or anything ({@code *}{@code /*}). Ranges carry no parameters; matching ignores a
 * request's parameters and case.
 *
 * @param type lower-case type, or {@code *}
 * @param subtype lower-case subtype, or {@code *}
 */
public record MediaRange(String type, String subtype) {

  /**
   * Parses a range, or returns empty when it is not {@code type/subtype}, {@code type/*} or {@code
   * *}{@code /*}.
   */
  public static Optional<MediaRange> parse(String text) {
    String type;
    String subtype;
    // A range written as it is kept ("image/png", "video/*") is split without Syntax.Parsed: one
    // class fewer on a cold JVM's way to its first URL.
    int slash = Syntax.simpleSlash(text, MediaType.MAX_LENGTH);
    if (slash > 0) {
      type = text.substring(0, slash);
      subtype = text.substring(slash + 1);
    } else {
      Syntax.Parsed parsed = Syntax.parse(text, MediaType.MAX_LENGTH, false);
      if (parsed == null) {
        return Optional.empty();
      }
      type = parsed.type();
      subtype = parsed.subtype();
    }
    boolean anyType = type.equals("*");
    boolean anySubtype = subtype.equals("*");
    if ((anyType && !anySubtype)
        || (!anySubtype && subtype.contains("*"))
        || (!anyType && type.contains("*"))) {
      return Optional.empty();
    }
    return Optional.of(new MediaRange(type, subtype));
  }

  /** Whether {@code mediaType} falls in this range. */
  public boolean matches(MediaType mediaType) {
    return (type.equals("*") || mediaType.hasType(type))
        && (subtype.equals("*") || mediaType.hasSubtype(subtype));
  }

  @Override
  public String toString() {
    return type + '/' + subtype;
  }
}
