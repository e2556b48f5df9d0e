package dev.presign.internal.put;

import dev.presign.Checksum;
import dev.presign.InvalidRequestException;
import dev.presign.InvalidRequestException.Reason;
import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.StoreProfile;
import dev.presign.UploadRequest;
import dev.presign.internal.HeaderMap;
import dev.presign.internal.connection.StoreConnection;
import dev.presign.internal.policy.MediaType;
import dev.presign.internal.signing.Expiry;
import java.time.Instant;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Names the object of an admitted request and signs its PUT URL: Content-Type, the declared
 * Content-Length, a bound checksum and the attribute headers are signed, so S3 refuses another
 * type, size, checksum or attribute. The headers handed to the client leave out Content-Length,
 * which clients set from the body.
 */
public final class PutUrl {
  // The issuer's logger, as before this code left it: applications configure that name.
  private static final Logger LOG = LoggerFactory.getLogger("dev.presign.UploadUrlIssuer");

  private PutUrl() {}

  /**
   * Refuses what one PUT cannot carry, or the store cannot check.
   *
   * @param profile the store, or null when none was set
   * @param request the request the policy admitted
   * @throws InvalidRequestException {@code CHECKSUM_UNSUPPORTED} for a checksum the store does not
   *     take, {@code TOO_LARGE} above 5 GiB
   */
  public static void checkStore(StoreProfile profile, UploadRequest request) {
    if (request.checksum().isPresent()
        && profile != null
        && !profile.checksums().contains(request.checksum().get().algorithm())) {
      throw new InvalidRequestException(
          Reason.CHECKSUM_UNSUPPORTED,
          "checksum must be one of "
              + new TreeSet<>(profile.checksums())
              + " on "
              + profile
              + ": "
              + request.checksum().get().algorithm());
    }
    if (request.size().isPresent()
        && request.size().getAsLong() > PresignPolicy.MAX_SINGLE_PUT_SIZE) {
      throw new InvalidRequestException(
          Reason.TOO_LARGE,
          "a single PUT can carry at most "
              + PresignPolicy.MAX_SINGLE_PUT_SIZE
              + " bytes: "
              + request.size().getAsLong());
    }
  }

  /**
   * Names the object and signs its PUT URL.
   *
   * @param connection the bucket and signer
   * @param policy the policy, for the TTL
   * @param keyStrategy names the object
   * @param request the admitted request
   * @param type the normalized content type the policy admitted
   * @param attributes the signed attribute headers as name/value pairs, or null for none
   * @return the URL, the headers the client sends, the body length, the key and the expiry
   * @throws InvalidRequestException {@code KEY_INVALID} for an unsafe key
   * @throws dev.presign.PresignException when the credentials cannot be resolved or expire too soon
   */
  public static PresignedUpload sign(
      StoreConnection connection,
      PresignPolicy policy,
      KeyStrategy keyStrategy,
      UploadRequest request,
      MediaType type,
      String @Nullable [] attributes) {
    Instant now = connection.clock().instant();
    String key = keyStrategy.key(request, now);
    StoreConnection.requireSafeKey(key);
    String length = request.size().isPresent() ? Long.toString(request.size().getAsLong()) : null;
    Checksum checksum = request.checksum().orElse(null);
    HeaderMap headers;
    if (checksum == null) {
      headers =
          length == null
              ? HeaderMap.of("Content-Type", type.headerValue())
              : HeaderMap.of("Content-Type", type.headerValue(), "Content-Length", length);
    } else {
      headers =
          length == null
              ? HeaderMap.ofEntries(
                  "Content-Type",
                  type.headerValue(),
                  checksum.algorithm().header(),
                  checksum.base64())
              : HeaderMap.ofEntries(
                  "Content-Type",
                  type.headerValue(),
                  "Content-Length",
                  length,
                  checksum.algorithm().header(),
                  checksum.base64());
    }

    if (attributes != null) {
      headers = headers.plus(attributes);
    }
    AwsCredentialsIdentity credentials = connection.resolveCredentials();
    Expiry expiry = connection.expiry(now, policy.uploadTtl(), credentials);
    String url = connection.sign("PUT", key, headers, expiry, credentials);
    Instant expiresAt = expiry.expiresAt();
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "Issued PUT for key '{}' ({}, {} bytes), expires at {}{}",
          key,
          type.essence(),
          request.size().isPresent() ? request.size().getAsLong() : "undeclared",
          expiresAt,
          expiry.capped() ? " (shortened: the signing keys expire first)" : "");
    }
    HeaderMap clientHeaders =
        checksum == null
            ? HeaderMap.of("Content-Type", type.headerValue())
            : HeaderMap.of(
                "Content-Type",
                type.headerValue(),
                checksum.algorithm().header(),
                checksum.base64());
    if (attributes != null) {
      clientHeaders = clientHeaders.plus(attributes);
    }
    return new PresignedUpload("PUT", url, clientHeaders, request.size(), key, expiresAt);
  }
}
