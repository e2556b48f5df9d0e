package dev.presign.internal.signing;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * A SigV4 signing key for one set of credentials, one UTC day, one region and service, with the
 * pieces of the canonical request that depend only on those: the encoded credential and token
 * parameters and the credential scope. Deriving it costs four HMACs, so the signer keeps the last
 * one and derives again only when the day or the credentials change. Immutable: the arrays are
 * never written after construction and never leave the signing package.
 */
final class SigningKey {
  private final String accessKeyId;
  private final String secretAccessKey;
  private final @Nullable String sessionToken;
  final long epochDay;

  /** {@code yyyyMMdd}. */
  final byte[] date;

  /** {@code yyyyMMdd/region/s3/aws4_request}. */
  final byte[] scope;

  /** {@code X-Amz-Credential=} and the encoded {@code accessKeyId/scope}. */
  final byte[] credentialParameter;

  /** {@code X-Amz-Security-Token=} and the encoded token, or null without a session token. */
  final byte @Nullable [] tokenParameter;

  /** The derived HMAC key. */
  final byte[] key;

  private SigningKey(
      AwsCredentialsIdentity credentials,
      @Nullable String sessionToken,
      long epochDay,
      String region,
      String service) {
    this.accessKeyId = credentials.accessKeyId();
    this.secretAccessKey = credentials.secretAccessKey();
    this.sessionToken = sessionToken;
    this.epochDay = epochDay;
    String date = yyyymmdd(epochDay);
    String scope = date + '/' + region + '/' + service + "/aws4_request";
    this.date = date.getBytes(StandardCharsets.US_ASCII);
    this.scope = scope.getBytes(StandardCharsets.UTF_8);
    ByteSink credential = new ByteSink(128);
    credential.ascii("X-Amz-Credential=").uriEncode(accessKeyId + '/' + scope, false);
    this.credentialParameter = java.util.Arrays.copyOf(credential.bytes, credential.length);
    if (sessionToken == null) {
      this.tokenParameter = null;
    } else {
      ByteSink token = new ByteSink(sessionToken.length() + 32);
      token.ascii("X-Amz-Security-Token=").uriEncode(sessionToken, false);
      this.tokenParameter = java.util.Arrays.copyOf(token.bytes, token.length);
    }
    this.key = derive(secretAccessKey, date, region, service);
  }

  /**
   * The UTC date of an epoch day as {@code yyyyMMdd}, what {@code LocalDate.ofEpochDay} gives, by
   * the civil-from-days arithmetic it uses (H. Hinnant's). Why not LocalDate: on a cold JVM it
   * initializes ChronoField, ChronoUnit and their value ranges on the way to the first URL. Digits
   * by hand: String.format would load the locale machinery.
   */
  static String yyyymmdd(long epochDay) {
    long shifted =
        epochDay + 719_468; // days from 0000-03-01: leap days then fall at the end of each year
    long era = Math.floorDiv(shifted, 146_097);
    long dayOfEra = shifted - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthFromMarch = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return new StringBuilder(8)
        .append(year)
        .append((char) ('0' + month / 10))
        .append((char) ('0' + month % 10))
        .append((char) ('0' + day / 10))
        .append((char) ('0' + day % 10))
        .toString();
  }

  /** This key if it fits the credentials and day, otherwise a newly derived one. */
  static SigningKey reuseOrDerive(
      @Nullable SigningKey cached,
      AwsCredentialsIdentity credentials,
      long epochDay,
      String region,
      String service) {
    String token =
        credentials instanceof AwsSessionCredentialsIdentity session
            ? session.sessionToken()
            : null;
    if (cached != null && cached.fits(credentials, token, epochDay)) {
      return cached;
    }
    return new SigningKey(credentials, token, epochDay, region, service);
  }

  private boolean fits(AwsCredentialsIdentity credentials, @Nullable String token, long day) {
    return epochDay == day
        && same(accessKeyId, credentials.accessKeyId())
        && same(secretAccessKey, credentials.secretAccessKey())
        && same(sessionToken, token);
  }

  private static boolean same(@Nullable String a, @Nullable String b) {
    return java.util.Objects.equals(a, b);
  }

  private static byte[] derive(String secret, String date, String region, String service) {
    HmacSha256 mac = new HmacSha256();
    byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
    for (String part : new String[] {date, region, service, "aws4_request"}) {
      mac.init(key);
      byte[] message = part.getBytes(StandardCharsets.UTF_8);
      mac.update(message, 0, message.length);
      key = new byte[HmacSha256.LENGTH];
      mac.doFinal(key, 0);
    }
    return key;
  }

  /**
   * {@return the X-Amz-Credential value, {@code accessKeyId/yyyyMMdd/region/service/aws4_request}}
   */
  String credential() {
    return accessKeyId + '/' + new String(scope, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    // Never the secret or the derived key.
    return "SigningKey[" + accessKeyId + ", " + new String(scope, StandardCharsets.UTF_8) + ']';
  }
}
