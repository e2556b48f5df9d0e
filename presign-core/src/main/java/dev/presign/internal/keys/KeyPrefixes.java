package dev.presign.internal.keys;

import dev.presign.internal.Redact;
import dev.presign.internal.Require;
import java.util.Objects;

final class KeyPrefixes {
  /** What the first path segment after a built-in's prefix can be. */
  enum FirstSegment {
    /** A UUID and maybe an extension, with nothing after it: no folder below the prefix at all. */
    FILE_ONLY,
    /** A year: four digits. */
    DIGITS,
    /** A UUID folder: hex digits and dashes. */
    UUID,
    /** A principal: 1 to 128 of {@code A-Z a-z 0-9 . _ @ -}. */
    PRINCIPAL
  }

  private KeyPrefixes() {}

  /**
   * Whether a strategy whose keys are {@code prefix} + a first segment of the given kind + more
   * could produce a key that starts with {@code reserved}, a valid non-empty prefix ending in
   * {@code /}.
   */
  static boolean mayProduce(String prefix, FirstSegment first, String reserved) {
    Objects.requireNonNull(reserved, "prefix");
    if (!reserved.startsWith(prefix)) {
      // Either every key is under the reserved prefix, or none is.
      return prefix.startsWith(reserved);
    }
    String rest = reserved.substring(prefix.length());
    if (rest.isEmpty()) {
      return true;
    }
    String segment = rest.substring(0, rest.indexOf('/'));
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      boolean fits =
          switch (first) {
            case FILE_ONLY -> false;
            case DIGITS -> c >= '0' && c <= '9';
            case UUID -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-';
            case PRINCIPAL ->
                (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '@'
                    || c == '-';
          };
      if (!fits) {
        return false;
      }
    }
    return first != FirstSegment.FILE_ONLY;
  }

  static String require(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    String violation = ObjectKeys.prefixViolation(prefix);
    Require.argument(violation == null, String.valueOf(violation), Redact.quote(prefix));
    return prefix;
  }
}
