package dev.presign.internal.token;

import dev.presign.internal.signing.HmacSha256;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The envelope of every token presign hands a client and later trusts again (multipart session
 * tokens, upload tickets): {@code base64url(payload) "." base64url(hmac(payload))}, HMAC-SHA256
 * under a key only the backends hold. What a payload means, its purpose label, version and expiry
 * belong to the token kind that writes it; this class only seals and opens. Stateless and
 * thread-safe.
 */
public final class SealedToken {
  /** The shortest key presign accepts for sealing tokens, in bytes: HMAC-SHA256's full strength. */
  public static final int MIN_KEY_BYTES = 32;

  /** The longest token {@link #open} reads, in characters. */
  public static final int MAX_LENGTH = 4096;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private SealedToken() {}

  /**
   * Seals a payload.
   *
   * @param payload the token's content, which should start with a purpose label of its kind so that
   *     a token of one kind can never be read as another
   * @param key the server-held key
   * @return the token
   */
  public static String seal(byte[] payload, byte[] key) {
    return ENCODER.encodeToString(payload)
        + '.'
        + ENCODER.encodeToString(HmacSha256.mac(key, payload));
  }

  /**
   * Checks a token's spelling and MAC and returns its payload.
   *
   * @param token what the client sent, may be null
   * @param key the server-held key
   * @param what the token's name for messages, e.g. {@code ticket}
   * @return the authenticated payload
   * @throws InvalidTokenException when the token is malformed or its MAC does not match
   */
  public static byte[] open(String token, byte[] key, String what) throws InvalidTokenException {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot <= 0 || token.length() > MAX_LENGTH) {
      throw new InvalidTokenException("the " + what + " is malformed");
    }
    byte[] payload;
    byte[] mac;
    try {
      payload = DECODER.decode(token.substring(0, dot));
      mac = DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("the " + what + " is malformed");
    }
    // One spelling only: the decoder also takes padding and other values of the last character's
    // unused bits, and a revocation list or one-time-use check keyed on the string would not see
    // those.
    if (!isCanonical(token, 0, dot, payload) || !isCanonical(token, dot + 1, token.length(), mac)) {
      throw new InvalidTokenException("the " + what + " is malformed");
    }
    // Constant time: a timing difference must not tell a forger how many bytes were right.
    if (!MessageDigest.isEqual(mac, HmacSha256.mac(key, payload))) {
      throw new InvalidTokenException("the " + what + " is not authentic");
    }
    return payload;
  }

  private static boolean isCanonical(String token, int from, int to, byte[] decoded) {
    String canonical = ENCODER.encodeToString(decoded);
    return canonical.length() == to - from && token.startsWith(canonical, from);
  }
}
