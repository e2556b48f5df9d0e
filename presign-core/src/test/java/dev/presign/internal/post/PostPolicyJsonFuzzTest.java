package dev.presign.internal.post;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any key and content type give a policy document that parses as JSON into exactly the intended
 * conditions.
 */
class PostPolicyJsonFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void toJson_anyValues_parseBackToTheIntendedConditions(FuzzedDataProvider data) {
    String key = data.consumeString(300);
    String type = data.consumeRemainingAsString();

    String json =
        new PostPolicyJson(Instant.parse("2026-11-29T12:00:00Z"))
            .exact("bucket", "b")
            .eq("key", key)
            .startsWith("Content-Type", type)
            .contentLengthRange(1, 10)
            .toJson();

    @SuppressWarnings("unchecked")
    Map<String, Object> parsed = (Map<String, Object>) new Parser(json).value();
    assertThat(parsed.get("expiration")).isEqualTo("2026-11-29T12:00:00.000Z");
    assertThat(parsed.get("conditions"))
        .isEqualTo(
            List.of(
                Map.of("bucket", "b"),
                List.of("eq", "$key", key),
                List.of("starts-with", "$Content-Type", type),
                List.of("content-length-range", 1L, 10L)));
  }

  /** A strict little JSON parser: objects, arrays, strings with escapes, integers. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    Object value() {
      Object value = next();
      assertThat(i).as("trailing characters in %s", s).isEqualTo(s.length());
      return value;
    }

    private Object next() {
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        while (s.charAt(i) != '}') {
          String name = string();
          expect(':');
          map.put(name, next());
          if (s.charAt(i) == ',') {
            i++;
          }
        }
        i++;
        return map;
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        i++;
        while (s.charAt(i) != ']') {
          list.add(next());
          if (s.charAt(i) == ',') {
            i++;
          }
        }
        i++;
        return list;
      }
      if (c == '"') {
        return string();
      }
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
        i++;
      }
      return Long.parseLong(s.substring(start, i));
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (s.charAt(i) != '"') {
        char c = s.charAt(i++);
        assertThat(c).as("raw control character in a JSON string").isGreaterThanOrEqualTo(' ');
        if (c == '\\') {
          char e = s.charAt(i++);
          if (e == 'u') {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          } else {
            assertThat("\"\\/bfnrt").contains(String.valueOf(e));
            out.append(e);
          }
        } else {
          out.append(c);
        }
      }
      i++;
      return out.toString();
    }

    private void expect(char c) {
      assertThat(s.charAt(i)).isEqualTo(c);
      i++;
    }
  }
}
