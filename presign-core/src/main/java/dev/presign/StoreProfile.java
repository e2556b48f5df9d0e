package dev.presign;

import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Settings of S3-compatible stores, so one word replaces several knobs: addressing style, the
 * region to sign for, and which of presign's mechanisms and checksums the store accepts.
 *
 * <pre>{@code
 * UploadUrlIssuer.builder()
 *     .profile(StoreProfile.MINIO, URI.create("http://127.0.0.1:9000"))
 *     .bucket("uploads")
 *     ...
 * }</pre>
 *
 * <p>The checksum sets are deliberately conservative: what each store documents for presigned PUTs,
 * and for Ceph RGW what a real gateway was seen to check. An issuer with a profile refuses a POST
 * form the store cannot take ({@link PresignException}) and a checksum it would reject ({@link
 * InvalidRequestException.Reason#CHECKSUM_UNSUPPORTED}), and does not build with a policy whose
 * {@link ObjectAttributes} the store does not take ({@link #attributes()}): Ceph RGW here has no
 * KMS, so no SSE-S3 or SSE-KMS.
 */
public enum StoreProfile {
  /** Amazon S3: virtual-hosted addressing, every mechanism and checksum. */
  AWS_S3(
      false, null, true, EnumSet.allOf(Checksum.Algorithm.class), EnumSet.allOf(Attribute.class)),
  /**
   * MinIO: path style, region us-east-1 unless set, POST, every checksum and every object attribute
   * (SSE-S3 and SSE-KMS need MinIO's KMS configured; MinIO knows the storage classes STANDARD and
   * REDUCED_REDUNDANCY).
   */
  MINIO(
      true,
      "us-east-1",
      true,
      EnumSet.allOf(Checksum.Algorithm.class),
      EnumSet.allOf(Attribute.class)),
  /**
   * Ceph RADOS Gateway, as measured against RGW 16.2.15: path style, region us-east-1 unless set,
   * POST forms (RGW enforces the policy; an expired form gets {@code AccessDenied "Policy
   * expired"}), and Content-MD5 only: RGW 16 ignores {@code x-amz-checksum-*} headers and stores
   * other bytes with a 200, so those checksums are refused before signing. Object attributes:
   * metadata, tags and the storage classes its zone's placement defines ({@code STANDARD} unless
   * configured); no SSE-S3 or SSE-KMS, which RGW 16 serves only through a KMS (Vault, Barbican,
   * KMIP) that a plain gateway does not have. Measured: RGW drops {@code x-amz-tagging} given to
   * CreateMultipartUpload, and stores an {@code x-amz-meta-*} header a client adds to a presigned
   * PUT without it being signed (S3 refuses it). So {@link MultipartUploads} sets a multipart
   * upload's tags after completion ({@link #dropsMultipartTagging()}).
   *
   * <p>{@link dev.presign.setup.BucketSetup}'s CORS and lifecycle helpers work on RGW (browser
   * preflights are answered by the bucket's rules). Where RGW answers differently from S3: an
   * expired URL gets 403 {@code AccessDenied} with an empty message; ListParts of an aborted upload
   * gets 404 {@code NoSuchKey} rather than {@code NoSuchUpload}; a POST form with a storage class
   * RGW does not know gets 400 {@code InvalidArgument}; CompleteMultipartUpload sends an empty
   * ETag, so {@link MultipartUploads#complete} reads the object's ETag with a HEAD. A client of
   * your own built with the AWS SDK's default checksums has its PutObject and UploadPart refused
   * ({@code XAmzContentSHA256Mismatch}); build it with {@code
   * requestChecksumCalculation(WHEN_REQUIRED)}, as presign does.
   */
  CEPH_RGW(
      true,
      "us-east-1",
      true,
      EnumSet.of(Checksum.Algorithm.MD5),
      EnumSet.of(Attribute.METADATA, Attribute.TAGS, Attribute.STORAGE_CLASS)),
  /**
   * Cloudflare R2: path style, region "auto", no POST forms; Content-MD5, SHA-256 and CRC32C;
   * metadata and storage class (STANDARD, STANDARD_IA), no tags and no SSE-S3 or SSE-KMS headers
   * (R2 always encrypts).
   */
  CLOUDFLARE_R2(
      true,
      "auto",
      false,
      EnumSet.allOf(Checksum.Algorithm.class),
      EnumSet.of(Attribute.METADATA, Attribute.STORAGE_CLASS)),
  /**
   * Backblaze B2: path style, region from the endpoint ({@code s3.REGION.backblazeb2.com}), no
   * POST; Content-MD5 only; metadata and SSE-B2 ({@code AES256}), no tags, storage classes or
   * SSE-KMS.
   */
  BACKBLAZE_B2(
      true,
      null,
      false,
      EnumSet.of(Checksum.Algorithm.MD5),
      EnumSet.of(Attribute.METADATA, Attribute.SSE_S3));

  /** The {@link ObjectAttributes} a store may be asked for. */
  public enum Attribute {
    /** SSE-S3, {@code x-amz-server-side-encryption: AES256}. */
    SSE_S3,
    /**
     * SSE-KMS, {@code x-amz-server-side-encryption: aws:kms} with an optional key and bucket key.
     */
    SSE_KMS,
    /** {@code x-amz-storage-class}. */
    STORAGE_CLASS,
    /** User metadata, {@code x-amz-meta-*}. */
    METADATA,
    /** Tags, {@code x-amz-tagging}. */
    TAGS
  }

  private final boolean pathStyle;
  private final @Nullable String defaultRegion;
  private final boolean supportsPost;

  // Set.copyOf: unmodifiable, though Error Prone only knows Guava's immutable types.
  @SuppressWarnings("ImmutableEnumChecker")
  private final Set<Checksum.Algorithm> checksums;

  @SuppressWarnings("ImmutableEnumChecker")
  private final Set<Attribute> attributes;

  StoreProfile(
      boolean pathStyle,
      @Nullable String defaultRegion,
      boolean supportsPost,
      Set<Checksum.Algorithm> checksums,
      Set<Attribute> attributes) {
    this.pathStyle = pathStyle;
    this.defaultRegion = defaultRegion;
    this.supportsPost = supportsPost;
    this.checksums = Set.copyOf(checksums);
    this.attributes = Set.copyOf(attributes);
  }

  /**
   * {@return the object attributes the store takes; an issuer refuses to build with a policy that
   * asks for others}
   */
  public Set<Attribute> attributes() {
    return attributes;
  }

  /**
   * The attributes a policy asks for that this store does not take.
   *
   * @param wanted the policy's attributes
   * @return the unsupported ones, in declaration order; empty when the store takes them all
   */
  public Set<Attribute> unsupported(ObjectAttributes wanted) {
    Set<Attribute> asked = EnumSet.noneOf(Attribute.class);
    wanted
        .encryption()
        .ifPresent(
            e ->
                asked.add(
                    e.algorithm().equals(ObjectAttributes.Encryption.AES256)
                        ? Attribute.SSE_S3
                        : Attribute.SSE_KMS));
    wanted.storageClass().ifPresent(c -> asked.add(Attribute.STORAGE_CLASS));
    if (!wanted.metadata().isEmpty() || !wanted.requestMetadataKeys().isEmpty()) {
      asked.add(Attribute.METADATA);
    }
    if (!wanted.tags().isEmpty() || !wanted.requestTagKeys().isEmpty()) {
      asked.add(Attribute.TAGS);
    }
    asked.removeAll(attributes);
    return asked;
  }

  /**
   * Whether the store drops the tags CreateMultipartUpload carries, so the completed object would
   * have none: true for {@link #CEPH_RGW} (measured on RGW 16.2.15). {@link MultipartUploads} then
   * keeps the session's tags, server-decided, in its authenticated token and sets them with
   * PutObjectTagging once the upload is complete.
   *
   * @return true when tags must be set after a multipart upload completes
   */
  public boolean dropsMultipartTagging() {
    return this == CEPH_RGW;
  }

  /** {@return whether the bucket goes in the path rather than the host name} */
  public boolean pathStyle() {
    return pathStyle;
  }

  /** {@return whether the store accepts presigned POST forms} */
  public boolean supportsPost() {
    return supportsPost;
  }

  /** {@return the checksums the store accepts on a presigned PUT} */
  public Set<Checksum.Algorithm> checksums() {
    return checksums;
  }

  /**
   * The region to sign for when none is set: the profile's, or for B2 the one in the endpoint's
   * host.
   *
   * @param endpoint the store's endpoint, or null for AWS S3
   * @return the region id, or empty when the profile has none and the endpoint names none
   */
  @SuppressWarnings("exports") // @Nullable: JSpecify is optional for users (module-info)
  public Optional<String> defaultRegion(@Nullable URI endpoint) {
    if (this == BACKBLAZE_B2 && endpoint != null && endpoint.getHost() != null) {
      String host = endpoint.getHost().toLowerCase(java.util.Locale.ROOT);
      if (host.startsWith("s3.") && host.endsWith(".backblazeb2.com")) {
        return Optional.of(host.substring(3, host.length() - ".backblazeb2.com".length()));
      }
    }
    return Optional.ofNullable(defaultRegion);
  }
}
