package dev.presign.internal.multipart;

import dev.presign.internal.Require;

/**
 * How a multipart upload of {@code totalSize} bytes is cut: equal parts of {@code partSize} bytes
 * and a smaller last part, within S3's limits (every part but the last 5 MiB to 5 GiB, at most
 * 10,000 parts, at most 5 TiB in all).
 *
 * @param totalSize the object's size in bytes
 * @param partSize the size of every part but the last
 * @param partCount how many parts
 */
public record PartPlan(long totalSize, long partSize, int partCount) {
  /** S3's smallest part, but for the last: 5 MiB. */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  /** S3's largest part: 5 GiB. */
  public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

  /** S3's most parts per upload. */
  public static final int MAX_PARTS = 10_000;

  /** S3's largest object: 5 TiB. */
  public static final long MAX_TOTAL_SIZE = 5L * 1024 * 1024 * 1024 * 1024;

  private static final long MIB = 1024 * 1024;

  /** Checks the plan is one S3 accepts. */
  public PartPlan {
    Require.argument(
        totalSize >= 0 && totalSize <= MAX_TOTAL_SIZE,
        "totalSize must be between 0 and 5 TiB",
        totalSize);
    Require.argument(
        partSize >= MIN_PART_SIZE && partSize <= MAX_PART_SIZE,
        "partSize must be between 5 MiB and 5 GiB",
        partSize);
    Require.argument(
        partCount >= 1 && partCount <= MAX_PARTS && partCount == countFor(totalSize, partSize),
        "partCount must be ceil(totalSize / partSize), 1 to 10000",
        partCount);
  }

  /**
   * Plans an upload with parts of about {@code preferredPartSize}, grown (in whole MiB) when that
   * would take more than 10,000 parts.
   *
   * @param totalSize the object's size, 0 to 5 TiB
   * @param preferredPartSize the part size to use when it fits, 5 MiB to 5 GiB
   * @return the plan; an empty object is one empty part
   */
  public static PartPlan of(long totalSize, long preferredPartSize) {
    Require.argument(
        totalSize >= 0 && totalSize <= MAX_TOTAL_SIZE,
        "totalSize must be between 0 and 5 TiB",
        totalSize);
    long partSize = preferredPartSize;
    long needed = (totalSize + MAX_PARTS - 1) / MAX_PARTS;
    if (needed > partSize) {
      partSize = (needed + MIB - 1) / MIB * MIB;
    }
    return new PartPlan(totalSize, partSize, countFor(totalSize, partSize));
  }

  /**
   * The size of one part.
   *
   * @param partNumber 1 to {@link #partCount()}
   * @return its size in bytes
   */
  public long sizeOf(int partNumber) {
    Require.argument(
        partNumber >= 1 && partNumber <= partCount,
        "partNumber must be between 1 and " + partCount,
        partNumber);
    return partNumber < partCount ? partSize : totalSize - partSize * (partCount - 1);
  }

  private static int countFor(long totalSize, long partSize) {
    return totalSize == 0
        ? 1
        : (int) Math.min(Integer.MAX_VALUE, (totalSize + partSize - 1) / partSize);
  }
}
