package dev.presign.internal.keys;

import org.jspecify.annotations.Nullable;

/**
 * The rules every object key must meet before it is signed, whoever produced it: at most 1024 UTF-8
 * bytes (S3's limit), no control, format, line or paragraph separator characters, no backslash, no
 * leading {@code /}, no empty, {@code .} or {@code ..} path segments, no segment of only spaces and
 * dots, so no tool that maps keys to paths can be led out of its folder, and no <code>$&#123;
 * </code>, which S3 would expand in a POST form's key to a name the uploader picks. The same holds
 * after NFKC normalization, which tools and file systems apply: no character may turn into {@code
 * /} or {@code \} ({@code U+FF0F}, {@code U+FF3C}), nor a segment into {@code .} or {@code ..}
 * ({@code U+2024}, {@code U+2025}, {@code U+FE30}, {@code U+FF0E}); nor may the slash and backslash
 * look-alikes that NFKC leaves alone ({@code U+2044}, {@code U+2215}, {@code U+2216}, {@code
 * U+29F5}, {@code U+29F8}, {@code U+29F9}) appear.
 */
public final class ObjectKeys {
  /** S3's limit on a key, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 1024;

  /** Upper bound of a key strategy's prefix, leaving room for what the strategy appends. */
  public static final int MAX_PREFIX_BYTES = 256;

  private ObjectKeys() {}

  // Printable ASCII but '\\', '/', '.', ' ', '$' and '{', by code: what a key's segment is mostly
  // made of, accepted with one load; the rest take the slower branches.
  private static final boolean[] NAME_CHARS = new boolean[0x80];

  static {
    for (char c = 0x20; c < 0x7f; c++) {
      NAME_CHARS[c] = "\\/. ${".indexOf(c) < 0;
    }
  }

  /** Returns which rule {@code key} breaks, or {@code null} when it is a safe key. */
  public static @Nullable String violation(String key) {
    // Every download URL checks its key: the usual one is plain ASCII, accepted in one pass.
    return key != null && isPlainAsciiKey(key) ? null : fullViolation(key);
  }

  /**
   * Whether {@code key} is printable ASCII without {@code \} or <code>$&#123;</code>, of at most
   * {@value #MAX_KEY_BYTES} characters, with no path segment of only spaces and dots (so none
   * empty, {@code .} or {@code ..}, and no leading {@code /}): exactly the ASCII keys {@link
   * #fullViolation} accepts, since ASCII is its own NFKC form and its only space character is
   * {@code ' '}. False sends the key to the full check, which names the rule it breaks.
   */
  static boolean isPlainAsciiKey(String key) {
    int n = key.length();
    if (n == 0 || n > MAX_KEY_BYTES) {
      return false;
    }
    // Whether the current segment has a character other than '.' and ' '.
    boolean named = false;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < 0x80 && NAME_CHARS[c]) {
        named = true;
      } else if (c == '/') {
        if (!named) {
          return false;
        }
        named = false;
      } else if (c == '$') {
        if (i + 1 < n && key.charAt(i + 1) == '{') {
          return false;
        }
        named = true;
      } else if (c == '{') {
        named = true;
      } else if (c != '.' && c != ' ') {
        return false;
      }
    }
    return named;
  }

  static @Nullable String fullViolation(String key) {
    if (key == null || key.isEmpty()) {
      return "key must not be empty";
    }
    if (key.charAt(0) == '/') {
      return "key must not start with '/'";
    }
    // S3 replaces ${filename} in a POST form's key with the uploader's file name: never let one
    // through.
    if (key.contains("${")) {
      return "key must not contain '${'";
    }
    int bytes = 0;
    int segmentStart = 0;
    boolean ascii = true;
    for (int i = 0; i < key.length(); ) {
      int cp = key.codePointAt(i);
      if (!isAllowed(cp)) {
        return "key must not contain control, format, line or paragraph separator characters or '\\'";
      }
      if (cp >= 0x80) {
        ascii = false;
        if (isSlashLookAlike(cp)) {
          return "key must not contain look-alikes of '/' or '\\'";
        }
      }
      bytes += utf8Length(cp);
      if (cp == '/') {
        String bad = segmentViolation(key, segmentStart, i);
        if (bad != null) {
          return bad;
        }
        segmentStart = i + 1;
      }
      i += Character.charCount(cp);
    }
    if (bytes > MAX_KEY_BYTES) {
      return "key must be at most " + MAX_KEY_BYTES + " UTF-8 bytes";
    }
    String last = segmentViolation(key, segmentStart, key.length());
    // ASCII is its own NFKC form: only other keys pay for the Unicode tables.
    return last != null || ascii ? last : nfkcViolation(key);
  }

  private static @Nullable String nfkcViolation(String key) {
    String folded = java.text.Normalizer.normalize(key, java.text.Normalizer.Form.NFKC);
    if (folded.indexOf('\\') >= 0 || count(folded, '/') != count(key, '/')) {
      return "key must not contain characters that NFKC turns into '/' or '\\'";
    }
    int start = 0;
    for (int slash = folded.indexOf('/'); ; slash = folded.indexOf('/', start)) {
      int end = slash < 0 ? folded.length() : slash;
      if (segmentViolation(folded, start, end) != null) {
        return "key must not contain path segments that NFKC turns into '.', '..' or only spaces and dots";
      }
      if (slash < 0) {
        return null;
      }
      start = slash + 1;
    }
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
      n++;
    }
    return n;
  }

  // Drawn like a slash or backslash, but NFKC keeps them: fraction slash, division slash, set
  // minus,
  // reverse solidus operator, big solidus, big reverse solidus.
  private static boolean isSlashLookAlike(int cp) {
    return cp == 0x2044
        || cp == 0x2215
        || cp == 0x2216
        || cp == 0x29F5
        || cp == 0x29F8
        || cp == 0x29F9;
  }

  /**
   * Returns which rule a key prefix breaks, or {@code null}. A prefix is empty or a valid key that
   * ends in {@code /}, of at most {@value #MAX_PREFIX_BYTES} UTF-8 bytes.
   */
  public static @Nullable String prefixViolation(String prefix) {
    if (prefix.isEmpty()) {
      return null;
    }
    if (prefix.charAt(0) == '/') {
      return "prefix must not start with '/'";
    }
    if (!prefix.endsWith("/")) {
      return "prefix must be empty or end with '/'";
    }
    if (utf8Length(prefix) > MAX_PREFIX_BYTES) {
      return "prefix must be at most " + MAX_PREFIX_BYTES + " UTF-8 bytes";
    }
    String bad = violation(prefix.substring(0, prefix.length() - 1));
    return bad == null ? null : bad.replace("key must", "prefix must");
  }

  /** UTF-8 length of a string, without encoding it. */
  public static int utf8Length(CharSequence s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      bytes += utf8Length(cp);
      i += Character.charCount(cp);
    }
    return bytes;
  }

  /** UTF-8 length of one code point. */
  public static int utf8Length(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  private static @Nullable String segmentViolation(String key, int start, int end) {
    int length = end - start;
    if (length == 0) {
      return "key must not contain empty path segments";
    }
    if ((length == 1 && key.charAt(start) == '.')
        || (length == 2 && key.charAt(start) == '.' && key.charAt(start + 1) == '.')) {
      return "key must not contain '.' or '..' path segments";
    }
    // A segment of spaces and dots ("...", " ", ". .") looks empty or like '..' to people and some
    // tools.
    for (int i = start; i < end; i++) {
      char c = key.charAt(i);
      if (c != '.' && !Character.isSpaceChar(c)) {
        return null;
      }
    }
    return "key must not contain path segments of only spaces and dots";
  }

  private static boolean isAllowed(int cp) {
    // ASCII, most keys: the only control characters there are 0x00-0x1F and DEL; no lookup of the
    // Unicode category.
    if (cp < 0x80) {
      return cp >= 0x20 && cp != 0x7f && cp != '\\';
    }
    if (cp == 0xFFFE || cp == 0xFFFF) {
      return false;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
        return false;
      default:
        return true;
    }
  }
}
