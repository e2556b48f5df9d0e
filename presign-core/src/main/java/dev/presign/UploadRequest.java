package dev.presign;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What a client asks to upload: its file name, its content type, its size when known, and on whose
 * behalf. The values come from an untrusted client; {@link UploadUrlIssuer#issueUpload} checks them
 * against the policy before anything is signed.
 *
 * <pre>{@code
 * UploadRequest.of("cat.png", "image/png", 12_345)
 * UploadRequest.of("cat.png", "image/png", 12_345).withPrincipal("tenant-42")
 * UploadRequest.of("cat.png", "image/png", 12_345).withMetadata("account-id", "42").withTag("project", "apollo")
 * }</pre>
 *
 * <p>Metadata and tags a request carries are added to the policy's {@link ObjectAttributes}, which must
 * allow each key; they are checked and encoded when the URL is issued.
 *
 * @param fileName the client's file name; used for the extension and by name-keeping key strategies
 * @param contentType the declared media type, e.g. {@code image/png}
 * @param size the declared size in bytes, or empty when the client does not say
 * @param principal the user or tenant the upload belongs to, for per-principal keys, or empty
 * @param checksum the checksum of the bytes, signed into a PUT URL so S3 refuses other bytes, or empty
 * @param metadata user metadata to add, keys without {@code x-amz-meta-}, sorted by key; empty for none
 * @param tags tags to add, sorted by key; empty for none
 */
public record UploadRequest(String fileName, String contentType, OptionalLong size, Optional<String> principal,
    Optional<Checksum> checksum, Map<String, String> metadata, Map<String, String> tags) {

  /**
   * Creates a request.
   *
   * @param fileName the client's file name
   * @param contentType the declared media type
   * @param size the declared size in bytes, or empty
   * @param principal the user or tenant, or empty
   * @param checksum the checksum of the bytes, or empty
   * @param metadata user metadata to add; copied
   * @param tags tags to add; copied
   * @throws NullPointerException naming the null parameter
   * @throws IllegalArgumentException when the size is negative
   */
  public UploadRequest {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(checksum, "checksum");
    metadata = sortedCopy(Objects.requireNonNull(metadata, "metadata"), "metadata");
    tags = sortedCopy(Objects.requireNonNull(tags, "tags"), "tags");
    if (size.isPresent() && size.getAsLong() < 0) {
      throw new IllegalArgumentException("size must be >= 0: " + size.getAsLong());
    }
  }

  /**
   * Creates a request without metadata or tags.
   *
   * @param fileName the client's file name
   * @param contentType the declared media type
   * @param size the declared size in bytes, or empty
   * @param principal the user or tenant, or empty
   * @param checksum the checksum of the bytes, or empty
   */
  public UploadRequest(String fileName, String contentType, OptionalLong size, Optional<String> principal,
      Optional<Checksum> checksum) {
    this(fileName, contentType, size, principal, checksum, Map.of(), Map.of());
  }

  private static Map<String, String> sortedCopy(Map<String, String> map, String name) {
    if (map.isEmpty()) {
      return Map.of();
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> entry : map.entrySet()) {
      copy.put(Objects.requireNonNull(entry.getKey(), name + " key"), Objects.requireNonNull(entry.getValue(), name + " value"));
    }
    return Collections.unmodifiableMap(copy);
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
        checksum, metadata, tags);
  }

  /**
   * This request with a checksum of its bytes: a PUT URL then signs it as a header the client must send,
   * and S3 refuses other bytes.
   *
   * @param checksum e.g. {@code Checksum.sha256(base64)}
   * @return a copy of this request with the checksum
   */
  public UploadRequest withChecksum(Checksum checksum) {
    return new UploadRequest(fileName, contentType, size, principal, Optional.of(Objects.requireNonNull(checksum, "checksum")),
        metadata, tags);
  }

  /**
   * This request with one more metadata entry, which the policy's {@link ObjectAttributes} must allow;
   * the value is checked and encoded when the URL is issued.
   *
   * @param key the metadata key, without {@code x-amz-meta-}
   * @param value its value; non-ASCII is sent RFC 2047-encoded
   * @return a copy of this request with the entry
   */
  public UploadRequest withMetadata(String key, String value) {
    TreeMap<String, String> more = new TreeMap<>(metadata);
    more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new UploadRequest(fileName, contentType, size, principal, checksum, more, tags);
  }

  /**
   * This request with one more tag, which the policy's {@link ObjectAttributes} must allow; checked when
   * the URL is issued.
   *
   * @param key the tag key
   * @param value its value
   * @return a copy of this request with the tag
   */
  public UploadRequest withTag(String key, String value) {
    TreeMap<String, String> more = new TreeMap<>(tags);
    more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new UploadRequest(fileName, contentType, size, principal, checksum, metadata, more);
  }
}
