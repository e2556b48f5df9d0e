package dev.presign.internal.uppy;

import dev.presign.internal.Redact;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Strict decoding of what a browser's {@code URLSearchParams} and {@code encodeURIComponent}
 * produce: {@code %XX} escapes of UTF-8 (and {@code +} for a space in a query). A bad escape, bytes
 * that are not UTF-8 or a parameter named twice is refused, so one request has one meaning.
 */
public final class FormDecoding {
  /** The longest query accepted, in characters. */
  public static final int MAX_QUERY = 16 * 1024;

  private FormDecoding() {}

  /**
   * Decodes a raw query string.
   *
   * @param rawQuery the query without {@code ?}, or null or empty for none
   * @return the parameters in order
   * @throws IllegalArgumentException stating the rule, when the query is malformed
   */
  public static Map<String, String> query(@Nullable String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    if (rawQuery.length() > MAX_QUERY) {
      throw new IllegalArgumentException(
          "the query must be at most " + MAX_QUERY + " characters: " + rawQuery.length());
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      if (params.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException(
            "a query parameter must appear once: " + Redact.quote(name));
      }
    }
    return Collections.unmodifiableMap(params);
  }

  /**
   * Decodes one path segment ({@code +} stays a plus).
   *
   * @param segment the raw segment
   * @return the decoded text
   * @throws IllegalArgumentException when an escape is malformed or the bytes are not UTF-8
   */
  public static String segment(String segment) {
    return decode(segment, false);
  }

  private static String decode(String raw, boolean plusIsSpace) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "a query or path must be printable ASCII, the rest %-escaped: found U+"
                + String.format(Locale.ROOT, "%04X", (int) c));
      }
    }
    if (raw.indexOf('%') < 0) {
      return plusIsSpace ? raw.replace('+', ' ') : raw;
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
        int lo = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("a %-escape must be two hex digits");
        }
        bytes.put((byte) (hi * 16 + lo));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.put((byte) ' ');
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("%-escapes must encode UTF-8");
    }
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9'
        ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
