package dev.presign.internal.attributes;

import dev.presign.internal.Redact;
import dev.presign.internal.Require;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The rules S3 sets for object attributes, as violation texts ({@code null} when a value is fine)
 * that state the rule and the quoted value, safe to show the end user who sent it.
 */
public final class AttributeRules {
  /** S3's limit on all user metadata of an object: keys and values, in UTF-8 bytes. */
  public static final int MAX_METADATA_BYTES = 2048;

  /** S3's limit on the tags of an object. */
  public static final int MAX_TAGS = 10;

  /** S3's limit on a tag key, in Unicode characters. */
  public static final int MAX_TAG_KEY_LENGTH = 128;

  /** S3's limit on a tag value, in Unicode characters. */
  public static final int MAX_TAG_VALUE_LENGTH = 256;

  /** The longest metadata key presign accepts (without {@code x-amz-meta-}). */
  public static final int MAX_METADATA_KEY_LENGTH = 128;

  private AttributeRules() {}

  /**
   * Lower-case letters, digits and inner hyphens: what every proxy passes and S3 stores unchanged.
   */
  public static @Nullable String metadataKeyViolation(String key) {
    boolean ok =
        !key.isEmpty()
            && key.length() <= MAX_METADATA_KEY_LENGTH
            && key.charAt(0) != '-'
            && key.charAt(key.length() - 1) != '-';
    for (int i = 0; ok && i < key.length(); i++) {
      char c = key.charAt(i);
      ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }
    return ok
        ? null
        : "metadata key must be 1 to "
            + MAX_METADATA_KEY_LENGTH
            + " of a-z 0-9 and inner '-' (without x-amz-meta-): "
            + Redact.quote(key);
  }

  /** Any text without control characters; non-ASCII is sent RFC 2047-encoded. */
  public static @Nullable String metadataValueViolation(String key, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20
          || (c >= 0x7F && c < 0xA0)
          || (Character.isSurrogate(c) && !validSurrogateAt(value, i))) {
        return "metadata value of "
            + key
            + " must not contain control characters: "
            + Redact.quote(value);
      }
    }
    return null;
  }

  private static boolean validSurrogateAt(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
  }

  /** The bytes a metadata entry counts towards S3's 2 KB: the key and the value as sent. */
  public static int metadataBytes(String key, String encodedValue) {
    return key.length() + encodedValue.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * S3's tag rules: letters and digits of any script, spaces and {@code + - = . _ : / @}; no {@code
   * aws:} keys.
   */
  public static @Nullable String tagKeyViolation(String key) {
    int length = key.codePointCount(0, key.length());
    if (length < 1 || length > MAX_TAG_KEY_LENGTH || !tagText(key)) {
      return "tag key must be 1 to "
          + MAX_TAG_KEY_LENGTH
          + " letters, digits, spaces or + - = . _ : / @: "
          + Redact.quote(key);
    }
    if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      return "tag key must not start with aws:, which S3 reserves: " + Redact.quote(key);
    }
    return null;
  }

  /** See {@link #tagKeyViolation}; a value may be empty. */
  public static @Nullable String tagValueViolation(String key, String value) {
    int length = value.codePointCount(0, value.length());
    if (length > MAX_TAG_VALUE_LENGTH || !tagText(value)) {
      return "tag value of "
          + key
          + " must be 0 to "
          + MAX_TAG_VALUE_LENGTH
          + " letters, digits, spaces or + - = . _ : / @: "
          + Redact.quote(value);
    }
    return null;
  }

  private static boolean tagText(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!(Character.isLetterOrDigit(cp) || cp == ' ' || "+-=._:/@".indexOf(cp) >= 0)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** A storage class the AWS SDK knows, in S3's spelling (e.g. {@code INTELLIGENT_TIERING}). */
  public static @Nullable String storageClassViolation(String storageClass) {
    StorageClass known = StorageClass.fromValue(storageClass);
    return known != null && known != StorageClass.UNKNOWN_TO_SDK_VERSION
        ? null
        : "storage class must be one S3 names, such as STANDARD_IA, INTELLIGENT_TIERING or GLACIER_IR: "
            + Redact.quote(storageClass);
  }

  /** A KMS key id, ARN or alias: 1 to 2048 of {@code A-Z a-z 0-9 : / _ - + = . @}. */
  public static @Nullable String kmsKeyIdViolation(String keyId) {
    boolean ok = !keyId.isEmpty() && keyId.length() <= 2048;
    for (int i = 0; ok && i < keyId.length(); i++) {
      char c = keyId.charAt(i);
      ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || ":/_-+=.@".indexOf(c) >= 0;
    }
    return ok
        ? null
        : "KMS key id must be a key id, ARN or alias of A-Z a-z 0-9 : / _ - + = . @: "
            + Redact.quote(keyId);
  }

  /**
   * Checks how an {@code ObjectAttributes} builder's settings fit together, as its {@code build()}
   * does.
   *
   * @param metadata the fixed metadata
   * @param tags the fixed tags
   * @param requestMetadataKeys the metadata keys requests may set
   * @param requestTagKeys the tag keys requests may set
   * @throws IllegalStateException when the fixed metadata exceeds 2 KB as sent, the fixed tags
   *     exceed 10, or a key is both fixed and allowed to requests
   */
  public static void requireFitTogether(
      Map<String, String> metadata,
      Map<String, String> tags,
      Set<String> requestMetadataKeys,
      Set<String> requestTagKeys) {
    int bytes = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      bytes += metadataBytes(entry.getKey(), Rfc2047.encode(entry.getValue()));
    }
    Require.state(
        bytes <= MAX_METADATA_BYTES,
        "metadata must be at most " + MAX_METADATA_BYTES + " bytes (keys and values as sent)",
        bytes);
    Require.state(
        tags.size() <= MAX_TAGS, "an object can carry at most " + MAX_TAGS + " tags", tags.size());
    for (String key : requestMetadataKeys) {
      Require.state(
          !metadata.containsKey(key), "a fixed metadata key cannot also be set by requests", key);
    }
    for (String key : requestTagKeys) {
      Require.state(
          !tags.containsKey(key),
          "a fixed tag key cannot also be set by requests",
          Redact.quote(key));
    }
  }
}
