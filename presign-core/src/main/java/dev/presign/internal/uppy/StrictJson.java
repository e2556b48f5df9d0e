package dev.presign.internal.uppy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A strict JSON reader and writer for the few small documents of Uppy's S3 protocol, so
 * presign-core needs no JSON library. RFC 8259 only: no comments, no trailing commas, no duplicate
 * names, no lone surrogates, at most {@value #MAX_DEPTH} levels, {@value #MAX_LENGTH} characters,
 * {@value #MAX_ITEMS} items in one array or object and {@value #MAX_VALUES} values in all (so a
 * small body cannot become a large tree), unicode escapes of four ASCII hex digits only. Objects
 * become {@link Map}s in document order, arrays {@link List}s, numbers their source text as {@link
 * Number} ({@link JsonNumber}), {@code null} {@link #NULL}.
 */
public final class StrictJson {
  /** The longest document read, in characters: Companion's own body limit. */
  public static final int MAX_LENGTH = 1024 * 1024;

  /** The deepest nesting read. */
  public static final int MAX_DEPTH = 16;

  /**
   * The most items in one array or members in one object: a complete request names up to 10,000
   * parts.
   */
  public static final int MAX_ITEMS = 10_001;

  /**
   * The most values in one document, all levels together: 10,000 parts of three values each, and
   * room.
   */
  public static final int MAX_VALUES = 40_000;

  private static final Pattern LONG = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

  /** JSON's {@code null}, distinct from an absent member. */
  public static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  /**
   * Why a document was refused; the message says where and why, never echoing more than a
   * character.
   */
  public static final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    JsonException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A JSON number as written, kept as text so no value is rounded before the caller decides.
   *
   * @param text the number's source text
   */
  public record JsonNumber(String text) {
    /** {@return the value when it is a whole number that fits a long, else empty} */
    public OptionalLong asLong() {
      if (!LONG.matcher(text).matches()) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(Long.parseLong(text));
    }
  }

  private final String src;
  private int pos;
  private int values;

  private StrictJson(String src) {
    this.src = src;
  }

  /**
   * Reads one JSON document.
   *
   * @param text the document
   * @return the value
   * @throws JsonException when the text is not exactly one strict JSON value
   */
  public static Object parse(String text) throws JsonException {
    if (text == null || text.length() > MAX_LENGTH) {
      throw new JsonException("the JSON body must be at most " + MAX_LENGTH + " characters");
    }
    StrictJson p = new StrictJson(text);
    p.skipSpace();
    Object value = p.value(0);
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("unexpected text after the value");
    }
    return value;
  }

  private Object value(int depth) throws JsonException {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
    if (++values > MAX_VALUES) {
      throw error("more than " + MAX_VALUES + " values in the document");
    }
    if (pos >= src.length()) {
      throw error("unexpected end");
    }
    char c = src.charAt(pos);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", true);
      case 'f':
        return literal("false", false);
      case 'n':
        return literal("null", NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character");
    }
  }

  private Map<String, Object> object(int depth) throws JsonException {
    pos++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String name = string();
      skipSpace();
      expect(':');
      skipSpace();
      Object value = value(depth + 1);
      if (members.putIfAbsent(name, value) != null) {
        throw error("a member name appears twice");
      }
      if (members.size() > MAX_ITEMS) {
        throw error("more than " + MAX_ITEMS + " members in an object");
      }
      skipSpace();
      char c = next();
      if (c == '}') {
        return Collections.unmodifiableMap(members);
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) throws JsonException {
    pos++;
    List<Object> items = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      skipSpace();
      items.add(value(depth + 1));
      if (items.size() > MAX_ITEMS) {
        throw error("more than " + MAX_ITEMS + " items in an array");
      }
      skipSpace();
      char c = next();
      if (c == ']') {
        return Collections.unmodifiableList(items);
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() throws JsonException {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        break;
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"':
          out.append('"');
          break;
        case '\\':
          out.append('\\');
          break;
        case '/':
          out.append('/');
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'u':
          out.append(hex4());
          break;
        default:
          throw error("unknown escape");
      }
    }
    String s = out.toString();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw error("a lone surrogate in a string");
      }
    }
    return s;
  }

  private char hex4() throws JsonException {
    if (pos + 4 > src.length()) {
      throw error("unexpected end");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      char c = src.charAt(pos++);
      int d =
          c >= '0' && c <= '9'
              ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) {
        throw error("bad \\u escape");
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  private JsonNumber number() throws JsonException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (peek() >= '1' && peek() <= '9') {
      digits();
    } else {
      throw error("bad number");
    }
    if (peek() == '.') {
      pos++;
      if (!(peek() >= '0' && peek() <= '9')) {
        throw error("bad number");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!(peek() >= '0' && peek() <= '9')) {
        throw error("bad number");
      }
      digits();
    }
    if (pos - start > 64) {
      throw error("a number longer than 64 characters");
    }
    return new JsonNumber(src.substring(start, pos));
  }

  private void digits() {
    while (peek() >= '0' && peek() <= '9') {
      pos++;
    }
  }

  private Object literal(String word, Object value) throws JsonException {
    if (!src.startsWith(word, pos)) {
      throw error("unexpected character");
    }
    pos += word.length();
    return value;
  }

  private void skipSpace() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    return pos < src.length() ? src.charAt(pos) : '\0';
  }

  private char next() throws JsonException {
    if (pos >= src.length()) {
      throw error("unexpected end");
    }
    return src.charAt(pos++);
  }

  private void expect(char c) throws JsonException {
    if (next() != c) {
      pos--;
      throw error("expected '" + c + "'");
    }
  }

  private JsonException error(String why) {
    return new JsonException("the JSON body is malformed at character " + pos + ": " + why);
  }

  /**
   * Writes a string as a JSON string literal; everything outside printable ASCII is escaped, so the
   * output is safe in any charset and cannot close a surrounding {@code <script>}.
   *
   * @param out where to write
   * @param s the string
   * @return {@code out}
   */
  public static StringBuilder quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e || c == '<' || c == '>' || c == '&') {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"');
  }
}
