package dev.presign;

import dev.presign.internal.HeaderMap;
import dev.presign.internal.Redact;
import dev.presign.internal.Require;
import dev.presign.internal.connection.StoreConnection;
import dev.presign.internal.download.ResponseOverrides;
import dev.presign.internal.policy.MediaType;
import dev.presign.internal.post.PostForm;
import dev.presign.internal.put.PutUrl;
import dev.presign.internal.signing.BucketNames;
import dev.presign.internal.signing.EncodedQuery;
import dev.presign.internal.signing.Expiry;
import dev.presign.internal.signing.S3Addressing;
import dev.presign.internal.signing.SigningRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * Issues pre-signed upload and download URLs for one bucket, checked against a {@link
 * PresignPolicy} and named by a {@link KeyStrategy}.
 *
 * <pre>{@code
 * UploadUrlIssuer issuer = UploadUrlIssuer.builder()
 *     .bucket("my-bucket")
 *     .region(Region.EU_WEST_1)
 *     .credentialsProvider(DefaultCredentialsProvider.builder().build())
 *     .policy(policy)
 *     .keyStrategy(KeyStrategy.datedUuid("uploads/"))
 *     .build();
 *
 * PresignedUpload up = issuer.issueUpload(UploadRequest.of("cat.png", "image/png", 12_345));
 * PresignedDownload down = issuer.issueDownload(up.key());
 * }</pre>
 *
 * <p>Signing is local computation: no call goes to S3, and the issuer makes no S3 client (the
 * services that do call S3, such as {@link MultipartUploads}, make their own from its settings).
 * Credentials are resolved from the provider for every URL (providers cache them), and a URL never
 * claims to outlive them: when temporary credentials expire before the TTL ends, X-Amz-Expires and
 * {@code expiresAt} are cut to the credentials' remaining life, or with {@link
 * Builder#rejectShortLivedCredentials(boolean)}, issuing fails.
 *
 * <p>Instances are immutable and thread-safe: build one at start-up and share it between all
 * request threads. Use {@link #toBuilder()} to derive a variant.
 */
public final class UploadUrlIssuer {
  private static final Logger LOG = LoggerFactory.getLogger(UploadUrlIssuer.class);

  private final StoreConnection connection;
  private final PresignPolicy policy;
  private final KeyStrategy keyStrategy;

  // NullAway cannot see that build() checked the required settings (Require.state) before calling
  // this.
  @SuppressWarnings("NullAway")
  private UploadUrlIssuer(Builder b) {
    this.connection =
        new StoreConnection(
            b.bucket,
            b.region,
            b.endpointOverride,
            b.pathStyleAccess,
            b.credentialsProvider,
            b.clock,
            b.rejectShortLivedCredentials,
            b.profile);
    this.policy = b.policy;
    this.keyStrategy = b.keyStrategy;
  }

  /** {@return a builder; bucket, region, credentials provider and policy are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts from this issuer's settings} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Checks an upload request against the policy, names its object and signs a PUT URL for it.
   *
   * <p>The returned headers carry the normalized Content-Type (and a bound checksum); when the size
   * is declared, {@link PresignedUpload#contentLength()} carries it. Both are signed, so S3 refuses
   * another type or size; Content-Length is not among the headers because clients set it from the
   * body. The policy's {@link ObjectAttributes} and the request's metadata and tags are signed
   * headers too, and are among the headers the client must send: encryption, storage class, {@code
   * x-amz-meta-*} and {@code x-amz-tagging}.
   *
   * @param request what the client wants to upload
   * @return the URL, headers, body length, key and expiry to hand to the client
   * @throws InvalidRequestException when the request breaks the policy or the key strategy's rules;
   *     nothing is signed
   * @throws PresignException when the credentials cannot be resolved or expire too soon
   */
  public PresignedUpload issueUpload(UploadRequest request) {
    MediaType type = policy.checkUpload(request);
    PutUrl.checkStore(connection.profile(), request);
    String[] attributes = policy.attributeEntries(request);
    return PutUrl.sign(connection, policy, keyStrategy, request, type, attributes);
  }

  /**
   * Checks an upload request against the policy, names its object and signs a browser form (a
   * presigned POST) for it. S3 itself enforces what the policy document states: the key, the
   * content type (one concrete type the policy admits, signed exactly: a wildcard request is
   * refused), the size ({@code content-length-range}: exactly the declared size, or the policy's
   * range up to 5 GiB when none is declared), the expiry, and each of the policy's {@link
   * ObjectAttributes} and the request's metadata and tags, as a field and an exact condition (tags
   * in S3's {@code tagging} XML field).
   *
   * <pre>{@code
   * PresignedPost post = issuer.issuePost(UploadRequest.of("cat.png", "image/png"));
   * // render a form: action = post.url(), one hidden input per post.fields() entry, then the file
   * }</pre>
   *
   * @param request what the client wants to upload; the size is optional
   * @return the form's action, fields, key and expiry
   * @throws InvalidRequestException when the request breaks the policy or names a wildcard type
   *     such as {@code image/*} ({@code CONTENT_TYPE_INVALID}); nothing is signed
   * @throws PresignException when the credentials cannot be resolved or expire too soon
   */
  public PresignedPost issuePost(UploadRequest request) {
    PostForm.checkStore(connection.profile(), request);
    MediaType type = policy.checkPost(request);
    return PostForm.sign(
        connection, policy, keyStrategy, request, type, policy.attributeEntries(request));
  }

  /**
   * Signs a GET URL for an object, living for the policy's download TTL: the same as {@code
   * issueDownload(DownloadRequest.of(key))}.
   *
   * <p>The URL pins the headers a browser acts on, whatever the uploader stored with the object:
   * the Content-Type the key's extension names (presign's keys keep only an extension that fits the
   * declared type; {@code application/octet-stream} without one), {@code inline} for types safe to
   * render and {@code attachment} for the rest, {@code Cache-Control: private, max-age=}the URL's
   * lifetime and {@code Content-Encoding: identity}. Active content (HTML, SVG, XML, JavaScript) is
   * an {@code application/octet-stream} attachment. To serve another type, use a {@link
   * DownloadRequest}.
   *
   * <p>Any safe key in the bucket can be signed: deciding whether the caller may read it (is it
   * theirs, their tenant's?) is the backend's job, before this call.
   *
   * @param key the object key
   * @return the URL, key and expiry
   * @throws InvalidRequestException when {@code key} is not a safe key
   * @throws PresignException when the credentials cannot be resolved or expire too soon
   */
  public PresignedDownload issueDownload(String key) {
    Objects.requireNonNull(key, "key");
    return issueDownload(DownloadRequest.of(key));
  }

  /**
   * Signs a GET URL that makes S3 send the headers asked for: Content-Disposition with a name in
   * any script, Content-Type, Cache-Control, and a version. What the request leaves open is pinned
   * as {@link #issueDownload(String)} describes, never left to what was stored. Content a browser
   * could run script from is served as an attachment of type {@code application/octet-stream}
   * unless the request allows it.
   *
   * <pre>{@code
   * issuer.issueDownload(DownloadRequest.of(key).attachment("Résumé 2026.pdf"));
   * }</pre>
   *
   * @param request the key and the response headers
   * @return the URL, key and expiry
   * @throws InvalidRequestException when the key is not safe or a header value is malformed
   * @throws PresignException when the credentials cannot be resolved or expire too soon
   */
  public PresignedDownload issueDownload(DownloadRequest request) {
    Objects.requireNonNull(request, "request");
    return signDownload("GET", request.key(), request);
  }

  /**
   * Signs a HEAD URL: the object's headers (size, type, ETag) without its body.
   *
   * @param key the object key
   * @return the URL, key and expiry; {@code method()} is {@code HEAD}
   * @throws InvalidRequestException when {@code key} is not a safe key
   * @throws PresignException when the credentials cannot be resolved or expire too soon
   */
  public PresignedDownload issueHead(String key) {
    Objects.requireNonNull(key, "key");
    return signDownload("HEAD", key, null);
  }

  private PresignedDownload signDownload(
      String method, String key, @Nullable DownloadRequest request) {
    StoreConnection.requireSafeKey(key);
    Instant now = connection.clock().instant();
    AwsCredentialsIdentity credentials = connection.resolveCredentials();
    Expiry expiry = connection.expiry(now, policy.downloadTtl(), credentials);
    EncodedQuery query =
        request == null ? null : ResponseOverrides.encoded(request, expiry.seconds());
    String url =
        connection
            .signer()
            .presign(
                new SigningRequest(
                    method,
                    connection.bucket(),
                    key,
                    HeaderMap.of(),
                    HeaderMap.of(),
                    expiry.signingEpochSecond(),
                    expiry.seconds(),
                    credentials),
                query);
    Instant expiresAt = expiry.expiresAt();
    if (LOG.isDebugEnabled()) {
      LOG.debug("Issued {} for key '{}', expires at {}", method, key, expiresAt);
    }
    return new PresignedDownload(method, url, key, expiresAt);
  }

  /** The connection every service of this bucket uses: settings, signer and S3 clients. */
  StoreConnection connection() {
    return connection;
  }

  /** {@return the bucket URLs are issued for} */
  public String bucket() {
    return connection.bucket();
  }

  /** {@return the region URLs are signed for} */
  public Region region() {
    return connection.region();
  }

  /** {@return the policy requests are checked against} */
  public PresignPolicy policy() {
    return policy;
  }

  /** {@return the strategy that names uploaded objects} */
  public KeyStrategy keyStrategy() {
    return keyStrategy;
  }

  /** {@return the store profile, if one was set} */
  public java.util.Optional<StoreProfile> profile() {
    return java.util.Optional.ofNullable(connection.profile());
  }

  @Override
  public String toString() {
    StoreProfile profile = connection.profile();
    URI endpointOverride = connection.endpointOverride();
    return "UploadUrlIssuer[bucket="
        + connection.bucket()
        + ", region="
        + connection.region().id()
        + (profile == null ? "" : ", profile=" + profile)
        + (endpointOverride == null ? "" : ", endpoint=" + endpointOverride)
        + (connection.pathStyleAccess() ? ", pathStyle" : "")
        + ", keyStrategy="
        + keyStrategy
        + ", "
        + policy
        + ']';
  }

  /**
   * Builds an {@link UploadUrlIssuer}. Setters check their argument at once; {@link #build()}
   * checks that the required settings are present. Not thread-safe; the issuer it builds is.
   */
  public static final class Builder {
    private @Nullable String bucket;
    private @Nullable Region region;
    private @Nullable URI endpointOverride;
    private boolean pathStyleAccess;
    private @Nullable AwsCredentialsProvider credentialsProvider;
    private @Nullable PresignPolicy policy;
    // Null for the default, KeyStrategy.uuid(""), made in build() only when none was set: an issuer
    // with its own strategy does not load the UUID strategy's classes on a cold JVM's way to its
    // first URL.
    private @Nullable KeyStrategy keyStrategy;
    private Clock clock = Clock.systemUTC();
    private boolean rejectShortLivedCredentials;
    private @Nullable StoreProfile profile;

    private Builder() {}

    private Builder(UploadUrlIssuer issuer) {
      StoreConnection connection = issuer.connection;
      this.bucket = connection.bucket();
      this.region = connection.region();
      this.endpointOverride = connection.endpointOverride();
      this.pathStyleAccess = connection.pathStyleAccess();
      this.credentialsProvider = connection.credentialsProvider();
      this.policy = issuer.policy;
      this.keyStrategy = issuer.keyStrategy;
      this.clock = connection.clock();
      this.rejectShortLivedCredentials = connection.rejectShortLivedCredentials();
      this.profile = connection.profile();
    }

    /**
     * Applies a store's settings: its endpoint, its addressing style, and its region unless one is
     * set. The issuer then also refuses what the store cannot take (POST forms, some checksums).
     *
     * @param profile the store
     * @param endpoint its endpoint, e.g. {@code http://127.0.0.1:9000}; null for AWS S3
     * @return this builder
     */
    @SuppressWarnings("exports") // @Nullable: JSpecify is optional for users (module-info)
    public Builder profile(StoreProfile profile, @Nullable URI endpoint) {
      this.profile = Objects.requireNonNull(profile, "profile");
      if (profile == StoreProfile.AWS_S3) {
        Require.argument(
            endpoint == null,
            "AWS_S3 takes no endpoint",
            endpoint == null ? "" : Redact.uri(endpoint));
      } else {
        endpointOverride(Objects.requireNonNull(endpoint, "endpoint"));
      }
      this.pathStyleAccess = profile.pathStyle();
      if (this.region == null && profile.defaultRegion(endpoint).isPresent()) {
        this.region = Region.of(profile.defaultRegion(endpoint).get());
      }
      return this;
    }

    /**
     * Sets the bucket (required).
     *
     * @param bucket 3 to 63 of {@code a-z 0-9 . -}, or with path style up to 255 and also {@code
     *     A-Z _}
     * @return this builder
     */
    public Builder bucket(String bucket) {
      this.bucket = Objects.requireNonNull(bucket, "bucket");
      return this;
    }

    /**
     * Sets the region URLs are signed for (required).
     *
     * @param region the bucket's region; for most S3-compatible stores any, often us-east-1
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Sends URLs to another S3-compatible endpoint, e.g. {@code http://127.0.0.1:9000} for MinIO: a
     * plain {@code http(s)://host[:port]}. Most such stores also want {@link
     * #pathStyleAccess(boolean)}.
     *
     * @param endpoint the store's endpoint
     * @return this builder
     * @throws IllegalArgumentException when it has a path, query, user info or another scheme
     */
    public Builder endpointOverride(URI endpoint) {
      this.endpointOverride = S3Addressing.requireEndpoint(endpoint);
      return this;
    }

    /**
     * Puts the bucket in the path ({@code host/bucket/key}) instead of the host name; default
     * false.
     *
     * @param pathStyle whether to use path-style addressing
     * @return this builder
     */
    public Builder pathStyleAccess(boolean pathStyle) {
      this.pathStyleAccess = pathStyle;
      return this;
    }

    /**
     * Sets where signing credentials come from (required).
     *
     * @param provider e.g. {@code DefaultCredentialsProvider}; asked once per URL
     * @return this builder
     */
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      this.credentialsProvider = Objects.requireNonNull(provider, "credentialsProvider");
      return this;
    }

    /**
     * Sets the policy requests are checked against (required).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(PresignPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets how uploaded objects are named; default {@code KeyStrategy.uuid("")}.
     *
     * @param keyStrategy the strategy; must be thread-safe
     * @return this builder
     */
    public Builder keyStrategy(KeyStrategy keyStrategy) {
      this.keyStrategy = Objects.requireNonNull(keyStrategy, "keyStrategy");
      return this;
    }

    /**
     * Sets the clock for signing times, expiries and dated keys; default {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * When true, issuing fails with a {@link PresignException} if the credentials expire before the
     * policy's TTL ends; when false (the default), the URL's expiry is cut to the credentials'
     * expiry. Either way a URL never claims to live longer than it can.
     *
     * @param reject whether to fail instead of shortening
     * @return this builder
     */
    public Builder rejectShortLivedCredentials(boolean reject) {
      this.rejectShortLivedCredentials = reject;
      return this;
    }

    /**
     * Builds the issuer.
     *
     * @return the immutable issuer
     * @throws IllegalStateException when a required setting is missing, the bucket name is invalid
     *     or the store profile does not take an object attribute the policy asks for
     */
    // NullAway cannot follow Require.state: the settings it checks are used as non-null after it.
    @SuppressWarnings("NullAway")
    public UploadUrlIssuer build() {
      Require.state(bucket != null, "bucket is required", "null");
      Require.state(region != null, "region is required", "null");
      Require.state(credentialsProvider != null, "credentialsProvider is required", "null");
      Require.state(policy != null, "policy is required", "null");
      String bucketViolation = BucketNames.violation(bucket, pathStyleAccess);
      // Quoted only when refused: a valid bucket does not load Redact on a cold JVM's first URL.
      Require.state(
          bucketViolation == null,
          String.valueOf(bucketViolation),
          bucketViolation == null ? "" : Redact.quote(bucket));
      Require.state(
          !region.isGlobalRegion(),
          "region must be a real region, not a global pseudo-region",
          region.id());
      Require.state(
          pathStyleAccess
              || endpointOverride == null
              || !S3Addressing.of(region, endpointOverride, false, bucket)
                  .hostIsAddressOrLocalhost(),
          "an endpoint given as an IP address or localhost needs pathStyleAccess(true)",
          endpointOverride == null ? "" : endpointOverride.getHost());
      if (profile != null) {
        java.util.Set<StoreProfile.Attribute> unsupported =
            profile.unsupported(policy.attributes());
        Require.state(
            unsupported.isEmpty(),
            profile + " does not take these object attributes of the policy",
            unsupported);
      }
      if (keyStrategy == null) {
        keyStrategy = KeyStrategy.uuid("");
      }
      return new UploadUrlIssuer(this);
    }
  }
}
