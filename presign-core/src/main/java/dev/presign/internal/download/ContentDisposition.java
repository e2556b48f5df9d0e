package dev.presign.internal.download;

import dev.presign.internal.Nfc;
import dev.presign.internal.keys.ObjectKeys;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Builds a Content-Disposition header value that every browser reads back as the intended name (RFC
 * 6266): {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded}.
 *
 * <p>The name is reduced to its last path segment; control, format and line-separator characters
 * go. The quoted {@code filename} is an ASCII fallback for old clients: non-ASCII characters,
 * quotes and backslashes become {@code _}. The {@code filename*} parameter (RFC 5987) carries the
 * real name in UTF-8, with everything but RFC 5987 attr-chars percent-encoded, so neither a quote
 * nor CR/LF can end the header early.
 */
public final class ContentDisposition {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** The longest name kept, in UTF-8 bytes: what file systems take. */
  static final int MAX_NAME_BYTES = 255;

  /** What a plain name's value starts with, before the name and its closing quote. */
  static final String INLINE_START = "inline; filename=\"";

  static final String ATTACHMENT_START = "attachment; filename=\"";

  // By ASCII code: one load per character of a name, on every download URL.
  private static final boolean[] PLAIN_NAME_CHARS = new boolean[0x80];

  static {
    for (char c = 0x20; c < 0x7f; c++) {
      PLAIN_NAME_CHARS[c] = "/\\\"%;=*'".indexOf(c) < 0;
    }
  }

  private ContentDisposition() {}

  /**
   * The header value.
   *
   * @param attachment true for {@code attachment} (download), false for {@code inline} (display)
   * @param fileName the name the browser should save or show, any script
   * @return the header value
   */
  public static String of(boolean attachment, String fileName) {
    String plain = ofPlainName(attachment, fileName);
    return plain != null ? plain : ofAnyName(attachment, fileName);
  }

  /**
   * The header value for any name: cleaned, with an ASCII fallback and a {@code filename*} when
   * needed.
   */
  static String ofAnyName(boolean attachment, String fileName) {
    String name = clean(fileName);
    StringBuilder header =
        new StringBuilder(name.length() * 4 + 48)
            .append(attachment ? "attachment" : "inline")
            .append("; filename=\"")
            .append(asciiFallback(name))
            .append('"');
    if (!isAscii(name)) {
      header.append("; filename*=UTF-8''");
      for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xff;
        if (isAttrChar(c)) {
          header.append((char) c);
        } else {
          header.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
      }
    }
    return header.toString();
  }

  /**
   * The header value for the common name that {@link #clean} and {@link #asciiFallback} would leave
   * as it is and that needs no {@code filename*}: 1 to {@value #MAX_NAME_BYTES} printable ASCII
   * characters, none of them a path separator, a quote, a backslash, {@code %} or parameter syntax,
   * not starting with a space nor ending with a space or dot. Every download URL builds one, so
   * this skips the code point loop, the three StringBuilders and the trims; anything else takes the
   * full path.
   *
   * @return the header value, or null when the name needs the full path
   */
  private static @Nullable String ofPlainName(boolean attachment, String name) {
    if (!isPlainName(name)) {
      return null;
    }
    String start = attachment ? ATTACHMENT_START : INLINE_START;
    // Sized: a concatenation would start at 16 characters and grow twice.
    return new StringBuilder(start.length() + name.length() + 1)
        .append(start)
        .append(name)
        .append('"')
        .toString();
  }

  /**
   * Whether {@code name} is one {@link #ofPlainName} takes: the value is then start, name, closing
   * quote.
   */
  static boolean isPlainName(String name) {
    int n = name.length();
    if (n == 0
        || n > MAX_NAME_BYTES
        || name.charAt(0) == ' '
        || name.charAt(n - 1) == ' '
        || name.charAt(n - 1) == '.') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!isPlainNameChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a plain name may hold {@code c}: printable ASCII but for a path separator, a quote, a
   * backslash, {@code %} and parameter syntax.
   */
  static boolean isPlainNameChar(char c) {
    return c < 0x80 && PLAIN_NAME_CHARS[c];
  }

  /**
   * The last path segment, NFC, without invisible characters, without leading white space or
   * trailing white space and dots (which browsers and file systems drop), at most {@value
   * #MAX_NAME_BYTES} bytes; "download" when nothing is left.
   */
  static String clean(String fileName) {
    int cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    String name = fileName.substring(cut + 1);
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type != Character.CONTROL
          && type != Character.FORMAT
          && type != Character.LINE_SEPARATOR
          && type != Character.PARAGRAPH_SEPARATOR
          && type != Character.SURROGATE
          && type != Character.UNASSIGNED) {
        out.appendCodePoint(cp);
      }
    }
    // NFC after the invisible characters are gone: one between a letter and its accent would block
    // composing. Trimmed again after capping: the cut can land in a run of spaces or dots.
    String cleaned = trimEnds(capped(trimEnds(Nfc.normalize(out.toString()))));
    return cleaned.isEmpty() ? "download" : cleaned;
  }

  /**
   * Without leading white space, nor trailing white space and dots: ". ." and ".." become empty.
   */
  private static String trimEnds(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && isBlank(name.charAt(start))) {
      start++;
    }
    while (end > start && (isBlank(name.charAt(end - 1)) || name.charAt(end - 1) == '.')) {
      end--;
    }
    return name.substring(start, end);
  }

  // Every space separator (no-break, figure, narrow no-break...) as well as Java's white space.
  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * At most {@value #MAX_NAME_BYTES} UTF-8 bytes, keeping a short extension and whole characters.
   */
  private static String capped(String name) {
    if (ObjectKeys.utf8Length(name) <= MAX_NAME_BYTES) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 17 ? name.substring(dot) : "";
    String base = extension.isEmpty() ? name : name.substring(0, dot);
    int budget = MAX_NAME_BYTES - ObjectKeys.utf8Length(extension);
    StringBuilder kept = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < base.length(); ) {
      int cp = base.codePointAt(i);
      int size = ObjectKeys.utf8Length(cp);
      if (bytes + size > budget) {
        break;
      }
      kept.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return kept + extension;
  }

  private static String asciiFallback(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      out.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%' ? (char) cp : '_');
    }
    return out.toString();
  }

  private static boolean isAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      // Parameter syntax in a name is harmless inside quotes, but filename* removes all doubt.
      if (c >= 0x7f || c < 0x20 || c == '"' || c == '\\' || c == '%' || c == ';' || c == '='
          || c == '*' || c == '\'') {
        return false;
      }
    }
    return true;
  }

  // RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" /
  // "|" / "~"
  private static boolean isAttrChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$&+-.^_`|~".indexOf(c) >= 0;
  }
}
