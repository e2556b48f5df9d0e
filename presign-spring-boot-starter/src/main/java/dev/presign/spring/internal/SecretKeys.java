package dev.presign.spring.internal;

import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the base64 keys of {@code presign.*}; messages name the property and the length, never
 * the key.
 */
public final class SecretKeys {
  /** The fewest bytes a session or ticket key may have, as presign-core requires. */
  public static final int MIN_BYTES = 32;

  private SecretKeys() {}

  /**
   * Decodes a key given as standard or URL-safe base64.
   *
   * @param property the property's name, for the message
   * @param value its value
   * @return the key's bytes
   * @throws PresignConfigurationException when it is not base64 or decodes to fewer than 32 bytes
   */
  public static byte[] decode(String property, @Nullable String value) {
    // Only called when the property is set (@ConditionalOnProperty).
    String trimmed = Objects.requireNonNull(value, property).strip();
    byte[] key;
    try {
      key =
          (trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                  ? Base64.getUrlDecoder()
                  : Base64.getDecoder())
              .decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new PresignConfigurationException(
          property
              + " must be base64 of at least "
              + MIN_BYTES
              + " secret random bytes (e.g. from `openssl rand -base64 32`): it is not valid base64 ("
              + trimmed.length()
              + " characters)",
          action(property),
          null);
    }
    if (key.length < MIN_BYTES) {
      throw new PresignConfigurationException(
          property
              + " must be base64 of at least "
              + MIN_BYTES
              + " secret random bytes (e.g. from `openssl rand -base64 32`): it decodes to "
              + key.length
              + " bytes",
          action(property),
          null);
    }
    return key;
  }

  private static String action(String property) {
    return "Set "
        + property
        + " to the output of `openssl rand -base64 32`, the same on every instance, kept "
        + "secret (an environment variable or a secret store, not a committed file).";
  }
}
