package dev.presign.internal.policy;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** RFC 9110 media-type grammar: {@code type "/" subtype *( OWS ";" OWS parameter )}. */
final class Syntax {
  /**
   * The parsed parts: {@code essence} is {@code type/subtype} in lower case, {@code slash} its '/'
   * index, {@code parameters} the normalized parameters ({@code "; name=value"} each) or empty.
   */
  record Parsed(String essence, int slash, String parameters) {
    String type() {
      return essence.substring(0, slash);
    }

    String subtype() {
      return essence.substring(slash + 1);
    }
  }

  private Syntax() {}

  /** Returns the parsed parts, or {@code null} when the text does not follow the grammar. */
  static @Nullable Parsed parse(@Nullable String text, int maxLength, boolean allowParameters) {
    if (text == null || text.isEmpty() || text.length() > maxLength) {
      return null;
    }
    int end = text.length();
    int i = skipWhitespace(text, 0);
    int typeEnd = token(text, i);
    if (typeEnd == i || typeEnd >= end || text.charAt(typeEnd) != '/') {
      return null;
    }
    int subStart = typeEnd + 1;
    int subEnd = token(text, subStart);
    if (subEnd == subStart) {
      return null;
    }
    // The common request, "image/png" as is, parses without allocating anything but the result.
    String essence =
        i == 0 && subEnd == end && isLowerCase(text, 0, end)
            ? text
            : text.substring(i, subEnd).toLowerCase(Locale.ROOT);
    int slash = typeEnd - i;
    i = skipWhitespace(text, subEnd);
    if (i == end) {
      return new Parsed(essence, slash, "");
    }
    StringBuilder params = new StringBuilder();
    while (i < end) {
      if (!allowParameters || text.charAt(i) != ';') {
        return null;
      }
      i = skipWhitespace(text, i + 1);
      int nameEnd = token(text, i);
      if (nameEnd == i || nameEnd >= end || text.charAt(nameEnd) != '=') {
        return null;
      }
      String name = text.substring(i, nameEnd).toLowerCase(Locale.ROOT);
      int valueStart = nameEnd + 1;
      int valueEnd =
          valueStart < end && text.charAt(valueStart) == '"'
              ? quotedString(text, valueStart)
              : token(text, valueStart);
      if (valueEnd <= valueStart) {
        return null;
      }
      params.append("; ").append(name).append('=').append(text, valueStart, valueEnd);
      i = skipWhitespace(text, valueEnd);
    }
    return new Parsed(essence, slash, params.toString());
  }

  /**
   * The '/' index when {@code text} is already a normalized {@code type/subtype} (lower-case
   * tokens, no whitespace or parameters), else -1: the common request, recognized without building
   * anything.
   */
  static int simpleSlash(String text, int maxLength) {
    if (text == null || text.length() > maxLength) {
      return -1;
    }
    int slash = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/' && slash < 0) {
        slash = i;
      } else if (!isTokenChar(c) || (c >= 'A' && c <= 'Z')) {
        return -1;
      }
    }
    return slash > 0 && slash < text.length() - 1 ? slash : -1;
  }

  private static boolean isLowerCase(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return false;
      }
    }
    return true;
  }

  private static int skipWhitespace(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int token(String s, int i) {
    while (i < s.length() && isTokenChar(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Returns the index after the closing quote, or -1 when the quoted string is malformed. */
  private static int quotedString(String s, int start) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\') {
        i++;
        if (i >= s.length() || !isVisibleOrSpace(s.charAt(i))) {
          return -1;
        }
      } else if (!isVisibleOrSpace(c)) {
        return -1;
      }
      i++;
    }
    return -1;
  }

  // No TAB, though RFC 9110 allows one: signers and S3 turn it into a space when they canonicalize
  // the header, so a value with a TAB has two spellings, and which one a store checks is the
  // store's choice.
  private static boolean isVisibleOrSpace(char c) {
    return c == ' ' || (c > 0x20 && c < 0x7f);
  }

  // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
  // / DIGIT / ALPHA
  static boolean isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
