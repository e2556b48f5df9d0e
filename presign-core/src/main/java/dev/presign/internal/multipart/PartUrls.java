package dev.presign.internal.multipart;

import dev.presign.InvalidRequestException;
import dev.presign.InvalidRequestException.Reason;
import dev.presign.PresignedPart;
import dev.presign.internal.HeaderMap;
import dev.presign.internal.connection.StoreConnection;
import dev.presign.internal.signing.Expiry;
import dev.presign.internal.signing.SigningRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs the PUT URLs of a multipart session's parts: each with its exact Content-Length, its part
 * number and upload id signed in, living for the upload TTL but never past the session.
 */
public final class PartUrls {
  // The issuer's logger, as before this code left it: applications configure that name.
  private static final Logger LOG = LoggerFactory.getLogger("dev.presign.UploadUrlIssuer");
  // From this many part URLs in one call, signing runs in parallel on the common ForkJoinPool.
  static final int PARALLEL_PARTS = 1024;

  private PartUrls() {}

  /**
   * Checks that parts {@code from} to {@code to} are a range within the session's plan.
   *
   * @param plan the session's plan
   * @param from the first part
   * @param to the last part
   * @throws InvalidRequestException {@code PARTS_INVALID} otherwise
   */
  public static void requireRange(PartPlan plan, int from, int to) {
    if (from < 1 || to > plan.partCount() || from > to) {
      throw new InvalidRequestException(
          Reason.PARTS_INVALID,
          "parts must be a range within 1.." + plan.partCount() + ": " + from + ".." + to);
    }
  }

  /**
   * Signs the named parts, one by one, in the order named.
   *
   * @param connection the bucket and signer
   * @param uploadTtl the policy's upload TTL
   * @param session the verified session
   * @param partNumbers the parts
   * @param now the signing time
   * @return the URLs, in the order named
   * @throws InvalidRequestException {@code PARTS_INVALID} when a part is outside the plan, {@code
   *     SESSION_INVALID} when the session has expired
   */
  public static List<PresignedPart> signEach(
      StoreConnection connection,
      Duration uploadTtl,
      SessionToken session,
      int[] partNumbers,
      Instant now) {
    List<PresignedPart> urls = new ArrayList<>(partNumbers.length);
    for (int n : partNumbers) {
      if (n < 1 || n > session.plan().partCount()) {
        throw new InvalidRequestException(
            Reason.PARTS_INVALID,
            "parts must be within 1.." + session.plan().partCount() + ": " + n);
      }
      urls.add(sign(connection, uploadTtl, session, n, n, now).get(0));
    }
    return urls;
  }

  /**
   * Signs parts {@code from} to {@code to}, resolving credentials once for the whole batch.
   *
   * @param connection the bucket and signer
   * @param uploadTtl the policy's upload TTL
   * @param session the verified session
   * @param from the first part, within the plan
   * @param to the last part, within the plan
   * @param now the signing time
   * @return the URLs, in part order
   * @throws InvalidRequestException {@code SESSION_INVALID} when the session has expired
   */
  public static List<PresignedPart> sign(
      StoreConnection connection,
      Duration uploadTtl,
      SessionToken session,
      int from,
      int to,
      Instant now) {
    AwsCredentialsIdentity credentials = connection.resolveCredentials();
    Expiry expiry = connection.expiry(now, uploadTtl, credentials);
    // A part URL must not outlive its session: that would be a way around the token's expiry.
    long seconds =
        Math.min(
            expiry.seconds(), session.expiresAt().getEpochSecond() - expiry.signingEpochSecond());
    if (seconds < 1) {
      throw new InvalidRequestException(
          Reason.SESSION_INVALID, "the session expired at " + session.expiresAt());
    }
    Instant expiresAt = Instant.ofEpochSecond(expiry.signingEpochSecond() + seconds);
    PartPlan plan = session.plan();
    // Every part but the last has the same size: one header map serves them all.
    HeaderMap fullPart = HeaderMap.of("Content-Length", Long.toString(plan.partSize()));
    IntFunction<PresignedPart> signPart =
        partNumber -> {
          long size = plan.sizeOf(partNumber);
          String url =
              connection
                  .signer()
                  .presign(
                      new SigningRequest(
                          "PUT",
                          connection.bucket(),
                          session.key(),
                          size == plan.partSize()
                              ? fullPart
                              : HeaderMap.of("Content-Length", Long.toString(size)),
                          HeaderMap.of(
                              "partNumber",
                              Integer.toString(partNumber),
                              "uploadId",
                              session.uploadId()),
                          expiry.signingEpochSecond(),
                          seconds,
                          credentials));
          return new PresignedPart(partNumber, url, size, expiresAt);
        };
    List<PresignedPart> parts;
    if (to - from + 1 >= PARALLEL_PARTS) {
      // Thousands of URLs at once (a 50 GB video): spread them over the cores on the common pool,
      // as Caffeine does its own bulk work. The signer keeps its buffers per thread, so nothing is
      // shared.
      parts = IntStream.rangeClosed(from, to).parallel().mapToObj(signPart).toList();
    } else {
      parts = new ArrayList<>(to - from + 1);
      for (int partNumber = from; partNumber <= to; partNumber++) {
        parts.add(signPart.apply(partNumber));
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "Issued {} part PUTs ({}..{}) for key '{}', expire at {}",
          parts.size(),
          from,
          to,
          session.key(),
          expiresAt);
    }
    return parts;
  }
}
