package dev.presign.internal.signing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for the canonical request, the string to sign and the URL. Reused per
 * thread, so steady-state signing allocates nothing here. Not thread-safe.
 */
final class ByteSink {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  // SigV4's unreserved characters, A-Z a-z 0-9 - _ . ~, by ASCII code: one load per character to
  // encode.
  private static final boolean[] UNRESERVED = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      UNRESERVED[c] =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '~';
    }
  }

  byte[] bytes;
  int length;

  ByteSink(int capacity) {
    bytes = new byte[capacity];
  }

  void reset() {
    length = 0;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  ByteSink append(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  ByteSink append(byte[] source) {
    return append(source, 0, source.length);
  }

  ByteSink append(byte[] source, int from, int to) {
    int n = to - from;
    ensure(n);
    System.arraycopy(source, from, bytes, length, n);
    length += n;
    return this;
  }

  /** Appends text known to be ASCII (names, hosts, numbers); anything wider is written as UTF-8. */
  ByteSink ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return utf8(s.substring(i));
      }
      bytes[length++] = (byte) c;
    }
    return this;
  }

  /** Appends ASCII text folded to lower case (header names). */
  ByteSink asciiLowerCase(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      bytes[length++] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return this;
  }

  ByteSink utf8(String s) {
    return append(s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Appends a header value as SigV4 canonicalizes it, the way the AWS SDKs (Java v2, JavaScript v3,
   * botocore) do: leading and trailing whitespace trimmed, every run of space, TAB, CR, LF, VT or
   * FF inside turned into one space, UTF-8.
   */
  ByteSink headerValue(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isWhitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(value.charAt(end - 1))) {
      end--;
    }
    ensure(end - start);
    boolean afterSpace = false;
    for (int i = start; i < end; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        // Rare: non-ASCII metadata. Canonicalize the rest through a String.
        String rest = value.substring(i, end).replaceAll("[ \\t\\n\\x0B\\f\\r]+", " ");
        return utf8(rest);
      }
      if (isWhitespace(c)) {
        if (!afterSpace) {
          bytes[length++] = ' ';
          afterSpace = true;
        }
        continue;
      }
      bytes[length++] = (byte) c;
      afterSpace = false;
    }
    return this;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
  }

  ByteSink decimal(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative: " + value);
    }
    int digits = 1;
    for (long v = value / 10; v > 0; v /= 10) {
      digits++;
    }
    ensure(digits);
    for (int i = length + digits - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
    return this;
  }

  ByteSink twoDigits(int value) {
    ensure(2);
    bytes[length++] = (byte) ('0' + value / 10);
    bytes[length++] = (byte) ('0' + value % 10);
    return this;
  }

  ByteSink hex(byte[] source, int count) {
    ensure(count * 2);
    // Locals, not the fields, in the loop: one store of the length at the end instead of one per
    // digit.
    byte[] b = bytes;
    int at = length;
    for (int i = 0; i < count; i++) {
      int v = source[i] & 0xff;
      b[at] = HEX[v >>> 4];
      b[at + 1] = HEX[v & 0xf];
      at += 2;
    }
    length = at;
    return this;
  }

  /**
   * Appends SigV4's URI encoding of {@code s}: unreserved {@code A-Z a-z 0-9 - _ . ~} as is, every
   * other UTF-8 byte as {@code %XX}; {@code /} is kept when {@code keepSlash}.
   */
  ByteSink uriEncode(String s, boolean keepSlash) {
    int n = s.length();
    // Room for every ASCII character as %XX, made once: the loop then writes without a bounds check
    // per byte.
    ensure(n * 3);
    byte[] b = bytes;
    int at = length;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (UNRESERVED[c] || (c == '/' && keepSlash)) {
          b[at++] = (byte) c;
        } else {
          b[at++] = '%';
          b[at++] = HEX_UPPER[c >>> 4];
          b[at++] = HEX_UPPER[c & 0xf];
        }
      } else {
        // Rare: non-ASCII in a key or value. Each UTF-8 byte as %XX, after growing for it.
        int end = i + 1;
        while (end < n && s.charAt(end) >= 0x80) {
          end++;
        }
        length = at;
        for (byte utf8 : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          percent(utf8 & 0xff);
        }
        ensure((n - end) * 3);
        b = bytes;
        at = length;
        i = end - 1;
      }
    }
    length = at;
    return this;
  }

  private void percent(int b) {
    ensure(3);
    bytes[length++] = '%';
    bytes[length++] = HEX_UPPER[b >>> 4];
    bytes[length++] = HEX_UPPER[b & 0xf];
  }

  static boolean isUnreserved(char c) {
    return c < 0x80 && UNRESERVED[c];
  }

  String toLatin1String() {
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }
}
