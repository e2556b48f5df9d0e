package dev.presign.internal.signing;

import dev.presign.PresignException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The real life of a URL: the requested TTL, cut short when the signing credentials expire first. A
 * SigV4 URL is dead once its credentials are (aws-sdk-java-v2#2379), so claiming more would lie.
 *
 * @param signingEpochSecond the X-Amz-Date in seconds since the epoch: the clock reading truncated
 *     to whole seconds, as SigV4 writes it
 * @param seconds the X-Amz-Expires value
 * @param capped whether the credentials' expiry shortened the requested TTL
 */
public record Expiry(long signingEpochSecond, long seconds, boolean capped) {

  /** {@return the X-Amz-Date as an instant} */
  public Instant signingTime() {
    return Instant.ofEpochSecond(signingEpochSecond);
  }

  /** The instant the URL stops working: {@code signingTime + seconds}. */
  public Instant expiresAt() {
    return Instant.ofEpochSecond(signingEpochSecond + seconds);
  }

  /**
   * Computes the expiry of a URL signed at {@code now}.
   *
   * @param now the issuer's clock reading
   * @param ttl the requested time to live, 1 s to 7 days in whole seconds
   * @param credentialsExpiry when the signing credentials expire, if they do
   * @param rejectCapped whether a cut TTL is an error instead of a shorter URL
   * @throws PresignException when the credentials leave less than one second, or when {@code
   *     rejectCapped} and they expire before the TTL ends
   */
  public static Expiry compute(
      Instant now, Duration ttl, Optional<Instant> credentialsExpiry, boolean rejectCapped) {
    long signingSecond = now.getEpochSecond();
    long seconds = ttl.toSeconds();
    if (credentialsExpiry.isEmpty()) {
      return new Expiry(signingSecond, seconds, false);
    }
    Instant signingTime = Instant.ofEpochSecond(signingSecond);
    Instant credentialsEnd = credentialsExpiry.get();
    // Whole seconds the credentials still cover after X-Amz-Date; getSeconds() floors.
    long remaining = Duration.between(signingTime, credentialsEnd).toSeconds();
    if (remaining < 1 || !credentialsEnd.isAfter(now)) {
      throw new PresignException(
          PresignException.Kind.CREDENTIALS_EXPIRING,
          "the signing credentials expire at "
              + credentialsEnd
              + ", too soon to sign a URL at "
              + now);
    }
    if (remaining >= seconds) {
      return new Expiry(signingSecond, seconds, false);
    }
    if (rejectCapped) {
      throw new PresignException(
          PresignException.Kind.CREDENTIALS_EXPIRING,
          "the signing credentials expire at "
              + credentialsEnd
              + ", before the requested "
              + ttl
              + " from "
              + signingTime
              + " ends");
    }
    return new Expiry(signingSecond, remaining, true);
  }
}
