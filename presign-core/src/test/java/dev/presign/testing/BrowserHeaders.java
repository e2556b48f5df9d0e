package dev.presign.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads headers back the way a browser does (RFC 6266): parameters split outside quoted strings.
 */
public final class BrowserHeaders {
  private BrowserHeaders() {}

  /**
   * The file name a browser takes from a Content-Disposition header: {@code filename*} when present
   * (RFC 6266 section 4.3), else the quoted {@code filename}.
   *
   * @param header the header value
   * @return the name, or null when the header names none
   */
  public static String fileName(String header) {
    Map<String, String> parameters = parameters(header);
    String extended = parameters.get("filename*");
    if (extended != null && extended.toLowerCase(Locale.ROOT).startsWith("utf-8''")) {
      return percentDecode(extended.substring(7));
    }
    return parameters.get("filename");
  }

  private static Map<String, String> parameters(String header) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int i = header.indexOf(';');
    while (i >= 0 && i < header.length()) {
      i++;
      while (i < header.length() && header.charAt(i) == ' ') {
        i++;
      }
      int eq = header.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      if (i < header.length() && header.charAt(i) == '"') {
        i++;
        while (i < header.length() && header.charAt(i) != '"') {
          if (header.charAt(i) == '\\' && i + 1 < header.length()) {
            i++;
          }
          value.append(header.charAt(i++));
        }
        i++;
      } else {
        while (i < header.length() && header.charAt(i) != ';') {
          value.append(header.charAt(i++));
        }
      }
      parameters.putIfAbsent(name, value.toString().trim());
      i = header.indexOf(';', i);
    }
    return parameters;
  }

  private static String percentDecode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
