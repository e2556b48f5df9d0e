package dev.presign.internal.attributes;

import dev.presign.InvalidRequestException;
import dev.presign.InvalidRequestException.Reason;
import dev.presign.ObjectAttributes;
import dev.presign.UploadRequest;
import dev.presign.internal.Redact;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The headers that carry a policy's {@link ObjectAttributes} and a request's additions, in one
 * fixed order (encryption, storage class, metadata by key, tagging), with values as sent: metadata
 * RFC 2047-encoded where needed, tags as S3's URL-encoded {@code key=value&…}. The policy's own
 * part is computed once; a request without additions reuses it. Immutable and thread-safe.
 */
public final class AttributeHeaders {
  /** The header that carries tags on a PUT and CreateMultipartUpload. */
  public static final String TAGGING = "x-amz-tagging";

  /** The prefix of user-metadata headers. */
  public static final String META = "x-amz-meta-";

  private final ObjectAttributes attributes;
  // Names at even indexes, each followed by its value, for the policy's fixed attributes.
  private final String[] fixed;
  private final int fixedMetadataBytes;

  private AttributeHeaders(ObjectAttributes attributes) {
    this.attributes = attributes;
    List<String> entries = new ArrayList<>();
    attributes
        .encryption()
        .ifPresent(
            e -> {
              entries.add("x-amz-server-side-encryption");
              entries.add(e.algorithm());
              e.kmsKeyId()
                  .ifPresent(
                      id -> {
                        entries.add("x-amz-server-side-encryption-aws-kms-key-id");
                        entries.add(id);
                      });
              if (e.bucketKeyEnabled()) {
                entries.add("x-amz-server-side-encryption-bucket-key-enabled");
                entries.add("true");
              }
            });
    attributes
        .storageClass()
        .ifPresent(
            s -> {
              entries.add("x-amz-storage-class");
              entries.add(s);
            });
    int bytes = 0;
    for (Map.Entry<String, String> entry : attributes.metadata().entrySet()) {
      String value = Rfc2047.encode(entry.getValue());
      entries.add(META + entry.getKey());
      entries.add(value);
      bytes += AttributeRules.metadataBytes(entry.getKey(), value);
    }
    if (!attributes.tags().isEmpty()) {
      entries.add(TAGGING);
      entries.add(tagging(attributes.tags()));
    }
    this.fixed = entries.toArray(new String[0]);
    this.fixedMetadataBytes = bytes;
  }

  /**
   * The headers of a policy's attributes.
   *
   * @param attributes the policy's attributes
   * @return the headers, or null when the attributes set nothing and allow nothing (the common
   *     case, which then costs nothing per URL)
   */
  public static @Nullable AttributeHeaders of(ObjectAttributes attributes) {
    return attributes.isEmpty() ? null : new AttributeHeaders(attributes);
  }

  /** {@return the policy's attributes} */
  public ObjectAttributes attributes() {
    return attributes;
  }

  /**
   * Refuses a request that carries metadata or tags when the policy has no attributes at all.
   *
   * @param request the request
   * @throws InvalidRequestException when it carries any
   */
  public static void requireNoAdditions(UploadRequest request) {
    if (!request.metadata().isEmpty()) {
      throw new InvalidRequestException(
          Reason.METADATA_INVALID,
          "metadata key must be one the policy allows (none): "
              + Redact.quote(request.metadata().keySet().iterator().next()));
    }
    if (!request.tags().isEmpty()) {
      throw new InvalidRequestException(
          Reason.TAGS_INVALID,
          "tag key must be one the policy allows (none): "
              + Redact.quote(request.tags().keySet().iterator().next()));
    }
  }

  /**
   * The headers for one request, names and values alternating, after checking its additions.
   *
   * @param request the request
   * @return the entries; the policy's own array when the request adds nothing (do not modify it)
   * @throws InvalidRequestException when an addition is not allowed, malformed or over S3's limits
   */
  public String[] entries(UploadRequest request) {
    if (request.metadata().isEmpty() && request.tags().isEmpty()) {
      return fixed;
    }
    List<String> entries = new ArrayList<>(fixed.length + 2 * request.metadata().size() + 2);
    TreeMap<String, String> metadata = new TreeMap<>();
    int bytes = fixedMetadataBytes;
    for (Map.Entry<String, String> entry : request.metadata().entrySet()) {
      String key = entry.getKey();
      if (!attributes.requestMetadataKeys().contains(key)) {
        throw new InvalidRequestException(
            Reason.METADATA_INVALID,
            "metadata key must be one of "
                + attributes.requestMetadataKeys()
                + ": "
                + Redact.quote(key));
      }
      String violation = AttributeRules.metadataValueViolation(key, entry.getValue());
      if (violation != null) {
        throw new InvalidRequestException(Reason.METADATA_INVALID, violation);
      }
      String value = Rfc2047.encode(entry.getValue());
      bytes += AttributeRules.metadataBytes(key, value);
      metadata.put(key, value);
    }
    if (bytes > AttributeRules.MAX_METADATA_BYTES) {
      throw new InvalidRequestException(
          Reason.METADATA_INVALID,
          "metadata must be at most "
              + AttributeRules.MAX_METADATA_BYTES
              + " bytes in all (keys and values as sent): "
              + bytes);
    }
    TreeMap<String, String> tags = new TreeMap<>(attributes.tags());
    for (Map.Entry<String, String> entry : request.tags().entrySet()) {
      String key = entry.getKey();
      if (!attributes.requestTagKeys().contains(key)) {
        throw new InvalidRequestException(
            Reason.TAGS_INVALID,
            "tag key must be one of " + attributes.requestTagKeys() + ": " + Redact.quote(key));
      }
      String violation = AttributeRules.tagValueViolation(key, entry.getValue());
      if (violation != null) {
        throw new InvalidRequestException(Reason.TAGS_INVALID, violation);
      }
      tags.put(key, entry.getValue());
    }
    if (tags.size() > AttributeRules.MAX_TAGS) {
      throw new InvalidRequestException(
          Reason.TAGS_INVALID,
          "an object can carry at most " + AttributeRules.MAX_TAGS + " tags: " + tags.size());
    }
    // The fixed entries without their tagging, then the request's metadata merged by key, then all
    // tags.
    int fixedEnd = attributes.tags().isEmpty() ? fixed.length : fixed.length - 2;
    for (int i = 0; i < fixedEnd; i += 2) {
      if (fixed[i].startsWith(META)) {
        metadata.put(fixed[i].substring(META.length()), fixed[i + 1]);
      } else {
        entries.add(fixed[i]);
        entries.add(fixed[i + 1]);
      }
    }
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      entries.add(META + entry.getKey());
      entries.add(entry.getValue());
    }
    if (!tags.isEmpty()) {
      entries.add(TAGGING);
      entries.add(tagging(tags));
    }
    return entries.toArray(new String[0]);
  }

  /**
   * S3's tag set as a header value: {@code key=value} pairs joined by {@code &}, each part
   * URL-encoded.
   */
  public static String tagging(Map<String, String> tags) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (out.length() > 0) {
        out.append('&');
      }
      encode(tag.getKey(), out);
      out.append('=');
      encode(tag.getValue(), out);
    }
    return out.toString();
  }

  /**
   * RFC 3986 percent-encoding of UTF-8, as the AWS SDKs encode tagging: only unreserved characters
   * stay.
   */
  private static void encode(String text, StringBuilder out) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
  }
}
