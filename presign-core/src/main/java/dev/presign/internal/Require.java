package dev.presign.internal;

import java.time.Duration;

/**
 * Argument checks whose messages state the rule and the offending value (Caffeine's requireArgument
 * style). Values are printed as given; quote untrusted text with {@link Redact#quote} first.
 */
public final class Require {
  private Require() {}

  /**
   * Throws {@link IllegalArgumentException} with {@code rule + ": " + value} unless {@code
   * condition}.
   */
  public static void argument(boolean condition, String rule, Object value) {
    if (!condition) {
      throw new IllegalArgumentException(rule + ": " + value);
    }
  }

  /**
   * Throws {@link IllegalStateException} with {@code rule + ": " + value} unless {@code condition}.
   */
  public static void state(boolean condition, String rule, Object value) {
    if (!condition) {
      throw new IllegalStateException(rule + ": " + value);
    }
  }

  /**
   * Checks that a duration is a whole number of seconds between 1 s and 7 days, the range S3
   * accepts for a pre-signed URL's X-Amz-Expires.
   */
  public static Duration presignTtl(String name, Duration ttl) {
    return ttl(name, ttl, Duration.ofSeconds(1), "1s");
  }

  /**
   * Checks that a duration is a whole number of seconds from {@code min} to 7 days.
   *
   * @param name the setting, for messages
   * @param ttl the duration
   * @param min the shortest allowed
   * @param minText {@code min} as the message shows it, e.g. {@code 1m}
   * @return {@code ttl}
   */
  public static Duration ttl(String name, Duration ttl, Duration min, String minText) {
    java.util.Objects.requireNonNull(ttl, name);
    argument(
        ttl.compareTo(min) >= 0 && ttl.compareTo(Duration.ofDays(7)) <= 0,
        name + " must be between " + minText + " and 7d",
        ttl);
    argument(ttl.toNanosPart() == 0, name + " must be a whole number of seconds", ttl);
    return ttl;
  }
}
