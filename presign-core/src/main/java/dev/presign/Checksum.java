package dev.presign;

import dev.presign.internal.Redact;
import java.util.Base64;
import java.util.Objects;

/**
 * A checksum the client declares for the bytes it will upload, signed into the upload URL as a
 * header the client must send, so S3 refuses any other bytes ({@code BadDigest}).
 *
 * <pre>{@code
 * UploadRequest.of("cat.png", "image/png", 12_345).withChecksum(Checksum.sha256(base64Sha256OfTheFile))
 * }</pre>
 *
 * <p>A value made by {@link #sha256}, {@link #crc32c}, {@link #md5} or {@link #of}, so a later
 * version can add a property without breaking code that makes or reads one.
 */
public final class Checksum {
  private final Algorithm algorithm;
  private final String base64;

  /** The checksums S3 checks on a PUT. */
  public enum Algorithm {
    /** SHA-256, sent as {@code x-amz-checksum-sha256}. */
    SHA256("x-amz-checksum-sha256", 32),
    /** CRC32C, sent as {@code x-amz-checksum-crc32c}. */
    CRC32C("x-amz-checksum-crc32c", 4),
    /** MD5, sent as {@code Content-MD5}. */
    MD5("Content-MD5", 16);

    private final String header;
    private final int bytes;

    Algorithm(String header, int bytes) {
      this.header = header;
      this.bytes = bytes;
    }

    /** {@return the request header that carries this checksum} */
    public String header() {
      return header;
    }
  }

  private Checksum(Algorithm algorithm, String base64) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(base64, "base64");
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      decoded = null;
    }
    // Canonical only: a value that re-encodes differently would later fail a plain comparison with
    // S3's.
    if (decoded == null
        || decoded.length != algorithm.bytes
        || !Base64.getEncoder().encodeToString(decoded).equals(base64)) {
      throw new IllegalArgumentException(
          algorithm
              + " checksum must be "
              + algorithm.bytes
              + " bytes in standard base64: "
              + Redact.quote(base64));
    }
    this.algorithm = algorithm;
    this.base64 = base64;
  }

  /**
   * A checksum of any algorithm, checking that {@code base64} decodes to a checksum of the
   * algorithm's length.
   *
   * @param algorithm which checksum
   * @param base64 its bytes in standard base64, canonical (as S3 writes it)
   * @return the checksum
   * @throws IllegalArgumentException when the value is not such a checksum
   */
  public static Checksum of(Algorithm algorithm, String base64) {
    return new Checksum(algorithm, base64);
  }

  /** {@return which checksum} */
  public Algorithm algorithm() {
    return algorithm;
  }

  /** {@return the checksum's bytes in standard base64, as S3 writes it} */
  public String base64() {
    return base64;
  }

  /**
   * A SHA-256 checksum.
   *
   * @param base64 32 bytes in standard base64
   * @return the checksum
   */
  public static Checksum sha256(String base64) {
    return new Checksum(Algorithm.SHA256, base64);
  }

  /**
   * A CRC32C checksum.
   *
   * @param base64 4 bytes in standard base64
   * @return the checksum
   */
  public static Checksum crc32c(String base64) {
    return new Checksum(Algorithm.CRC32C, base64);
  }

  /**
   * An MD5 digest, for Content-MD5.
   *
   * @param base64 16 bytes in standard base64
   * @return the checksum
   */
  public static Checksum md5(String base64) {
    return new Checksum(Algorithm.MD5, base64);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checksum other
        && algorithm == other.algorithm
        && base64.equals(other.base64);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + base64.hashCode();
  }

  @Override
  public String toString() {
    return "Checksum[algorithm=" + algorithm + ", base64=" + base64 + ']';
  }
}
