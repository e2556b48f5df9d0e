package dev.presign.internal.post;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes an S3 POST policy document. Every string goes through {@link #appendString}, which escapes
 * quotes, backslashes and control characters and writes everything outside printable ASCII as
 * {@code \\uXXXX}, so the document stays valid JSON whatever file name or type it carries. Not
 * thread-safe; one per policy.
 */
public final class PostPolicyJson {
  private static final DateTimeFormatter EXPIRATION =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final StringBuilder json = new StringBuilder(512);
  private boolean firstCondition = true;

  /**
   * Starts a policy that expires at {@code expiration}.
   *
   * @param expiration when S3 stops accepting the form
   */
  public PostPolicyJson(Instant expiration) {
    json.append("{\"expiration\":");
    appendString(json, EXPIRATION.format(expiration));
    json.append(",\"conditions\":[");
  }

  /** Adds {@code {"field":"value"}}: the form field must equal the value exactly. */
  public PostPolicyJson exact(String field, String value) {
    separator();
    json.append('{');
    appendString(json, field);
    json.append(':');
    appendString(json, value);
    json.append('}');
    return this;
  }

  /** Adds {@code ["eq","$field","value"]}: the form field must equal the value exactly. */
  public PostPolicyJson eq(String field, String value) {
    return operator("eq", field, value);
  }

  /** Adds {@code ["starts-with","$field","prefix"]}. */
  public PostPolicyJson startsWith(String field, String prefix) {
    return operator("starts-with", field, prefix);
  }

  private PostPolicyJson operator(String operator, String field, String value) {
    separator();
    json.append('[');
    appendString(json, operator);
    json.append(',');
    appendString(json, "$" + field);
    json.append(',');
    appendString(json, value);
    json.append(']');
    return this;
  }

  /** Adds {@code ["content-length-range",min,max]}. */
  public PostPolicyJson contentLengthRange(long min, long max) {
    separator();
    json.append("[\"content-length-range\",").append(min).append(',').append(max).append(']');
    return this;
  }

  /** The finished document. */
  public String toJson() {
    return json + "]}";
  }

  private void separator() {
    if (!firstCondition) {
      json.append(',');
    }
    firstCondition = false;
  }

  /** Appends {@code value} as a JSON string literal, ASCII only. */
  static void appendString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) c));
      }
    }
    out.append('"');
  }
}
