package dev.presign;

import dev.presign.InvalidRequestException.Reason;
import dev.presign.internal.Require;
import dev.presign.internal.UploadMethod;
import dev.presign.internal.attributes.MultipartAttributes;
import dev.presign.internal.connection.StoreConnection;
import dev.presign.internal.multipart.MultipartCalls;
import dev.presign.internal.multipart.PartPlan;
import dev.presign.internal.multipart.PartUrls;
import dev.presign.internal.multipart.SessionToken;
import dev.presign.internal.policy.MediaType;
import dev.presign.internal.token.InvalidTokenException;
import dev.presign.internal.token.SealedToken;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Resumable uploads of up to 5 TiB in parts, driven by a backend across several calls from its
 * client: start, pre-sign part URLs, list what arrived, complete or abort.
 *
 * <pre>{@code
 * MultipartUploads multipart = MultipartUploads.builder()
 *     .issuer(issuer)
 *     .sessionKey(secretFromYourVault)     // 32+ random bytes, the same on every backend instance
 *     .build();
 *
 * MultipartSession session = multipart.start(UploadRequest.of("film.mp4", "video/mp4", 50L << 30));
 * List<PresignedPart> urls = multipart.presignParts(session.token(), 1, session.partCount());
 * // the client PUTs each part and keeps each ETag ...
 * multipart.complete(session.token(), List.of(UploadedPart.of(1, etag1), UploadedPart.of(2, etag2)));
 * }</pre>
 *
 * <p>Sessions are stateless on the backend: S3 holds the upload, the client holds a token
 * authenticated with the session key, binding the upload id, key, declared size, content type, part
 * plan and expiry. Any backend instance with the same key and issuer settings can continue a
 * session; an edited or expired token, or one made with another key, is refused before any call to
 * S3.
 *
 * <p>Start, list, complete and abort call S3 through an {@link S3Client}, built from the issuer's
 * settings unless one is given; part URLs are signed locally. Thread-safe; {@link #close()} closes
 * the client it built.
 */
public final class MultipartUploads implements AutoCloseable {
  /** The smallest session key, in bytes: 32, the same for every key that seals presign's tokens. */
  public static final int MIN_SESSION_KEY_BYTES = SealedToken.MIN_KEY_BYTES;

  private final UploadUrlIssuer issuer;
  private final StoreConnection connection;
  private final byte[] sessionKey;
  private final long partSize;
  private final Duration sessionTtl;
  private final long multipartThreshold;
  private final S3Client s3;
  private final boolean ownsClient;
  private final SdkHttpClient.@Nullable Builder<?> httpClientBuilder;
  private final MultipartCalls calls;

  // NullAway cannot see that build() checked the required settings (Require.state) before calling
  // this.
  @SuppressWarnings("NullAway")
  private MultipartUploads(Builder b) {
    this.issuer = b.issuer;
    this.connection = b.issuer.connection();
    this.sessionKey = b.sessionKey.clone();
    this.partSize = b.partSize;
    this.sessionTtl = b.sessionTtl;
    this.multipartThreshold = b.multipartThreshold;
    this.ownsClient = b.s3Client == null;
    this.httpClientBuilder = b.httpClientBuilder;
    this.s3 = b.s3Client != null ? b.s3Client : connection.newS3Client(b.httpClientBuilder);
    this.calls = new MultipartCalls(s3, connection.bucket());
  }

  /** {@return a builder; the issuer and the session key are required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a builder that starts from these settings} An S3 client given to this instance is
   * shared; one it built is not, and the new instance builds its own.
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Picks the upload mechanism for a request and issues it: a PUT when the size is known and at
   * most the multipart threshold, a POST form when the size is not known (S3 then enforces the
   * policy's size range), and a multipart upload above the threshold. A request without a size gets
   * a POST form even when the policy requires a declared size for PUT URLs: there S3 enforces the
   * range itself. On a store that takes no POST forms ({@link StoreProfile#supportsPost()}), a
   * request without a size is refused.
   *
   * <p>This lives here, not on the issuer, because only this service can start a multipart upload
   * and the threshold is its setting; the choice itself is made before anything is signed or sent.
   *
   * @param request the upload
   * @return the PUT, POST or multipart session; {@link IssuedUpload#mechanism()} says which
   * @throws InvalidRequestException when the request breaks the policy
   * @throws PresignException when signing fails or S3 refuses to start a multipart upload
   */
  public IssuedUpload issue(UploadRequest request) {
    Objects.requireNonNull(request, "request");
    return switch (UploadMethod.choose(request.size(), multipartThreshold, connection.profile())) {
      case POST -> issuer.issuePost(request);
      case PUT -> issuer.issueUpload(request);
      case MULTIPART -> start(request);
    };
  }

  /**
   * Checks a request against the issuer's policy, plans its parts and starts the upload in S3. The
   * policy's {@link ObjectAttributes} and the request's metadata and tags go to
   * CreateMultipartUpload, so the completed object carries them; part URLs sign none. On a store
   * that drops the tags there ({@link StoreProfile#dropsMultipartTagging()}), the token carries
   * them and {@link #complete} sets them.
   *
   * @param request the upload; its size is required, up to the policy's maximum and 5 TiB
   * @return the session, with the token the client hands back
   * @throws InvalidRequestException when the request breaks the policy
   * @throws PresignException when S3 refuses to start the upload, with S3's error code in the
   *     message
   */
  public MultipartSession start(UploadRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.size().isEmpty()) {
      throw new InvalidRequestException(
          Reason.SIZE_MISSING, "the file size must be declared for a multipart upload");
    }
    if (request.checksum().isPresent()) {
      throw new InvalidRequestException(
          Reason.CHECKSUM_UNSUPPORTED,
          "a multipart upload cannot bind a whole-object checksum; use a PUT: "
              + request.checksum().get().algorithm());
    }
    MediaType type = issuer.policy().checkUpload(request);
    String[] attributes = issuer.policy().attributeEntries(request);
    PartPlan plan = PartPlan.of(request.size().getAsLong(), partSize);
    Instant now = connection.clock().instant();
    String key = issuer.keyStrategy().key(request, now);
    StoreConnection.requireSafeKey(key);
    String uploadId = calls.create(key, type.headerValue(), attributes);
    Instant expiresAt = now.plus(sessionTtl).truncatedTo(ChronoUnit.SECONDS);
    // A store that drops CreateMultipartUpload's tags gets them after completion, from the signed
    // token: never from what the client sends then.
    StoreProfile profile = connection.profile();
    String tagging =
        profile != null && profile.dropsMultipartTagging()
            ? MultipartAttributes.tagging(attributes)
            : "";
    SessionToken session =
        new SessionToken(
            connection.bucket(), uploadId, key, type.headerValue(), plan, expiresAt, tagging);
    String token = session.encode(sessionKey);
    if (token.length() > SessionToken.MAX_LENGTH) {
      calls.abort(key, uploadId);
      throw new InvalidRequestException(
          Reason.TAGS_INVALID,
          "on "
              + profile
              + " a multipart "
              + "upload's tags travel in its session token, which may be "
              + SessionToken.MAX_LENGTH
              + " characters long; these tags make it "
              + token.length());
    }
    return new MultipartSession(
        key, uploadId, plan.totalSize(), plan.partSize(), plan.partCount(), expiresAt, token);
  }

  /**
   * Signs the PUT URLs of parts {@code fromPart} to {@code toPart}, each with its exact size
   * signed. Batches of 1,024 parts or more are signed in parallel on the common {@link
   * java.util.concurrent.ForkJoinPool}.
   *
   * @param token the session token
   * @param fromPart the first part, from 1
   * @param toPart the last part, up to the session's part count
   * @return the URLs, in part order
   * @throws InvalidRequestException when the token is invalid or expired, or the range is outside
   *     the plan
   */
  public List<PresignedPart> presignParts(String token, int fromPart, int toPart) {
    SessionToken session = verify(token);
    PartUrls.requireRange(session.plan(), fromPart, toPart);
    return PartUrls.sign(
        connection,
        issuer.policy().uploadTtl(),
        session,
        fromPart,
        toPart,
        connection.clock().instant());
  }

  /**
   * Signs the PUT URL of every part. Batches of 1,024 parts or more are signed in parallel on the
   * common {@link java.util.concurrent.ForkJoinPool}.
   *
   * @param token the session token
   * @return the URLs, in part order
   * @throws InvalidRequestException when the token is invalid or expired
   */
  public List<PresignedPart> presignAllParts(String token) {
    SessionToken session = verify(token);
    return PartUrls.sign(
        connection,
        issuer.policy().uploadTtl(),
        session,
        1,
        session.plan().partCount(),
        connection.clock().instant());
  }

  /**
   * Lists the parts S3 holds for the session, so a client that lost its state can resume.
   *
   * @param token the session token
   * @return the uploaded parts, in part order, with their ETags and sizes
   * @throws InvalidRequestException when the token is invalid or expired
   * @throws PresignException when S3 refuses, e.g. {@code NoSuchUpload} after an abort
   */
  public List<UploadedPart> listParts(String token) {
    return calls.list(verify(token));
  }

  /**
   * Completes the upload after checking that the client names every part of the plan once, in
   * order, and that S3 holds each with the planned size and the same ETag.
   *
   * <p>Some stores answer CompleteMultipartUpload with an empty ETag (Ceph RGW 16); the ETag then
   * comes from a HEAD of the object right after, of the version the completion created when the
   * bucket is versioned. On a store that drops the tags CreateMultipartUpload carries ({@link
   * StoreProfile#dropsMultipartTagging()}), the tags the session's token holds are then set with
   * PutObjectTagging; if that fails, the object exists without them and the exception says so.
   *
   * @param token the session token
   * @param parts every part, in order, with the ETag its PUT returned
   * @return the ETag of the assembled object, quoted as S3 sends it, never empty
   * @throws InvalidRequestException when the token is invalid, or a part is missing, repeated, out
   *     of order, of the wrong size or has another ETag
   * @throws PresignException when S3 refuses, or when neither the completion nor a HEAD of the
   *     completed object gives an ETag
   */
  public String complete(String token, List<UploadedPart> parts) {
    return calls.complete(verify(token), parts, false);
  }

  /**
   * Completes like {@link #complete(String, List)}, or, when S3 no longer knows the upload
   * (NoSuchUpload, or no parts listed) and an object is stored under the session's key, answers
   * that object's ETag: for a completion retried after S3 assembled the object and the first answer
   * was lost. Only this session writes under its key.
   */
  String completeOrStored(String token, List<UploadedPart> parts) {
    return calls.complete(verify(token), parts, true);
  }

  /**
   * Aborts the upload; S3 deletes the parts it holds.
   *
   * @param token the session token
   * @throws InvalidRequestException when the token is invalid or expired
   * @throws PresignException when S3 refuses
   */
  public void abort(String token) {
    SessionToken session = verify(token);
    calls.abort(session.key(), session.uploadId());
  }

  /** Closes the S3 client this instance built; one given to the builder stays open. */
  @Override
  public void close() {
    if (ownsClient) {
      s3.close();
    }
  }

  /** The issuer this instance signs with; for {@link UppyS3Handler}. */
  UploadUrlIssuer issuer() {
    return issuer;
  }

  /**
   * The object key a valid session token names; for protocols whose client sends the key back.
   *
   * @throws InvalidRequestException when the token is invalid or expired
   */
  String keyOf(String token) {
    return verify(token).key();
  }

  /**
   * What a valid session token says was declared: its key, content type and total size, for a
   * verification after completion.
   *
   * @throws InvalidRequestException when the token is invalid or expired
   */
  UploadRequest declaredOf(String token) {
    SessionToken session = verify(token);
    return UploadRequest.of(session.key(), session.contentType(), session.plan().totalSize());
  }

  /**
   * Signs the PUT URLs of the named parts, checking the token once.
   *
   * @throws InvalidRequestException when the token is invalid or expired, or a part is outside the
   *     plan
   */
  List<PresignedPart> presignPartNumbers(String token, int[] partNumbers) {
    return PartUrls.signEach(
        connection,
        issuer.policy().uploadTtl(),
        verify(token),
        partNumbers,
        connection.clock().instant());
  }

  private SessionToken verify(String token) {
    Objects.requireNonNull(token, "token");
    try {
      return SessionToken.decode(
          token, sessionKey, connection.clock().instant(), connection.bucket());
    } catch (InvalidTokenException e) {
      throw new InvalidRequestException(Reason.SESSION_INVALID, String.valueOf(e.getMessage()));
    }
  }

  @Override
  public String toString() {
    return "MultipartUploads[bucket="
        + connection.bucket()
        + ", partSize="
        + partSize
        + ", sessionTtl="
        + sessionTtl
        + ']';
  }

  /** Builds {@link MultipartUploads}. Not thread-safe; what it builds is. */
  public static final class Builder {
    private @Nullable UploadUrlIssuer issuer;
    private byte @Nullable [] sessionKey;
    private long partSize = 16L * 1024 * 1024;
    private Duration sessionTtl = Duration.ofHours(24);
    private long multipartThreshold = 100L * 1024 * 1024;
    private @Nullable S3Client s3Client;
    private SdkHttpClient.@Nullable Builder<?> httpClientBuilder;

    private Builder() {}

    private Builder(MultipartUploads uploads) {
      this.issuer = uploads.issuer;
      this.sessionKey = uploads.sessionKey.clone();
      this.partSize = uploads.partSize;
      this.sessionTtl = uploads.sessionTtl;
      this.multipartThreshold = uploads.multipartThreshold;
      this.s3Client = uploads.ownsClient ? null : uploads.s3;
      this.httpClientBuilder = uploads.httpClientBuilder;
    }

    /**
     * Sets the issuer whose bucket, policy, key strategy, credentials and clock the uploads use
     * (required).
     *
     * @param issuer the issuer
     * @return this builder
     */
    public Builder issuer(UploadUrlIssuer issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * Sets the key that authenticates session tokens (required): at least 32 random bytes, the same
     * on every backend instance that serves the sessions, kept secret like a password. It is
     * copied.
     *
     * @param key the session key
     * @return this builder
     */
    public Builder sessionKey(byte[] key) {
      Objects.requireNonNull(key, "sessionKey");
      Require.argument(
          key.length >= MIN_SESSION_KEY_BYTES,
          "sessionKey must be at least 32 bytes",
          key.length + " bytes");
      this.sessionKey = key.clone();
      return this;
    }

    /**
     * Sets the preferred part size, 5 MiB to 5 GiB; default 16 MiB. Larger uploads get larger
     * parts, so that none needs more than 10,000.
     *
     * @param bytes the part size
     * @return this builder
     */
    public Builder partSize(long bytes) {
      Require.argument(
          bytes >= PartPlan.MIN_PART_SIZE && bytes <= PartPlan.MAX_PART_SIZE,
          "partSize must be between 5 MiB and 5 GiB",
          bytes);
      this.partSize = bytes;
      return this;
    }

    /**
     * Sets how long a session token is honoured, 1 minute to 7 days; default 24 hours. Part URLs
     * never outlive it.
     *
     * @param ttl whole seconds
     * @return this builder
     */
    public Builder sessionTtl(Duration ttl) {
      this.sessionTtl = Require.ttl("sessionTtl", ttl, Duration.ofMinutes(1), "1m");
      return this;
    }

    /**
     * Sets the size above which {@link #issue(UploadRequest)} picks a multipart upload over one
     * PUT, 5 MiB to 5 GiB; default 100 MiB, where S3's guidance starts to recommend parts.
     *
     * @param bytes the threshold
     * @return this builder
     */
    public Builder multipartThreshold(long bytes) {
      Require.argument(
          bytes >= PartPlan.MIN_PART_SIZE && bytes <= PresignPolicy.MAX_SINGLE_PUT_SIZE,
          "multipartThreshold must be between 5 MiB and 5 GiB",
          bytes);
      this.multipartThreshold = bytes;
      return this;
    }

    /**
     * Uses this S3 client instead of building one from the issuer's settings; {@link #close()}
     * leaves it open, and it replaces a builder given to {@link #httpClientBuilder}. Build it with
     * {@code requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)}: with the SDK's
     * default, S3 may expect a checksum with every part, and pre-signed part URLs carry none
     * (aws-sdk-java-v2#6518).
     *
     * @param client the client
     * @return this builder
     */
    public Builder s3Client(S3Client client) {
      this.s3Client = Objects.requireNonNull(client, "s3Client");
      this.httpClientBuilder = null;
      return this;
    }

    /**
     * Builds the S3 client from the issuer's settings with this HTTP client instead of the SDK's
     * url-connection-client, which presign uses by default because it adds no jars beyond the JDK's
     * {@code HttpURLConnection}. For many concurrent calls, a pooled client such as the SDK's
     * {@code Apache5HttpClient.builder()} (from {@code software.amazon.awssdk:apache5-client}) may
     * serve better. Replaces a client given to {@link #s3Client(S3Client)}, and is replaced by one.
     *
     * @param builder the HTTP client builder; the S3 client this instance builds owns what it
     *     builds
     * @return this builder
     */
    public Builder httpClientBuilder(SdkHttpClient.Builder<?> builder) {
      this.httpClientBuilder = Objects.requireNonNull(builder, "httpClientBuilder");
      this.s3Client = null;
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws IllegalStateException when the issuer or the session key is missing
     */
    public MultipartUploads build() {
      Require.state(issuer != null, "issuer is required", "null");
      Require.state(sessionKey != null, "sessionKey is required", "null");
      return new MultipartUploads(this);
    }
  }
}
