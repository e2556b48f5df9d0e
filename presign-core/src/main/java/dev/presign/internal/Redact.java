package dev.presign.internal;

import java.net.URI;

/**
 * Makes values safe to put in an exception message, a log line or a {@code toString()}: untrusted
 * text is quoted, escaped and shortened, and signed URIs lose their query string, which carries the
 * credential scope, the security token and the signature.
 */
public final class Redact {
  private static final int MAX_QUOTED = 80;

  private Redact() {}

  /**
   * Quotes untrusted text: control, format and line-separator characters become {@code \\uXXXX}, so
   * a value can neither forge a log line nor reorder what an end user reads; long values are cut.
   *
   * @param text untrusted text, or null
   * @return the quoted text
   */
  public static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 8).append('"');
    int shown = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (shown == MAX_QUOTED) {
        out.append("\u2026 (").append(text.length()).append(" chars)");
        break;
      }
      if (cp == '"' || cp == '\\') {
        out.append('\\').append((char) cp);
      } else if (isInvisible(cp)) {
        out.append(String.format("\\u%04X", cp));
      } else {
        out.appendCodePoint(cp);
      }
      shown++;
      i += Character.charCount(cp);
    }
    return out.append('"').toString();
  }

  /**
   * Describes a URI without its query.
   *
   * @param uri a URI, or null
   * @return scheme, authority and path, then {@code ?…} when there was a query
   */
  public static String uri(URI uri) {
    if (uri == null) {
      return "null";
    }
    // Host and port only: user info could hold a password.
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String base =
        uri.getScheme()
            + "://"
            + uri.getHost()
            + port
            + (uri.getRawPath() == null ? "" : uri.getRawPath());
    return uri.getRawQuery() == null ? base : base + "?\u2026";
  }

  /**
   * Describes a URL given as text without its query, fragment or user info, without parsing it into
   * a {@link URI}: the results keep their URL as text, and printing one must not cost a parse.
   *
   * @param url a URL, or null
   * @return scheme, host, port and path, then {@code ?…} when there was a query or fragment
   */
  public static String url(String url) {
    if (url == null) {
      return "null";
    }
    int end = 0;
    while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
      end++;
    }
    int schemeEnd = url.indexOf("://");
    String base = url.substring(0, end);
    if (schemeEnd >= 0 && schemeEnd < end) {
      int authorityStart = schemeEnd + 3;
      int authorityEnd = url.indexOf('/', authorityStart);
      if (authorityEnd < 0 || authorityEnd > end) {
        authorityEnd = end;
      }
      // Host and port only: user info could hold a password.
      int at = url.lastIndexOf('@', authorityEnd - 1);
      if (at >= authorityStart) {
        base = url.substring(0, authorityStart) + url.substring(at + 1, end);
      }
    }
    return end == url.length() ? base : base + "?\u2026";
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED;
  }
}
