package dev.presign;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a client asks to upload: its file name, its content type, its size when known, and on whose
 * behalf. The values come from an untrusted client; {@link UploadUrlIssuer#issueUpload} checks them
 * against the policy before anything is signed.
 *
 * <pre>{@code
 * UploadRequest.of("cat.png", "image/png", 12_345)
 * UploadRequest.of("cat.png", "image/png", 12_345).withPrincipal("tenant-42")
 * }</pre>
 *
 * @param fileName the client's file name; used for the extension and by name-keeping key strategies
 * @param contentType the declared media type, e.g. {@code image/png}
 * @param size the declared size in bytes, or empty when the client does not say
 * @param principal the user or tenant the upload belongs to, for per-principal keys, or empty
 * @param checksum the checksum of the bytes, signed into a PUT URL so S3 refuses other bytes, or empty
 */
public record UploadRequest(String fileName, String contentType, OptionalLong size, Optional<String> principal,
    Optional<Checksum> checksum) {

  /**
   * Creates a request.
   *
   * @param fileName the client's file name
   * @param contentType the declared media type
   * @param size the declared size in bytes, or empty
   * @param principal the user or tenant, or empty
   * @param checksum the checksum of the bytes, or empty
   * @throws NullPointerException naming the null parameter
   * @throws IllegalArgumentException when the size is negative
   */
  public UploadRequest {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(checksum, "checksum");
    if (size.isPresent() && size.getAsLong() < 0) {
      throw new IllegalArgumentException("size must be >= 0: " + size.getAsLong());
    }
  }

  /**
   * A request with a declared size.
   *
   * @param fileName the client's file name
   * @param contentType the declared media type
   * @param size the declared size in bytes
   * @return the request
   */
  public static UploadRequest of(String fileName, String contentType, long size) {
    return new UploadRequest(fileName, contentType, OptionalLong.of(size), Optional.empty(), Optional.empty());
  }

  /**
   * A request whose size the client does not declare.
   *
   * @param fileName the client's file name
   * @param contentType the declared media type
   * @return the request
   */
  public static UploadRequest of(String fileName, String contentType) {
    return new UploadRequest(fileName, contentType, OptionalLong.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * This request on behalf of a principal.
   *
   * @param principal a user or tenant id
   * @return a copy of this request with the principal
   */
  public UploadRequest withPrincipal(String principal) {
    return new UploadRequest(fileName, contentType, size, Optional.of(Objects.requireNonNull(principal, "principal")),
        checksum);
  }

  /**
   * This request with a checksum of its bytes: a PUT URL then signs it as a header the client must send,
   * and S3 refuses other bytes.
   *
   * @param checksum e.g. {@code Checksum.sha256(base64)}
   * @return a copy of this request with the checksum
   */
  public UploadRequest withChecksum(Checksum checksum) {
    return new UploadRequest(fileName, contentType, size, principal, Optional.of(Objects.requireNonNull(checksum, "checksum")));
  }
}
