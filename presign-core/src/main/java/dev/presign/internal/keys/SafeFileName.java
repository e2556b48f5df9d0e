package dev.presign.internal.keys;

import dev.presign.internal.Nfc;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A user-supplied file name reduced to something that is safe as the last segment of an object key
 * and in a download dialog.
 *
 * <p>Only the part after the last {@code /} or {@code \} counts, so {@code ../../etc/passwd} is
 * just {@code passwd}. Letters, digits and combining marks of any script are kept (after NFC), as
 * are {@code -} and {@code _}; every other character — controls, NUL, CR/LF, right-to-left
 * overrides, {@code %}, spaces, emoji — becomes {@code _}, and so does every dot but the one before
 * the extension, so the name never shows an extension that was not checked. Nothing is
 * percent-decoded, so {@code %2e%2e} stays inert text. The base is cut to {@value #MAX_BASE_BYTES}
 * UTF-8 bytes; a name with no usable base becomes {@code file}.
 *
 * @param base the sanitized name without extension, never empty
 * @param extension lower-case ASCII letters and digits, 1 to {@value #MAX_EXTENSION_LENGTH} of
 *     them, or empty when the name had no such extension
 */
public record SafeFileName(String base, String extension) {
  /** Upper bound of the base in UTF-8 bytes; with the extension the name stays under 255 bytes. */
  public static final int MAX_BASE_BYTES = 200;

  /** Longest extension that is kept. */
  public static final int MAX_EXTENSION_LENGTH = 16;

  /** Sanitizes a raw file name. Never fails; hostile input only yields a blander name. */
  public static SafeFileName of(String raw) {
    String name = lastSegment(Nfc.normalize(raw));
    int dot = name.lastIndexOf('.');
    String extension = "";
    String base = name;
    if (dot >= 0) {
      // ASCII first, then fold: folding first would turn the Kelvin sign into a 'k'.
      String candidate = name.substring(dot + 1);
      if (isAsciiAlphanumeric(candidate)) {
        extension = candidate.toLowerCase(Locale.ROOT);
        base = name.substring(0, dot);
      }
    }
    String safeBase = truncateUtf8(cleanBase(base), MAX_BASE_BYTES);
    return new SafeFileName(safeBase.isEmpty() ? "file" : safeBase, extension);
  }

  /** Whether an extension is 1 to 16 ASCII letters (either case) or digits. */
  public static boolean isAsciiAlphanumeric(String extension) {
    if (extension.isEmpty() || extension.length() > MAX_EXTENSION_LENGTH) {
      return false;
    }
    for (int i = 0; i < extension.length(); i++) {
      char c = extension.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /** This name with another extension, or none for an empty one. */
  public SafeFileName withExtension(String newExtension) {
    return new SafeFileName(base, newExtension);
  }

  /** {@code base.extension}, or just the base when there is no extension. */
  public String fileName() {
    return extension.isEmpty() ? base : base + '.' + extension;
  }

  /** {@code .extension}, or empty. */
  public String dotExtension() {
    return extension.isEmpty() ? "" : "." + extension;
  }

  private static String lastSegment(String name) {
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(cut + 1);
  }

  private static String cleanBase(String base) {
    StringBuilder out = new StringBuilder(base.length());
    for (int i = 0; i < base.length(); ) {
      int cp = base.codePointAt(i);
      i += Character.charCount(cp);
      // A dot left in the base would pose as an extension: "report.exe~", or "shell.php.jpg" for
      // servers that honour every extension.
      if (isKept(cp) && cp != '.') {
        out.appendCodePoint(cp);
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
    }
    return trim(out.toString(), "_-");
  }

  private static boolean isKept(int cp) {
    if (cp == '.' || cp == '-' || cp == '_') {
      return true;
    }
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static String trim(String s, String chars) {
    int start = 0;
    int end = s.length();
    while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String truncateUtf8(String s, int maxBytes) {
    if (s.length() * 3 <= maxBytes || s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return s;
    }
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int size = ObjectKeys.utf8Length(cp);
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      i += Character.charCount(cp);
    }
    // Never cut between a letter and its combining marks: back off to the start of that cluster.
    while (i > 0 && i < s.length() && isMark(s.codePointAt(i))) {
      i -= Character.charCount(s.codePointBefore(i));
    }
    return trim(s.substring(0, i), "_-");
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }
}
