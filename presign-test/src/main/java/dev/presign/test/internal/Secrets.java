package dev.presign.test.internal;

import java.security.SecureRandom;

/** Random credentials for a store that this test run starts, so no two runs share a secret. */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String ANY =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";

  private Secrets() {}

  /** {@return an access key id shaped like AWS's: AKIA and 16 upper-case letters and digits} */
  public static String accessKeyId() {
    return "AKIA" + random(UPPER, 16);
  }

  /** {@return a 40-character secret key shaped like AWS's} */
  public static String secretAccessKey() {
    return random(ANY, 40);
  }

  /**
   * {@return a bucket name that S3's naming rules accept: the prefix and 10 random lower-case
   * letters}
   */
  public static String bucketName(String prefix) {
    return prefix + random(UPPER, 10).toLowerCase(java.util.Locale.ROOT);
  }

  private static String random(String alphabet, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
    return new String(chars);
  }
}
