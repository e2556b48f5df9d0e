package dev.presign.internal.signing;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * HMAC-SHA256 (RFC 2104) over a reused {@link MessageDigest}.
 *
 * <p>Why not {@code javax.crypto.Mac}: getting the first Mac loads the JCE's provider and policy
 * machinery, tens of milliseconds on the way to the first URL of a cold JVM, while SHA-256 alone is
 * already loaded for the canonical request. This does the same two hashes per message on the same
 * (intrinsic) SHA-256, with no provider lookup after construction and no allocation per message.
 *
 * <p>Not thread-safe: the signer keeps one per thread.
 */
public final class HmacSha256 {
  private static final int BLOCK_SIZE = 64;

  /** The length of a MAC in bytes. */
  public static final int LENGTH = 32;

  private final MessageDigest sha256;
  private final byte[] innerPad = new byte[BLOCK_SIZE];
  // The outer pad followed by the inner hash: the outer message, fed to SHA-256 in one update.
  private final byte[] outer = new byte[BLOCK_SIZE + LENGTH];
  private boolean keyed;

  /** A MAC with no key yet; call {@link #init} first. */
  public HmacSha256() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * One MAC of {@code message} under {@code key}, with a MAC made for the call.
   *
   * @param key the key, any length
   * @param message the message
   * @return the 32-byte MAC
   */
  public static byte[] mac(byte[] key, byte[] message) {
    HmacSha256 hmac = new HmacSha256();
    hmac.init(key);
    hmac.update(message, 0, message.length);
    byte[] out = new byte[LENGTH];
    hmac.doFinal(out, 0);
    return out;
  }

  /**
   * Sets the key and starts a new message. A key longer than the block is hashed first, as RFC 2104
   * says.
   *
   * @param key the key, any length
   */
  public void init(byte[] key) {
    // Checked before any state changes: a refused key leaves the MAC as it was.
    Objects.requireNonNull(key, "key");
    keyed = false;
    sha256.reset();
    byte[] k = key.length > BLOCK_SIZE ? sha256.digest(key) : key;
    Arrays.fill(innerPad, (byte) 0x36);
    Arrays.fill(outer, 0, BLOCK_SIZE, (byte) 0x5c);
    for (int i = 0; i < k.length; i++) {
      innerPad[i] ^= k[i];
      outer[i] ^= k[i];
    }
    sha256.update(innerPad);
    keyed = true;
  }

  /**
   * Adds bytes to the message.
   *
   * @param bytes the source
   * @param offset the first byte
   * @param length how many bytes
   */
  public void update(byte[] bytes, int offset, int length) {
    requireKey();
    sha256.update(bytes, offset, length);
  }

  /**
   * Writes the MAC of the message so far and starts a new message under the same key.
   *
   * @param out where the 32 bytes go
   * @param offset the first byte written
   */
  public void doFinal(byte[] out, int offset) {
    requireKey();
    Objects.checkFromIndexSize(offset, LENGTH, out.length);
    try {
      sha256.digest(outer, BLOCK_SIZE, LENGTH);
      sha256.update(outer, 0, BLOCK_SIZE + LENGTH);
      sha256.digest(out, offset, LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException(
          "SHA-256 refused a 32-byte digest", e); // cannot happen: the room is checked
    }
    sha256.update(innerPad);
  }

  private void requireKey() {
    if (!keyed) {
      throw new IllegalStateException("init(key) must come first");
    }
  }

  @Override
  public String toString() {
    return "HmacSha256"; // never the pads: they are the key
  }
}
