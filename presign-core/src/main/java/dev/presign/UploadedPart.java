package dev.presign;

import java.util.Objects;

/**
 * A part that has reached S3, as listed for resuming, or as the client reports it for completing.
 *
 * @param partNumber 1 to 10,000
 * @param etag the ETag S3 returned for the part
 * @param size the part's size in bytes as S3 stored it, or -1 when the client does not say
 */
public record UploadedPart(int partNumber, String etag, long size) {

  /**
   * Creates the value.
   *
   * @param partNumber the part number
   * @param etag the part's ETag
   * @param size its size, or -1 when unknown
   */
  public UploadedPart {
    Objects.requireNonNull(etag, "etag");
  }

  /**
   * A part as the client reports it: number and ETag.
   *
   * @param partNumber the part number
   * @param etag the ETag from the part's PUT response
   * @return the part, with an unknown size
   */
  public static UploadedPart of(int partNumber, String etag) {
    return new UploadedPart(partNumber, etag, -1);
  }
}
