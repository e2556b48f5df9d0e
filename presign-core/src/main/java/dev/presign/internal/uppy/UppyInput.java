package dev.presign.internal.uppy;

import dev.presign.UploadedPart;
import dev.presign.internal.Redact;
import dev.presign.internal.uppy.StrictJson.JsonNumber;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads what Uppy sends: the query, the JSON bodies and their fields, each refusal an {@link
 * UppyError}.
 */
public final class UppyInput {
  /** The largest body read, in bytes: Companion's own limit. */
  public static final int MAX_BODY = 1024 * 1024;

  private static final int MAX_ETAG = 256;
  private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,17}");

  private UppyInput() {}

  /**
   * Decodes the query.
   *
   * @param rawQuery the raw query, or null
   * @return the parameters
   */
  public static Map<String, String> query(@Nullable String rawQuery) {
    try {
      return FormDecoding.query(rawQuery);
    } catch (IllegalArgumentException e) {
      throw UppyError.badRequest(String.valueOf(e.getMessage()));
    }
  }

  /**
   * Reads a JSON body: its type must be {@code application/json}, as Uppy sends it, so that no
   * cross-site form ({@code text/plain}, sent without a preflight) can reach a route that changes
   * state; its bytes must be UTF-8 and at most {@value #MAX_BODY}.
   *
   * @param contentType the request's Content-Type, or null
   * @param body the body's bytes, or null
   * @return the parsed document
   */
  public static Object jsonBody(@Nullable String contentType, byte @Nullable [] body) {
    String essence =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!essence.equals("application/json")) {
      throw UppyError.of(
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "the request body must be sent as application/json: "
              + Redact.quote(contentType == null ? "" : contentType));
    }
    byte[] bytes = body == null ? new byte[0] : body;
    if (bytes.length > MAX_BODY) {
      throw UppyError.of(
          413,
          "BODY_TOO_LARGE",
          "the request body must be at most " + MAX_BODY + " bytes: " + bytes.length);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw UppyError.badRequest("the request body must be UTF-8");
    }
    try {
      return StrictJson.parse(text);
    } catch (StrictJson.JsonException e) {
      throw UppyError.badRequest(String.valueOf(e.getMessage()));
    }
  }

  /**
   * The JSON object a value must be.
   *
   * @param value the value
   * @param what its name in the message
   * @return the members
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(@Nullable Object value, String what) {
    if (!(value instanceof Map)) {
      throw UppyError.badRequest(what + " must be a JSON object");
    }
    return (Map<String, Object>) value;
  }

  /**
   * A required, non-empty query parameter.
   *
   * @param query the parameters
   * @param name the name
   * @return the value
   */
  public static String required(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      throw UppyError.badRequest(
          "the " + name + " query parameter is required and must not be empty");
    }
    return value;
  }

  /**
   * A declared size from a query parameter or a string member.
   *
   * @param raw the text, or null or empty when none
   * @return the size, or empty
   */
  public static OptionalLong size(@Nullable String raw) {
    if (raw == null || raw.isEmpty()) {
      return OptionalLong.empty();
    }
    if (!SIZE.matcher(raw).matches()) {
      throw UppyError.badRequest(
          "metadata.size must be a whole number of bytes: " + Redact.quote(raw));
    }
    return OptionalLong.of(Long.parseLong(raw));
  }

  /**
   * The size in a create body's {@code metadata}: a number or a string of digits.
   *
   * @param doc the body
   * @return the size, or empty when none is declared
   */
  public static OptionalLong declaredSize(Map<String, Object> doc) {
    Object metadata = doc.getOrDefault("metadata", StrictJson.NULL);
    if (metadata == StrictJson.NULL) {
      return OptionalLong.empty();
    }
    Object declared = object(metadata, "metadata").get("size");
    if (declared instanceof JsonNumber n) {
      OptionalLong size = n.asLong();
      if (size.isEmpty() || size.getAsLong() < 0) {
        throw UppyError.badRequest(
            "metadata.size must be a whole number of bytes: " + Redact.quote(n.text()));
      }
      return size;
    }
    if (declared instanceof String s) {
      return size(s);
    }
    if (declared != null && declared != StrictJson.NULL) {
      throw UppyError.badRequest("metadata.size must be a whole number of bytes");
    }
    return OptionalLong.empty();
  }

  /**
   * The parts a complete body names.
   *
   * @param doc the body
   * @return the parts, as named
   */
  public static List<UploadedPart> parts(Map<String, Object> doc) {
    if (!(doc.get("parts") instanceof List<?> list)) {
      throw UppyError.badRequest("parts must be an array of {PartNumber, ETag} objects");
    }
    if (list.size() > 10_000) {
      throw UppyError.badRequest("parts must name at most 10000 parts: " + list.size());
    }
    List<UploadedPart> named = new ArrayList<>(list.size());
    for (Object item : list) {
      Map<String, Object> part = object(item, "each part");
      if (!(part.get("PartNumber") instanceof JsonNumber n)
          || n.asLong().isEmpty()
          || !(part.get("ETag") instanceof String e)) {
        throw UppyError.badRequest("parts must be an array of {PartNumber, ETag} objects");
      }
      if (e.isEmpty() || e.length() > MAX_ETAG) {
        throw UppyError.badRequest(
            "an ETag must be 1 to " + MAX_ETAG + " characters: " + e.length());
      }
      long value = n.asLong().getAsLong();
      if (value < 1 || value > 10_000) {
        throw UppyError.badRequest("a part number must be between 1 and 10000: " + value);
      }
      named.add(UploadedPart.of((int) value, e));
    }
    return named;
  }
}
