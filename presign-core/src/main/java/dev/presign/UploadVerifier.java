package dev.presign;

import dev.presign.InvalidRequestException.Reason;
import dev.presign.Verification.Action;
import dev.presign.internal.Redact;
import dev.presign.internal.Require;
import dev.presign.internal.connection.StoreConnection;
import dev.presign.internal.policy.MediaType;
import dev.presign.internal.token.InvalidTokenException;
import dev.presign.internal.token.SealedToken;
import dev.presign.internal.verify.Disposition;
import dev.presign.internal.verify.Expectation;
import dev.presign.internal.verify.ObjectChecks;
import dev.presign.internal.verify.Prefixes;
import dev.presign.internal.verify.UploadTicket;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Checks what actually landed after a client says it has uploaded: size, type and checksum against
 * the policy and against what was issued, and optionally the first bytes against the declared type.
 * A failed object is quarantined (the default), deleted or kept, as configured.
 *
 * <pre>{@code
 * UploadVerifier verifier = UploadVerifier.builder().issuer(issuer).ticketKey(secretBytes).build();
 * VerifiableUpload issued = verifier.issue(request); // issuer.issueUpload + ticket, no call to S3
 * // ... hand issued.upload() and issued.ticket() to the client; it uploads, then sends the ticket back
 * Verification result = verifier.verify(issued.ticket()); // HEAD (+ a ranged GET), then act on failures
 * }</pre>
 *
 * <p>A ticket is a compact, tamper-proof record of what was issued (key, declared size, type and
 * checksum), authenticated with a server-held key, so verifying needs no database row on any
 * backend instance; an edited ticket is refused before any call to S3. A bad or missing object is a
 * result, never an exception; failures to reach S3 are {@link PresignException}s naming S3's error
 * code.
 *
 * <p>A result is final only once the upload URL has expired: until then the client may PUT again.
 * Verify after {@code expiresAt}, read the object with {@code If-Match: } {@link
 * Verification#etag()}, or have passing uploads promoted to a key no URL can write with {@link
 * Builder#promoteOnPass(String, String)}. Thread-safe; {@link #close()} closes the S3 client this
 * instance built.
 */
public final class UploadVerifier implements AutoCloseable {
  // What it was built with, a private copy: for toBuilder(), toString() and the staging prefix.
  private final Builder settings;
  private final UploadUrlIssuer issuer;
  private final byte[] ticketKey;
  private final S3Client s3;
  private final boolean ownsClient;
  private final ObjectChecks checks;
  private final Disposition disposition;

  // NullAway cannot see that build() checked the required settings (Require.state) before calling
  // this.
  @SuppressWarnings("NullAway")
  private UploadVerifier(Builder b) {
    this.settings = new Builder(b);
    this.issuer = b.issuer;
    this.ticketKey = b.ticketKey.clone();
    this.ownsClient = b.s3Client == null;
    this.s3 =
        b.s3Client != null ? b.s3Client : b.issuer.connection().newS3Client(b.httpClientBuilder);
    this.checks =
        new ObjectChecks(
            s3, issuer.bucket(), issuer.policy(), issuer.policy()::allows, b.checkContent);
    this.disposition =
        new Disposition(
            s3,
            issuer.bucket(),
            issuer.policy().attributes(),
            b.failureAction,
            b.quarantinePrefix,
            b.stagingPrefix,
            b.permanentPrefix,
            b.retagKey,
            b.retagValue);
  }

  /** {@return a builder; the issuer and the ticket key are required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a builder that starts from this verifier's settings} An S3 client given to this
   * verifier is shared; one it built is not, and the new verifier builds its own.
   */
  public Builder toBuilder() {
    return new Builder(settings);
  }

  /**
   * A ticket for an issued upload, binding its key and what its signed headers declare: size, type
   * and checksum. It is honoured until the upload URL expires plus the ticket TTL.
   *
   * @param upload an upload this issuer issued
   * @return the ticket to hand to the client with the URL
   */
  public String ticket(PresignedUpload upload) {
    Objects.requireNonNull(upload, "upload");
    return UploadTicket.of(issuer.bucket(), upload, upload.expiresAt().plus(settings.ticketTtl))
        .encode(ticketKey);
  }

  /**
   * Issues an upload with the issuer this verifier was built with, and its ticket, in one call: the
   * same as {@code issuer.issueUpload(request)} followed by {@link #ticket(PresignedUpload)}. No
   * call goes to S3.
   *
   * @param request what the client asks to upload
   * @return the upload and the ticket to hand to the client together
   * @throws InvalidRequestException when the request breaks the policy
   * @throws PresignException when no signing credentials can be had
   */
  public VerifiableUpload issue(UploadRequest request) {
    PresignedUpload upload = issuer.issueUpload(Objects.requireNonNull(request, "request"));
    return VerifiableUpload.of(upload, ticket(upload));
  }

  /**
   * Whether an object is stored under a key, asked with one HEAD: for instance before redirecting a
   * reader to a download URL, so that a missing file is a 404 of your own rather than S3's XML
   * error. Unlike {@link #verify(String)} it checks nothing and changes nothing.
   *
   * @param key the object key, e.g. an issued upload's {@link PresignedUpload#key()}
   * @return true when S3 has an object under the key
   * @throws InvalidRequestException when the key is not safe; nothing is asked of S3 then
   * @throws PresignException when S3 cannot be asked (also when it refuses the HEAD: 403)
   */
  public boolean exists(String key) {
    Objects.requireNonNull(key, "key");
    StoreConnection.requireSafeKey(key);
    return checks.exists(key);
  }

  /**
   * Verifies an upload from the ticket the client handed back. A ticket is honoured until its
   * upload URL expired plus the ticket TTL ({@link Builder#ticketTtl(Duration)}, 24 hours by
   * default); a backend that kept the upload can still {@link #verify(PresignedUpload)} after that.
   *
   * @param ticket the ticket from {@link #ticket(PresignedUpload)}
   * @return the result
   * @throws InvalidRequestException when the ticket is malformed, edited, for another bucket or
   *     expired; nothing is asked of S3 then
   * @throws PresignException when S3 cannot be asked
   */
  public Verification verify(String ticket) {
    UploadTicket decoded;
    try {
      decoded =
          UploadTicket.decode(
              Objects.requireNonNull(ticket, "ticket"),
              ticketKey,
              issuer.connection().clock().instant(),
              issuer.bucket());
    } catch (InvalidTokenException e) {
      throw new InvalidRequestException(Reason.TICKET_INVALID, String.valueOf(e.getMessage()));
    }
    return verify(Expectation.of(decoded));
  }

  /**
   * Verifies an upload this backend still holds the {@link PresignedUpload} of, against what its
   * signed headers declare: size, type and checksum, as {@link #verify(String)} does with a ticket.
   * No ticket is involved, so it works at any time after issue, also long after a ticket would have
   * expired, for as long as the object is under the upload's key (otherwise the result is {@code
   * MISSING}). The upload must have been issued for this verifier's bucket, which the upload itself
   * does not record: it is checked under its key in this verifier's bucket.
   *
   * <p>The upload is trusted as given: its key decides which object is checked, and a failed check
   * quarantines or deletes that object. Pass only an upload this backend issued and kept, never one
   * rebuilt from what a client sent back; for uploads whose facts only the client holds, issue a
   * ticket and use {@link #verify(String)}, whose facts are authenticated.
   *
   * @param upload the issued upload
   * @return the result
   * @throws InvalidRequestException when the upload's key is not a safe key ({@code KEY_INVALID}),
   *     its Content-Type is missing or not a concrete media type ({@code CONTENT_TYPE_INVALID}),
   *     its checksum header is malformed ({@code HEADER_INVALID}), or this verifier promotes and
   *     the key is not under its staging prefix; nothing is asked of S3 then
   * @throws PresignException when S3 cannot be asked
   */
  public Verification verify(PresignedUpload upload) {
    Objects.requireNonNull(upload, "upload");
    StoreConnection.requireSafeKey(upload.key());
    String type = upload.headers().get("Content-Type");
    if (type == null || MediaType.parseOrNull(type) == null) {
      throw new InvalidRequestException(
          Reason.CONTENT_TYPE_INVALID,
          "the upload's Content-Type must be a concrete media type such as image/png: "
              + (type == null ? "none" : Redact.quote(type)));
    }
    Expectation expected;
    try {
      expected = Expectation.of(upload);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          Reason.HEADER_INVALID,
          "the upload's checksum header is malformed: " + String.valueOf(e.getMessage()));
    }
    return verify(expected);
  }

  /**
   * Verifies an object against an explicit expectation: the request's type, size (when declared)
   * and checksum (when bound). The file name is not used.
   *
   * @param key the object key
   * @param expected what should be there
   * @return the result
   * @throws InvalidRequestException when the key is not safe or the expected type is malformed
   * @throws PresignException when S3 cannot be asked
   */
  public Verification verify(String key, UploadRequest expected) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expected, "expected");
    StoreConnection.requireSafeKey(key);
    MediaType type = MediaType.parseOrNull(expected.contentType());
    if (type == null) {
      throw new InvalidRequestException(
          Reason.CONTENT_TYPE_INVALID,
          "content type must be a concrete media type such as image/png: "
              + Redact.quote(expected.contentType()));
    }
    return verify(
        new Expectation(key, expected.size().orElse(-1), type, expected.checksum().orElse(null)));
  }

  private Verification verify(Expectation expected) {
    String key = expected.key();
    String staging = stagingPrefixOrNull();
    if (staging != null && !key.startsWith(staging)) {
      throw new InvalidRequestException(
          Reason.KEY_INVALID,
          "key must be under the staging prefix "
              + Redact.quote(staging)
              + " to be promoted: "
              + Redact.quote(key));
    }
    HeadObjectResponse head = checks.headOrNull(key);
    return head == null
        ? Disposition.missing(key)
        : disposition.decide(key, head, checks.problems(expected, head));
  }

  /** The issuer this verifier checks against; for {@link UppyS3Handler}. */
  UploadUrlIssuer issuer() {
    return issuer;
  }

  /** Where uploads must land to be promoted, or null when this verifier does not promote. */
  @Nullable String stagingPrefixOrNull() {
    return settings.permanentPrefix == null ? null : settings.stagingPrefix;
  }

  /** Closes the S3 client this instance built; one given to the builder stays open. */
  @Override
  public void close() {
    if (ownsClient) {
      s3.close();
    }
  }

  @Override
  public String toString() {
    Builder b = settings;
    return "UploadVerifier[bucket="
        + issuer.bucket()
        + ", onFailure="
        + b.failureAction
        + (b.failureAction == Action.QUARANTINED ? " under " + b.quarantinePrefix : "")
        + (b.permanentPrefix == null
            ? ""
            : ", promote " + b.stagingPrefix + " to " + b.permanentPrefix)
        + ", checkContent="
        + b.checkContent
        + ']';
  }

  /** Builds an {@link UploadVerifier}. Not thread-safe; what it builds is. */
  public static final class Builder {
    private @Nullable UploadUrlIssuer issuer;
    private byte @Nullable [] ticketKey;
    private Duration ticketTtl = Duration.ofHours(24);
    private Action failureAction = Action.QUARANTINED;
    private String quarantinePrefix = "quarantine/";
    private @Nullable String stagingPrefix;
    private @Nullable String permanentPrefix;
    private boolean checkContent = true;
    private @Nullable String retagKey;
    private @Nullable String retagValue;
    private @Nullable S3Client s3Client;
    private SdkHttpClient.@Nullable Builder<?> httpClientBuilder;

    private Builder() {}

    private Builder(Builder other) {
      this.issuer = other.issuer;
      this.ticketKey = other.ticketKey == null ? null : other.ticketKey.clone();
      this.ticketTtl = other.ticketTtl;
      this.failureAction = other.failureAction;
      this.quarantinePrefix = other.quarantinePrefix;
      this.stagingPrefix = other.stagingPrefix;
      this.permanentPrefix = other.permanentPrefix;
      this.checkContent = other.checkContent;
      this.retagKey = other.retagKey;
      this.retagValue = other.retagValue;
      // A client the verifier built is its own; the copy's verifier builds another from these
      // settings.
      this.s3Client = other.s3Client;
      this.httpClientBuilder = other.httpClientBuilder;
    }

    /**
     * Sets the issuer whose bucket, policy, credentials and clock verification uses (required).
     *
     * @param issuer the issuer
     * @return this builder
     */
    public Builder issuer(UploadUrlIssuer issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * Sets the key that authenticates tickets (required): at least 32 secret random bytes, the same
     * on every backend instance. It is copied.
     *
     * @param key the ticket key
     * @return this builder
     */
    public Builder ticketKey(byte[] key) {
      Objects.requireNonNull(key, "ticketKey");
      Require.argument(
          key.length >= SealedToken.MIN_KEY_BYTES,
          "ticketKey must be at least 32 bytes",
          key.length + " bytes");
      this.ticketKey = key.clone();
      return this;
    }

    /**
     * Sets how long after its upload URL expires a ticket is still honoured; default 24 hours.
     *
     * @param ttl 1 minute to 7 days, whole seconds
     * @return this builder
     */
    public Builder ticketTtl(Duration ttl) {
      this.ticketTtl = Require.ttl("ticketTtl", ttl, Duration.ofMinutes(1), "1m");
      return this;
    }

    /**
     * Moves failed objects under {@code prefix} (the default, under {@code quarantine/}), keeping
     * them for inspection; nothing remains under the original key.
     *
     * @param prefix a valid key prefix ending in {@code /}
     * @return this builder
     */
    public Builder quarantineFailed(String prefix) {
      Prefixes.requireQuarantine(Objects.requireNonNull(prefix, "prefix"));
      this.failureAction = Action.QUARANTINED;
      this.quarantinePrefix = prefix;
      return this;
    }

    /**
     * Promotes passing uploads (Shrine's cache-to-store pattern): the issuer's key strategy names
     * uploads under {@code stagingPrefix}, and a passing verification copies the object
     * server-side, pinned to the ETag it checked, to {@code permanentPrefix} + the rest of its key,
     * then deletes the staged copy. {@link Verification#promotedKey()} says where it now is. No URL
     * presign issues can write there (the verifier refuses to build when the issuer's strategy
     * could produce such a key), so re-using the upload URL until it expires changes nothing
     * readers of the permanent key get. Off by default: without it, a result is final only once the
     * upload URL has expired.
     *
     * <pre>{@code
     * issuer = issuer.toBuilder().keyStrategy(KeyStrategy.uuid("staging/")).build();
     * verifier = UploadVerifier.builder().issuer(issuer).ticketKey(key).promoteOnPass("staging/", "files/").build();
     * }</pre>
     *
     * @param stagingPrefix where uploads land, a valid non-empty key prefix ending in {@code /}
     * @param permanentPrefix where verified uploads go, a valid non-empty key prefix ending in
     *     {@code /}, neither inside nor around the staging prefix
     * @return this builder
     */
    public Builder promoteOnPass(String stagingPrefix, String permanentPrefix) {
      Objects.requireNonNull(stagingPrefix, "stagingPrefix");
      Objects.requireNonNull(permanentPrefix, "permanentPrefix");
      Prefixes.requirePromotion(stagingPrefix, permanentPrefix);
      this.stagingPrefix = stagingPrefix;
      this.permanentPrefix = permanentPrefix;
      return this;
    }

    /**
     * Sets one tag of a passing object (after promotion, of the promoted one), keeping its other
     * tags: with {@code ObjectAttributes.builder().tag("presign-status", "pending")} on the policy
     * and {@code retagOnPass("presign-status", "verified")} here, a lifecycle rule that expires
     * pending objects ({@link dev.presign.setup.BucketSetup#expireTaggedRule}) cleans up uploads
     * nobody verified. Needs {@code s3:GetObjectTagging} and {@code s3:PutObjectTagging}; off by
     * default.
     *
     * @param tagKey the tag to set, as for {@link ObjectAttributes.Builder#tag}
     * @param tagValue its value
     * @return this builder
     * @throws IllegalArgumentException when the key or value breaks S3's tag rules
     */
    public Builder retagOnPass(String tagKey, String tagValue) {
      ObjectAttributes.builder()
          .tag(
              Objects.requireNonNull(tagKey, "tagKey"),
              Objects.requireNonNull(tagValue, "tagValue"));
      this.retagKey = tagKey;
      this.retagValue = tagValue;
      return this;
    }

    /**
     * Deletes failed objects.
     *
     * @return this builder
     */
    public Builder deleteFailed() {
      this.failureAction = Action.DELETED;
      return this;
    }

    /**
     * Leaves failed objects where they are; the result still says what failed.
     *
     * @return this builder
     */
    public Builder keepFailed() {
      this.failureAction = Action.KEPT;
      return this;
    }

    /**
     * Whether to read the first 512 bytes and check them against the declared type; default true.
     *
     * @param check whether to check content
     * @return this builder
     */
    public Builder checkContent(boolean check) {
      this.checkContent = check;
      return this;
    }

    /**
     * Uses this S3 client instead of building one from the issuer's settings; {@link #close()}
     * leaves it open. Replaces a builder given to {@link #httpClientBuilder}.
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
     * Builds the verifier.
     *
     * @return the verifier
     * @throws IllegalStateException when the issuer or the ticket key is missing, or when the
     *     issuer's key strategy can produce keys under the quarantine or permanent prefix ({@link
     *     KeyStrategy#mayProduceKeyStartingWith(String)})
     */
    // NullAway cannot follow Require.state: the settings it checks are used as non-null after it.
    @SuppressWarnings("NullAway")
    public UploadVerifier build() {
      Require.state(issuer != null, "issuer is required", "null");
      Require.state(ticketKey != null, "ticketKey is required", "null");
      if (failureAction == Action.QUARANTINED) {
        Prefixes.requireReserved(issuer.keyStrategy(), "quarantine prefix", quarantinePrefix);
      }
      if (permanentPrefix != null) {
        Prefixes.requireReserved(issuer.keyStrategy(), "permanent prefix", permanentPrefix);
      }
      return new UploadVerifier(this);
    }
  }
}
