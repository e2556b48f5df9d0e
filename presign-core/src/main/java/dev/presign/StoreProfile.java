package dev.presign;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * Settings of S3-compatible stores, so one word replaces several knobs: addressing style, the region to
 * sign for, and which of presign's mechanisms and checksums the store accepts.
 *
 * <pre>{@code
 * UploadUrlIssuer.builder()
 *     .profile(StoreProfile.MINIO, URI.create("http://127.0.0.1:9000"))
 *     .bucket("uploads")
 *     ...
 * }</pre>
 *
 * <p>The checksum sets are deliberately conservative: what each store documents for presigned PUTs.
 * An issuer with a profile refuses a POST form the store cannot take ({@link PresignException}) and a
 * checksum it would reject ({@link PolicyViolationException.Reason#CHECKSUM_UNSUPPORTED}).
 */
public enum StoreProfile {
  /** Amazon S3: virtual-hosted addressing, every mechanism and checksum. */
  AWS_S3(false, null, true, EnumSet.allOf(Checksum.Algorithm.class)),
  /** MinIO: path style, region us-east-1 unless set, POST and every checksum. */
  MINIO(true, "us-east-1", true, EnumSet.allOf(Checksum.Algorithm.class)),
  /** Ceph RADOS Gateway: path style, region us-east-1 unless set, POST; Content-MD5 only. */
  CEPH_RGW(true, "us-east-1", true, EnumSet.of(Checksum.Algorithm.MD5)),
  /** Cloudflare R2: path style, region "auto", no POST forms; Content-MD5, SHA-256 and CRC32C. */
  CLOUDFLARE_R2(true, "auto", false, EnumSet.allOf(Checksum.Algorithm.class)),
  /** Backblaze B2: path style, region from the endpoint ({@code s3.REGION.backblazeb2.com}), no POST; Content-MD5 only. */
  BACKBLAZE_B2(true, null, false, EnumSet.of(Checksum.Algorithm.MD5));

  private final boolean pathStyle;
  private final String defaultRegion;
  private final boolean supportsPost;
  private final Set<Checksum.Algorithm> checksums;

  StoreProfile(boolean pathStyle, String defaultRegion, boolean supportsPost, Set<Checksum.Algorithm> checksums) {
    this.pathStyle = pathStyle;
    this.defaultRegion = defaultRegion;
    this.supportsPost = supportsPost;
    this.checksums = Set.copyOf(checksums);
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
   * The region to sign for when none is set: the profile's, or for B2 the one in the endpoint's host.
   *
   * @param endpoint the store's endpoint, or null for AWS S3
   * @return the region id, or null when the profile has none and the endpoint names none
   */
  public String defaultRegion(URI endpoint) {
    if (this == BACKBLAZE_B2 && endpoint != null && endpoint.getHost() != null) {
      String host = endpoint.getHost().toLowerCase(java.util.Locale.ROOT);
      if (host.startsWith("s3.") && host.endsWith(".backblazeb2.com")) {
        return host.substring(3, host.length() - ".backblazeb2.com".length());
      }
    }
    return defaultRegion;
  }
}
