package dev.presign.internal.signing;

import java.nio.charset.StandardCharsets;

/**
 * SigV4's URI encoding: every byte of the UTF-8 form except the unreserved {@code A-Z a-z 0-9 - _ . ~}
 * becomes {@code %XX} with upper-case hex. S3 encodes an object key once and keeps its {@code /}.
 */
public final class UriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  /** Appends an object key as a path, keeping {@code /}. */
  public static StringBuilder appendPath(StringBuilder out, String key) {
    return append(out, key, true);
  }

  /** Encodes a query parameter name or value, including {@code /}. */
  public static String encode(String value) {
    return append(new StringBuilder(value.length() + 16), value, false).toString();
  }

  private static StringBuilder append(StringBuilder out, String value, boolean keepSlash) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isUnreserved(c) || (keepSlash && c == '/')) {
        out.append(c);
      } else if (c < 0x80) {
        appendByte(out, c);
      } else {
        // Rare path: only non-ASCII keys pay for the encoder.
        int end = i + 1;
        while (end < value.length() && value.charAt(end) >= 0x80) {
          end++;
        }
        for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          appendByte(out, b & 0xff);
        }
        i = end - 1;
      }
    }
    return out;
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '.' || c == '~';
  }
}
