package dev.presign.internal.verify;

import static dev.presign.internal.S3Calls.call;

import dev.presign.Checksum;
import dev.presign.PresignException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Whether a stored object's bytes match the checksum bound at issue time: from what HEAD reports
 * when it reports the whole object's checksum, else by streaming the object (pinned to the ETag
 * HEAD saw) through the algorithm.
 */
public final class StoredChecksum {
  private static final int BUFFER_BYTES = 64 * 1024;

  private StoredChecksum() {}

  /**
   * Whether the object matches the checksum.
   *
   * @param s3 the client
   * @param bucket the bucket
   * @param head the object's HEAD, with checksum mode on
   * @param key the object key
   * @param expected the bound checksum
   * @return true when the bytes match
   * @throws PresignException when S3 refuses the read (also when the object changed since HEAD) or
   *     the stream breaks
   */
  public static boolean matches(
      S3Client s3, String bucket, String key, HeadObjectResponse head, Checksum expected) {
    String reported = reported(head, expected.algorithm());
    if (reported != null && reported.equals(expected.base64())) {
      return true;
    }
    if (reported != null && expected.algorithm() != Checksum.Algorithm.MD5) {
      return false;
    }
    // Not reported, or an ETag that differs (encrypted objects' ETags are no MD5): compute from the
    // bytes.
    try (ResponseInputStream<GetObjectResponse> in =
        call(
            "GetObject", () -> s3.getObject(r -> r.bucket(bucket).key(key).ifMatch(head.eTag())))) {
      return compute(in, expected.algorithm()).equals(expected.base64());
    } catch (IOException e) {
      throw new PresignException(
          PresignException.Kind.STORE_UNREACHABLE,
          "reading the object to compute its checksum failed: " + e.getClass().getSimpleName(),
          e);
    }
  }

  /**
   * The whole object's checksum as HEAD reports it, or null when it reports none usable.
   *
   * @param head the HEAD response
   * @param algorithm the algorithm
   * @return the base64 checksum, or null
   */
  public static @Nullable String reported(HeadObjectResponse head, Checksum.Algorithm algorithm) {
    return switch (algorithm) {
      case SHA256 -> full(head.checksumSHA256());
      case CRC32C -> full(head.checksumCRC32C());
      case MD5 -> md5FromEtag(head.eTag());
    };
  }

  /**
   * Streams bytes through an algorithm.
   *
   * @param in the bytes; read to the end, not closed
   * @param algorithm the algorithm
   * @return the checksum in base64
   * @throws IOException when the stream breaks
   */
  public static String compute(InputStream in, Checksum.Algorithm algorithm) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    if (algorithm == Checksum.Algorithm.CRC32C) {
      CRC32C crc = new CRC32C();
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
      }
      return Base64.getEncoder()
          .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm == Checksum.Algorithm.MD5 ? "MD5" : "SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return Base64.getEncoder().encodeToString(digest.digest());
  }

  // A composite checksum of a multipart object ("...-N") is not the checksum of the bytes.
  private static @Nullable String full(@Nullable String checksum) {
    return checksum == null || checksum.contains("-") ? null : checksum;
  }

  // A single-part upload's ETag is the hex MD5 of its bytes; a multipart one ends in "-N" and is
  // not.
  private static @Nullable String md5FromEtag(@Nullable String etag) {
    if (etag == null) {
      return null;
    }
    String hex = etag.replace("\"", "").toLowerCase(Locale.ROOT);
    if (hex.length() != 32
        || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return null;
    }
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }
}
