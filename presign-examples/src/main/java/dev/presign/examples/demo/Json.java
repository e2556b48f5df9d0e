package dev.presign.examples.demo;

import java.util.Map;

/**
 * Just enough JSON for the demo's answers: objects of strings, numbers, nested objects and lists.
 */
final class Json {
  // Signed URLs carry several '&': String.format for each took about 5% of the demo's time under
  // load.
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  static String of(Map<String, ?> object) {
    StringBuilder out = new StringBuilder(256);
    write(out, object);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, String.valueOf(entry.getKey()));
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, item);
      }
      out.append(']');
    } else {
      string(out, value.toString());
    }
  }

  // Everything outside printable ASCII as \\uXXXX: safe inside a page too (no </script> break-out).
  private static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f && c != '<' && c != '>' && c != '&') {
        out.append(c);
      } else {
        out.append("\\u")
            .append(HEX[c >>> 12])
            .append(HEX[(c >>> 8) & 0xf])
            .append(HEX[(c >>> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
    out.append('"');
  }
}
