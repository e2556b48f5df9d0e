package dev.presign;

import dev.presign.internal.Redact;
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
 * <p>Metadata and tags a request carries are added to the policy's {@link ObjectAttributes}, which
 * must allow each key; they are checked and encoded when the URL is issued.
 *
 * <p>A value: immutable, thread-safe, equal to another request with the same values. Made with
 * {@link #of(String, String, long)} or {@link #of(String, String)} and the {@code with…} methods,
 * so a later version can add a property (with a default) without breaking code that makes or reads
 * requests.
 */
public final class UploadRequest {
  private final String fileName;
  private final String contentType;
  private final OptionalLong size;
  private final Optional<String> principal;
  private final Optional<Checksum> checksum;
  private final Map<String, String> metadata;
  private final Map<String, String> tags;

  private UploadRequest(
      String fileName,
      String contentType,
      OptionalLong size,
      Optional<String> principal,
      Optional<Checksum> checksum,
      Map<String, String> metadata,
      Map<String, String> tags) {
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.size = size;
    this.principal = principal;
    this.checksum = checksum;
    this.metadata = metadata;
    this.tags = tags;
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
   * @throws NullPointerException naming the null parameter
   * @throws IllegalArgumentException when the size is negative
   */
  public static UploadRequest of(String fileName, String contentType, long size) {
    return new UploadRequest(
        fileName,
        contentType,
        OptionalLong.of(size),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Map.of());
  }

  /**
   * A request whose size the client does not declare.
   *
   * @param fileName the client's file name
   * @param contentType the declared media type
   * @return the request
   * @throws NullPointerException naming the null parameter
   */
  public static UploadRequest of(String fileName, String contentType) {
    return new UploadRequest(
        fileName,
        contentType,
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Map.of());
  }

  /** {@return the client's file name; used for the extension and by name-keeping key strategies} */
  public String fileName() {
    return fileName;
  }

  /** {@return the declared media type, e.g. {@code image/png}} */
  public String contentType() {
    return contentType;
  }

  /** {@return the declared size in bytes, or empty when the client does not say} */
  public OptionalLong size() {
    return size;
  }

  /** {@return the user or tenant the upload belongs to, for per-principal keys, or empty} */
  public Optional<String> principal() {
    return principal;
  }

  /**
   * {@return the checksum of the bytes, signed into a PUT URL so S3 refuses other bytes, or empty}
   */
  public Optional<Checksum> checksum() {
    return checksum;
  }

  /**
   * {@return user metadata to add, keys without {@code x-amz-meta-}, sorted by key; empty for none}
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** {@return tags to add, sorted by key; empty for none} */
  public Map<String, String> tags() {
    return tags;
  }

  /**
   * This request on behalf of a principal.
   *
   * @param principal a user or tenant id
   * @return a copy of this request with the principal
   */
  public UploadRequest withPrincipal(String principal) {
    return new UploadRequest(
        fileName,
        contentType,
        size,
        Optional.of(Objects.requireNonNull(principal, "principal")),
        checksum,
        metadata,
        tags);
  }

  /**
   * This request with a checksum of its bytes: a PUT URL then signs it as a header the client must
   * send, and S3 refuses other bytes.
   *
   * @param checksum e.g. {@code Checksum.sha256(base64)}
   * @return a copy of this request with the checksum
   */
  public UploadRequest withChecksum(Checksum checksum) {
    return new UploadRequest(
        fileName,
        contentType,
        size,
        principal,
        Optional.of(Objects.requireNonNull(checksum, "checksum")),
        metadata,
        tags);
  }

  /**
   * This request with one more metadata entry, which the policy's {@link ObjectAttributes} must
   * allow; the value is checked and encoded when the URL is issued.
   *
   * @param key the metadata key, without {@code x-amz-meta-}
   * @param value its value; non-ASCII is sent RFC 2047-encoded
   * @return a copy of this request with the entry
   */
  public UploadRequest withMetadata(String key, String value) {
    return new UploadRequest(
        fileName, contentType, size, principal, checksum, plus(metadata, key, value), tags);
  }

  /**
   * This request with one more tag, which the policy's {@link ObjectAttributes} must allow; checked
   * when the URL is issued.
   *
   * @param key the tag key
   * @param value its value
   * @return a copy of this request with the tag
   */
  public UploadRequest withTag(String key, String value) {
    return new UploadRequest(
        fileName, contentType, size, principal, checksum, metadata, plus(tags, key, value));
  }

  private static Map<String, String> plus(Map<String, String> map, String key, String value) {
    TreeMap<String, String> more = new TreeMap<>(map);
    more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return Collections.unmodifiableMap(more);
  }

  /**
   * Whether the other object is a request with the same values.
   *
   * @param other another object
   * @return true when every property is equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof UploadRequest that
        && fileName.equals(that.fileName)
        && contentType.equals(that.contentType)
        && size.equals(that.size)
        && principal.equals(that.principal)
        && checksum.equals(that.checksum)
        && metadata.equals(that.metadata)
        && tags.equals(that.tags);
  }

  /** {@return a hash of every property} */
  @Override
  public int hashCode() {
    return Objects.hash(fileName, contentType, size, principal, checksum, metadata, tags);
  }

  /**
   * {@return the properties, with the client's file name quoted and escaped: it is untrusted text
   * that must not forge a log line}
   */
  @Override
  public String toString() {
    return "UploadRequest[fileName="
        + Redact.quote(fileName)
        + ", contentType="
        + Redact.quote(contentType)
        + (size.isPresent() ? ", size=" + size.getAsLong() : "")
        + principal.map(p -> ", principal=" + Redact.quote(p)).orElse("")
        + checksum.map(c -> ", checksum=" + c.algorithm()).orElse("")
        + (metadata.isEmpty() ? "" : ", metadata=" + metadata.keySet())
        + (tags.isEmpty() ? "" : ", tags=" + tags.keySet())
        + ']';
  }
}
