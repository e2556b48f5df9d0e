package dev.presign.internal.download;

import dev.presign.internal.Nfc;
import java.nio.charset.StandardCharsets;

/**
 * Builds a Content-Disposition header value that every browser reads back as the intended name
 * (RFC 6266): {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded}.
 *
 * <p>The name is reduced to its last path segment; control, format and line-separator characters go.
 * The quoted {@code filename} is an ASCII fallback for old clients: non-ASCII characters, quotes and
 * backslashes become {@code _}. The {@code filename*} parameter (RFC 5987) carries the real name in
 * UTF-8, with everything but RFC 5987 attr-chars percent-encoded, so neither a quote nor CR/LF can end
 * the header early.
 */
public final class ContentDisposition {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** The longest name kept, in UTF-8 bytes: what file systems take. */
  static final int MAX_NAME_BYTES = 255;

  private ContentDisposition() {}

  /**
   * The header value.
   *
   * @param attachment true for {@code attachment} (download), false for {@code inline} (display)
   * @param fileName the name the browser should save or show, any script
   * @return the header value
   */
  public static String of(boolean attachment, String fileName) {
    String name = clean(fileName);
    StringBuilder header = new StringBuilder(name.length() * 4 + 48)
        .append(attachment ? "attachment" : "inline")
        .append("; filename=\"").append(asciiFallback(name)).append('"');
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

  /** The last path segment, NFC, without invisible characters; "download" when nothing is left. */
  static String clean(String fileName) {
    String name = Nfc.normalize(fileName);
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(cut + 1);
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
          && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE && type != Character.UNASSIGNED) {
        out.appendCodePoint(cp);
      }
    }
    // Strip again after capping: the cut can land in a run of spaces, which browsers drop.
    String cleaned = capped(out.toString().strip()).strip();
    return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..") ? "download" : cleaned;
  }

  /** At most {@value #MAX_NAME_BYTES} UTF-8 bytes, keeping a short extension and whole characters. */
  private static String capped(String name) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 17 ? name.substring(dot) : "";
    String base = extension.isEmpty() ? name : name.substring(0, dot);
    int budget = MAX_NAME_BYTES - extension.length();
    StringBuilder kept = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < base.length(); ) {
      int cp = base.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
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
      if (c >= 0x7f || c < 0x20 || c == '"' || c == '\\' || c == '%' || c == ';' || c == '=' || c == '*' || c == '\'') {
        return false;
      }
    }
    return true;
  }

  // RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
  private static boolean isAttrChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
  }
}
