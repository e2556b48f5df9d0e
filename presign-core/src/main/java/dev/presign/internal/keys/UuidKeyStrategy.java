package dev.presign.internal.keys;

import dev.presign.KeyStrategy;
import dev.presign.UploadRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code prefix + uuid + .ext}, or with {@code dated}, {@code prefix + yyyy/MM/dd/ + uuid + .ext}
 * in UTC.
 *
 * @param prefix a valid key prefix
 * @param dated whether to add a UTC date partition taken from the issuer's clock
 */
public record UuidKeyStrategy(String prefix, boolean dated) implements KeyStrategy {
  public UuidKeyStrategy {
    prefix = KeyPrefixes.require(prefix);
  }

  @Override
  public String key(UploadRequest request, Instant now) {
    StringBuilder key = new StringBuilder(prefix.length() + 56).append(prefix);
    if (dated) {
      appendDate(key, LocalDate.ofInstant(now, ZoneOffset.UTC));
    }
    return key.append(RandomUuids.next())
        .append(KeyExtensions.safeName(request).dotExtension())
        .toString();
  }

  @Override
  public boolean mayProduceKeyStartingWith(String reserved) {
    return KeyPrefixes.mayProduce(
        prefix,
        dated ? KeyPrefixes.FirstSegment.DIGITS : KeyPrefixes.FirstSegment.FILE_ONLY,
        reserved);
  }

  static void appendDate(StringBuilder key, LocalDate date) {
    key.append(date.getYear()).append('/');
    pad2(key, date.getMonthValue()).append('/');
    pad2(key, date.getDayOfMonth()).append('/');
  }

  private static StringBuilder pad2(StringBuilder key, int value) {
    return key.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  @Override
  public String toString() {
    return (dated ? "KeyStrategy.datedUuid(" : "KeyStrategy.uuid(") + '"' + prefix + "\")";
  }
}
