package dev.presign.internal.signing;

import org.jspecify.annotations.Nullable;

/**
 * S3's bucket naming rules, checked by hand rather than by regular expression: this runs when an
 * issuer is built, on the way to the first URL, where every class loaded counts.
 */
public final class BucketNames {
  private BucketNames() {}

  /**
   * Returns the rule a bucket name breaks, or {@code null}.
   *
   * <p>Virtual-hosted names follow S3's rules for new buckets: 3 to 63 of {@code a-z 0-9 . -},
   * starting and ending with a letter or digit, no {@code ..}, {@code .-} or {@code -.}, not an
   * IPv4 address, no {@code xn--} or {@code sthree-} prefix and no {@code -s3alias} or {@code
   * --ol-s3} suffix. Path style also admits legacy names: up to 255 characters, with {@code A-Z}
   * and {@code _}.
   */
  public static @Nullable String violation(String bucket, boolean pathStyle) {
    int max = pathStyle ? 255 : 63;
    boolean shapeOk =
        bucket.length() >= 3
            && bucket.length() <= max
            && isLetterOrDigit(bucket.charAt(0), pathStyle)
            && isLetterOrDigit(bucket.charAt(bucket.length() - 1), pathStyle);
    for (int i = 0; shapeOk && i < bucket.length(); i++) {
      char c = bucket.charAt(i);
      shapeOk = isLetterOrDigit(c, pathStyle) || c == '.' || c == '-' || (pathStyle && c == '_');
    }
    if (!shapeOk || bucket.contains("..")) {
      return pathStyle
          ? "bucket must be 3 to 255 of A-Z a-z 0-9 . _ - and start and end with a letter or digit"
          : "bucket must be 3 to 63 of a-z 0-9 . - and start and end with a letter or digit";
    }
    if (!pathStyle
        && (bucket.contains(".-")
            || bucket.contains("-.")
            || isIpv4(bucket)
            || bucket.startsWith("xn--")
            || bucket.startsWith("sthree-")
            || bucket.endsWith("-s3alias")
            || bucket.endsWith("--ol-s3"))) {
      return "bucket must follow S3's naming rules (not an IP address, no '.-' or '-.', "
          + "no xn-- or sthree- prefix, no -s3alias or --ol-s3 suffix)";
    }
    return null;
  }

  /** Whether a host is four dot-separated groups of 1 to 3 digits. */
  static boolean isIpv4(String host) {
    int groups = 0;
    int digits = 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 3) {
          return false;
        }
      } else if (c == '.' && digits > 0) {
        groups++;
        digits = 0;
      } else {
        return false;
      }
    }
    return digits > 0 && groups == 3;
  }

  private static boolean isLetterOrDigit(char c, boolean upperCaseAllowed) {
    return (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || (upperCaseAllowed && c >= 'A' && c <= 'Z');
  }
}
