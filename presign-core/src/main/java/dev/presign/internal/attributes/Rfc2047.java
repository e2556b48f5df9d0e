package dev.presign.internal.attributes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * User-metadata values as S3 carries them in HTTP headers. A header is US-ASCII, so S3 decodes RFC
 * 2047 encoded-words ({@code =?UTF-8?B?…?=}) in an {@code x-amz-meta-*} value before storing it,
 * and encodes a stored non-ASCII value the same way when it returns it. presign sends a value
 * unchanged when it is printable ASCII (without surrounding or repeated spaces) and could not be
 * read as an encoded-word, and as one {@code =?UTF-8?B?…?=} word over its UTF-8 bytes otherwise: so
 * S3 stores exactly the text the application gave, and a client-supplied {@code =?…?=} cannot make
 * S3 store something else.
 */
public final class Rfc2047 {
  private static final String PREFIX = "=?UTF-8?B?";
  private static final String SUFFIX = "?=";

  private Rfc2047() {}

  /**
   * The header value for a metadata value.
   *
   * @param value the text to store; no control characters (checked by the caller)
   * @return the value itself, or one base64 encoded-word
   */
  public static String encode(String value) {
    if (isPlainAscii(value)) {
      return value;
    }
    return PREFIX
        + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
        + SUFFIX;
  }

  /**
   * The text of a value read back from a store: one or more encoded-words ({@code B} or {@code Q},
   * UTF-8 or ISO-8859-1) are decoded, anything else is returned as it is.
   *
   * @param header the header value as returned
   * @return the decoded text
   */
  public static String decode(String header) {
    String trimmed = header.trim();
    if (!trimmed.startsWith("=?") || !trimmed.endsWith("?=")) {
      return header;
    }
    StringBuilder out = new StringBuilder();
    for (String word : trimmed.split("\\s+", -1)) {
      String decoded = decodeWord(word);
      if (decoded == null) {
        return header;
      }
      out.append(decoded);
    }
    return out.toString();
  }

  private static @Nullable String decodeWord(String word) {
    if (!word.startsWith("=?") || !word.endsWith("?=")) {
      return null;
    }
    String[] parts = word.substring(2, word.length() - 2).split("\\?", -1);
    if (parts.length != 3) {
      return null;
    }
    java.nio.charset.Charset charset;
    if (parts[0].equalsIgnoreCase("UTF-8")) {
      charset = StandardCharsets.UTF_8;
    } else if (parts[0].equalsIgnoreCase("ISO-8859-1")) {
      charset = StandardCharsets.ISO_8859_1;
    } else {
      return null;
    }
    try {
      if (parts[1].equalsIgnoreCase("B")) {
        return new String(Base64.getDecoder().decode(parts[2]), charset);
      }
      if (parts[1].equalsIgnoreCase("Q")) {
        return new String(decodeQ(parts[2]), charset);
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private static byte[] decodeQ(String text) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        bytes.write(' ');
      } else if (c == '=' && i + 2 < text.length()) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c == '=') {
        throw new IllegalArgumentException("truncated escape");
      } else {
        bytes.write(c);
      }
    }
    return bytes.toByteArray();
  }

  /** Printable ASCII that S3 would not take for an encoded-word. */
  private static boolean isPlainAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    // Surrounding or repeated spaces would not survive header canonicalization and trimming as
    // sent.
    return !value.contains("=?")
        && !value.startsWith(" ")
        && !value.endsWith(" ")
        && !value.contains("  ");
  }
}
