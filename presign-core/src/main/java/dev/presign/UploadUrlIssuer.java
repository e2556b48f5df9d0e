package dev.presign;

import dev.presign.PolicyViolationException.Reason;
import dev.presign.internal.HeaderMap;
import dev.presign.internal.Redact;
import dev.presign.internal.Require;
import dev.presign.internal.attributes.PostAttributes;
import dev.presign.internal.keys.ObjectKeys;
import dev.presign.internal.policy.MediaType;
import dev.presign.internal.signing.BucketNames;
import dev.presign.internal.signing.Expiry;
import dev.presign.internal.signing.S3Addressing;
import dev.presign.internal.signing.SigV4Signer;
import dev.presign.internal.signing.SigningRequest;
import dev.presign.internal.download.ResponseOverrides;
import dev.presign.internal.multipart.SessionToken;
import dev.presign.internal.post.PostPolicyJson;
import dev.presign.internal.sdk.QuietSigV4;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Issues pre-signed upload and download URLs for one bucket, checked against a {@link PresignPolicy}
 * and named by a {@link KeyStrategy}.
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
 * <p>Signing is local computation: no call goes to S3. Credentials are resolved from the provider for
 * every URL (providers cache them), and a URL never claims to outlive them: when temporary credentials
 * expire before the TTL ends, X-Amz-Expires and {@code expiresAt} are cut to the credentials' remaining
 * life, or with {@link Builder#rejectShortLivedCredentials(boolean)}, issuing fails.
 *
 * <p>Instances are immutable and thread-safe: build one at start-up and share it between all request
 * threads. Use {@link #toBuilder()} to derive a variant.
 */
public final class UploadUrlIssuer {
  private static final Logger LOG = LoggerFactory.getLogger(UploadUrlIssuer.class);
  // From this many part URLs in one call, signing runs in parallel on the common ForkJoinPool.
  private static final int PARALLEL_PARTS = 1024;

  private final String bucket;
  private final Region region;
  private final @Nullable URI endpointOverride;
  private final boolean pathStyleAccess;
  private final AwsCredentialsProvider credentialsProvider;
  private final PresignPolicy policy;
  private final KeyStrategy keyStrategy;
  private final Clock clock;
  private final boolean rejectShortLivedCredentials;
  private final @Nullable StoreProfile profile;
  private final SigV4Signer signer;

  // NullAway cannot see that build() checked the required settings (Require.state) before calling this.
  @SuppressWarnings("NullAway")
  private UploadUrlIssuer(Builder b) {
    this.bucket = b.bucket;
    this.region = b.region;
    this.endpointOverride = b.endpointOverride;
    this.pathStyleAccess = b.pathStyleAccess;
    this.credentialsProvider = b.credentialsProvider;
    this.policy = b.policy;
    this.keyStrategy = b.keyStrategy;
    this.clock = b.clock;
    this.rejectShortLivedCredentials = b.rejectShortLivedCredentials;
    this.profile = b.profile;
    this.signer = new SigV4Signer(region.id(), S3Addressing.of(region, endpointOverride, pathStyleAccess, bucket));
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
   * <p>The returned headers carry the normalized Content-Type (and a bound checksum); when the size is
   * declared, {@link PresignedUpload#contentLength()} carries it. Both are signed, so S3 refuses another
   * type or size; Content-Length is not among the headers because clients set it from the body. The
   * policy's {@link ObjectAttributes} and the request's metadata and tags are signed headers too, and are
   * among the headers the client must send: encryption, storage class, {@code x-amz-meta-*} and
   * {@code x-amz-tagging}.
   *
   * @param request what the client wants to upload
   * @return the URL, headers, body length, key and expiry to hand to the client
   * @throws PolicyViolationException when the request breaks the policy or the key strategy's rules;
   *     nothing is signed
   * @throws PresignException when the credentials cannot be resolved or expire too soon
   */
  public PresignedUpload issueUpload(UploadRequest request) {
    MediaType type = policy.checkUpload(request);
    if (request.checksum().isPresent() && profile != null
        && !profile.checksums().contains(request.checksum().get().algorithm())) {
      throw new PolicyViolationException(Reason.CHECKSUM_UNSUPPORTED, "checksum must be one of "
          + new java.util.TreeSet<>(profile.checksums()) + " on " + profile + ": " + request.checksum().get().algorithm());
    }
    if (request.size().isPresent() && request.size().getAsLong() > PresignPolicy.MAX_SINGLE_PUT_SIZE) {
      throw new PolicyViolationException(Reason.TOO_LARGE, "a single PUT can carry at most "
          + PresignPolicy.MAX_SINGLE_PUT_SIZE + " bytes: " + request.size().getAsLong());
    }
    String[] attributes = policy.attributeEntries(request);
    Instant now = clock.instant();
    String key = keyStrategy.key(request, now);
    requireSafeKey(key);

    String length = request.size().isPresent() ? Long.toString(request.size().getAsLong()) : null;
    Checksum checksum = request.checksum().orElse(null);
    HeaderMap headers;
    if (checksum == null) {
      headers = length == null
          ? HeaderMap.of("Content-Type", type.headerValue())
          : HeaderMap.of("Content-Type", type.headerValue(), "Content-Length", length);
    } else {
      headers = length == null
          ? HeaderMap.ofEntries("Content-Type", type.headerValue(), checksum.algorithm().header(), checksum.base64())
          : HeaderMap.ofEntries("Content-Type", type.headerValue(), "Content-Length", length,
              checksum.algorithm().header(), checksum.base64());
    }

    if (attributes != null) {
      headers = headers.plus(attributes);
    }
    AwsCredentialsIdentity credentials = resolveCredentials();
    Expiry expiry = Expiry.compute(now, policy.uploadTtl(), credentials.expirationTime(), rejectShortLivedCredentials);
    String url = sign("PUT", key, headers, expiry, credentials);
    Instant expiresAt = expiry.expiresAt();
    if (LOG.isDebugEnabled()) {
      LOG.debug("Issued PUT for key '{}' ({}, {} bytes), expires at {}{}", key, type.essence(),
          request.size().isPresent() ? request.size().getAsLong() : "undeclared", expiresAt,
          expiry.capped() ? " (shortened: the signing keys expire first)" : "");
    }
    HeaderMap clientHeaders = checksum == null
        ? HeaderMap.of("Content-Type", type.headerValue())
        : HeaderMap.of("Content-Type", type.headerValue(), checksum.algorithm().header(), checksum.base64());
    if (attributes != null) {
      clientHeaders = clientHeaders.plus(attributes);
    }
    return new PresignedUpload("PUT", url, clientHeaders, request.size(), key, expiresAt);
  }

  /**
   * Checks an upload request against the policy, names its object and signs a browser form (a presigned
   * POST) for it. S3 itself enforces what the policy document states: the key, the content type (one
   * concrete type the policy admits, signed exactly: a wildcard request is refused), the size
   * ({@code content-length-range}: exactly the declared size, or the policy's range up to 5 GiB when
   * none is declared), the expiry, and each of the policy's {@link ObjectAttributes} and the request's
   * metadata and tags, as a field and an exact condition (tags in S3's {@code tagging} XML field).
   *
   * <pre>{@code
   * PresignedPost post = issuer.issuePost(UploadRequest.of("cat.png", "image/png"));
   * // render a form: action = post.url(), one hidden input per post.fields() entry, then the file
   * }</pre>
   *
   * @param request what the client wants to upload; the size is optional
   * @return the form's action, fields, key and expiry
   * @throws PolicyViolationException when the request breaks the policy or names a wildcard type such as
   *     {@code image/*} ({@code CONTENT_TYPE_INVALID}); nothing is signed
   * @throws PresignException when the credentials cannot be resolved or expire too soon
   */
  public PresignedPost issuePost(UploadRequest request) {
    if (profile != null && !profile.supportsPost()) {
      throw new PresignException(PresignException.Kind.STORE_UNSUPPORTED, profile + " does not accept presigned POST forms; use a PUT or a multipart upload");
    }
    if (request.checksum().isPresent()) {
      throw new PolicyViolationException(Reason.CHECKSUM_UNSUPPORTED,
          "a POST form cannot bind a checksum; use a PUT: " + request.checksum().get().algorithm());
    }
    MediaType type = policy.checkPost(request);
    String[] attributes = policy.attributeEntries(request);
    long min = request.size().isPresent() ? request.size().getAsLong() : policy.minSize();
    long max = request.size().isPresent() ? min : Math.min(policy.maxSize(), PresignPolicy.MAX_SINGLE_PUT_SIZE);
    if (min > PresignPolicy.MAX_SINGLE_PUT_SIZE) {
      throw new PolicyViolationException(Reason.TOO_LARGE, "a POST upload can carry at most "
          + PresignPolicy.MAX_SINGLE_PUT_SIZE + " bytes: " + min);
    }
    Instant now = clock.instant();
    String key = keyStrategy.key(request, now);
    requireSafeKey(key);
    AwsCredentialsIdentity credentials = resolveCredentials();
    Expiry expiry = Expiry.compute(now, policy.uploadTtl(), credentials.expirationTime(), rejectShortLivedCredentials);
    SigV4Signer.PostScope scope = signer.postScope(credentials, expiry.signingEpochSecond());
    String token = credentials instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null;

    PostPolicyJson document = new PostPolicyJson(expiry.expiresAt())
        .exact("bucket", bucket)
        .eq("key", key);
    document.eq("Content-Type", type.headerValue());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("key", key);
    fields.put("Content-Type", type.headerValue());
    if (attributes != null) {
      PostAttributes.apply(attributes, document, fields);
    }
    document.contentLengthRange(min, max)
        .exact("x-amz-algorithm", "AWS4-HMAC-SHA256")
        .exact("x-amz-credential", scope.credential())
        .exact("x-amz-date", scope.amzDate());
    if (token != null) {
      document.exact("x-amz-security-token", token);
    }
    String policyBase64 = Base64.getEncoder().encodeToString(document.toJson().getBytes(StandardCharsets.UTF_8));

    fields.put("policy", policyBase64);
    fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
    fields.put("x-amz-credential", scope.credential());
    fields.put("x-amz-date", scope.amzDate());
    if (token != null) {
      fields.put("x-amz-security-token", token);
    }
    fields.put("x-amz-signature", signer.signPost(policyBase64, credentials, expiry.signingEpochSecond()));
    if (LOG.isDebugEnabled()) {
      LOG.debug("Issued POST form for key '{}' ({}, {}..{} bytes), expires at {}", key, type.essence(), min, max,
          expiry.expiresAt());
    }
    return new PresignedPost(signer.postUrl(bucket), fields, key, expiry.expiresAt());
  }

  /**
   * Signs a GET URL for an object, living for the policy's download TTL: the same as
   * {@code issueDownload(DownloadRequest.of(key))}.
   *
   * <p>The URL pins the headers a browser acts on, whatever the uploader stored with the object: the
   * Content-Type the key's extension names (presign's keys keep only an extension that fits the declared
   * type; {@code application/octet-stream} without one), {@code inline} for types safe to render and
   * {@code attachment} for the rest, {@code Cache-Control: private, max-age=}the URL's lifetime and
   * {@code Content-Encoding: identity}. Active content (HTML, SVG, XML, JavaScript) is an
   * {@code application/octet-stream} attachment. To serve another type, use a {@link DownloadRequest}.
   *
   * <p>Any safe key in the bucket can be signed: deciding whether the caller may read it (is it theirs,
   * their tenant's?) is the backend's job, before this call.
   *
   * @param key the object key
   * @return the URL, key and expiry
   * @throws PolicyViolationException when {@code key} is not a safe key
   * @throws PresignException when the credentials cannot be resolved or expire too soon
   */
  public PresignedDownload issueDownload(String key) {
    Objects.requireNonNull(key, "key");
    return issueDownload(DownloadRequest.of(key));
  }

  /**
   * Signs a GET URL that makes S3 send the headers asked for: Content-Disposition with a name in any
   * script, Content-Type, Cache-Control, and a version. What the request leaves open is pinned as
   * {@link #issueDownload(String)} describes, never left to what was stored. Content a browser could run
   * script from is served as an attachment of type {@code application/octet-stream} unless the request
   * allows it.
   *
   * <pre>{@code
   * issuer.issueDownload(DownloadRequest.of(key).attachment("Résumé 2026.pdf"));
   * }</pre>
   *
   * @param request the key and the response headers
   * @return the URL, key and expiry
   * @throws PolicyViolationException when the key is not safe or a header value is malformed
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
   * @throws PolicyViolationException when {@code key} is not a safe key
   * @throws PresignException when the credentials cannot be resolved or expire too soon
   */
  public PresignedDownload issueHead(String key) {
    Objects.requireNonNull(key, "key");
    return signDownload("HEAD", key, null);
  }

  private PresignedDownload signDownload(String method, String key, @Nullable DownloadRequest request) {
    requireSafeKey(key);
    Instant now = clock.instant();
    AwsCredentialsIdentity credentials = resolveCredentials();
    Expiry expiry = Expiry.compute(now, policy.downloadTtl(), credentials.expirationTime(), rejectShortLivedCredentials);
    java.util.Map<String, String> query = request == null ? HeaderMap.of() : ResponseOverrides.of(request, expiry.seconds());
    String url = signer.presign(new SigningRequest(method, bucket, key, HeaderMap.of(), query,
        expiry.signingEpochSecond(), expiry.seconds(), credentials));
    Instant expiresAt = expiry.expiresAt();
    if (LOG.isDebugEnabled()) {
      LOG.debug("Issued {} for key '{}', expires at {}", method, key, expiresAt);
    }
    return new PresignedDownload(method, url, key, expiresAt);
  }

  private String sign(String method, String key, HeaderMap headers, Expiry expiry, AwsCredentialsIdentity credentials) {
    return signer.presign(new SigningRequest(method, bucket, key, headers, HeaderMap.of(),
        expiry.signingEpochSecond(), expiry.seconds(), credentials));
  }

  private AwsCredentialsIdentity resolveCredentials() {
    AwsCredentialsIdentity credentials;
    try {
      credentials = credentialsProvider.resolveCredentials();
    } catch (RuntimeException e) {
      // The provider's own message may name a profile or an endpoint, never a secret; keep it as the cause.
      throw new PresignException(PresignException.Kind.CREDENTIALS_UNAVAILABLE, "could not resolve AWS credentials from " + credentialsProvider.getClass().getSimpleName(), e);
    }
    if (credentials == null) {
      throw new PresignException(PresignException.Kind.CREDENTIALS_UNAVAILABLE, "the credentials provider returned no credentials");
    }
    return credentials;
  }

  /**
   * Signs the PUT URLs of parts {@code from} to {@code to} of a multipart session, each with its exact
   * Content-Length, its part number and upload id signed in, living for the upload TTL but never past the
   * session. Credentials are resolved once for the whole batch.
   */
  List<PresignedPart> signParts(SessionToken session, int from, int to, Instant now) {
    AwsCredentialsIdentity credentials = resolveCredentials();
    Expiry expiry = Expiry.compute(now, policy.uploadTtl(), credentials.expirationTime(), rejectShortLivedCredentials);
    // A part URL must not outlive its session: that would be a way around the token's expiry.
    long seconds = Math.min(expiry.seconds(), session.expiresAt().getEpochSecond() - expiry.signingEpochSecond());
    if (seconds < 1) {
      throw new PolicyViolationException(Reason.SESSION_INVALID, "the session expired at " + session.expiresAt());
    }
    Instant expiresAt = Instant.ofEpochSecond(expiry.signingEpochSecond() + seconds);
    // Every part but the last has the same size: one header map serves them all.
    HeaderMap fullPart = HeaderMap.of("Content-Length", Long.toString(session.plan().partSize()));
    IntFunction<PresignedPart> signPart = partNumber -> {
      long size = session.plan().sizeOf(partNumber);
      String url = signer.presign(new SigningRequest("PUT", bucket, session.key(),
          size == session.plan().partSize() ? fullPart : HeaderMap.of("Content-Length", Long.toString(size)),
          HeaderMap.of("partNumber", Integer.toString(partNumber), "uploadId", session.uploadId()),
          expiry.signingEpochSecond(), seconds, credentials));
      return new PresignedPart(partNumber, url, size, expiresAt);
    };
    List<PresignedPart> parts;
    if (to - from + 1 >= PARALLEL_PARTS) {
      // Thousands of URLs at once (a 50 GB video): spread them over the cores on the common pool, as
      // Caffeine does its own bulk work. The signer keeps its buffers per thread, so nothing is shared.
      parts = IntStream.rangeClosed(from, to).parallel().mapToObj(signPart).toList();
    } else {
      parts = new ArrayList<>(to - from + 1);
      for (int partNumber = from; partNumber <= to; partNumber++) {
        parts.add(signPart.apply(partNumber));
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("Issued {} part PUTs ({}..{}) for key '{}', expire at {}", parts.size(), from, to, session.key(),
          expiresAt);
    }
    return parts;
  }

  /** Signs any method for any safe key with these headers, outside the policy: for {@link SelfTest}. */
  String signRaw(String method, String key, HeaderMap headers) {
    requireSafeKey(key);
    AwsCredentialsIdentity credentials = resolveCredentials();
    Expiry expiry = Expiry.compute(clock.instant(), java.time.Duration.ofMinutes(5), credentials.expirationTime(), false);
    return signer.presign(new SigningRequest(method, bucket, key, headers, HeaderMap.of(),
        expiry.signingEpochSecond(), expiry.seconds(), credentials));
  }

  /**
   * An S3 client with this issuer's region, endpoint, addressing and credentials, for the few calls that
   * must reach S3 (multipart, verification). Part URLs carry no checksums; an SDK default CRC32 on
   * CreateMultipartUpload would make S3 expect one with every part, so checksums are only sent when
   * required. The HTTP client is named, never found on the classpath: an application that also has
   * another SDK HTTP client there would make the SDK's discovery fail or choose by chance. Requests are
   * signed by presign's own quiet SigV4 signer: the SDK's signer logs the canonical request, session token
   * included, at DEBUG.
   *
   * @param httpClient the HTTP client builder to use, or null for the SDK's url-connection-client, which
   *     adds no jars beyond the JDK's HttpURLConnection
   */
  S3Client newS3Client(SdkHttpClient.Builder<?> httpClient) {
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(httpClient != null ? httpClient : UrlConnectionHttpClient.builder())
        .region(region)
        .credentialsProvider(credentialsProvider)
        .putAuthScheme(new QuietSigV4())
        .forcePathStyle(pathStyleAccess)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (endpointOverride != null) {
      builder.endpointOverride(endpointOverride);
    }
    return builder.build();
  }

  Clock clock() {
    return clock;
  }

  /**
   * The object's address without a query, signing nothing: what S3 answers as a completed multipart
   * upload's Location, for {@link UppyS3Handler}.
   */
  String objectUrl(String key) {
    S3Addressing addressing = S3Addressing.of(region, endpointOverride, pathStyleAccess, bucket);
    StringBuilder url = new StringBuilder(key.length() + 64).append(addressing.scheme()).append("://")
        .append(addressing.host(bucket)).append('/');
    if (addressing.pathStyle()) {
      url.append(bucket).append('/');
    }
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~' || c == '/') {
        url.append((char) c);
      } else {
        url.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return url.toString();
  }

  static void requireSafeKey(String key) {
    String violation = ObjectKeys.violation(key);
    if (violation != null) {
      throw new PolicyViolationException(Reason.KEY_INVALID, violation + ": " + Redact.quote(key));
    }
  }

  /** {@return the bucket URLs are issued for} */
  public String bucket() {
    return bucket;
  }

  /** {@return the region URLs are signed for} */
  public Region region() {
    return region;
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
    return java.util.Optional.ofNullable(profile);
  }

  @Override
  public String toString() {
    return "UploadUrlIssuer[bucket=" + bucket + ", region=" + region.id()
        + (profile == null ? "" : ", profile=" + profile)
        + (endpointOverride == null ? "" : ", endpoint=" + endpointOverride)
        + (pathStyleAccess ? ", pathStyle" : "") + ", keyStrategy=" + keyStrategy + ", " + policy + ']';
  }

  /**
   * Builds an {@link UploadUrlIssuer}. Setters check their argument at once; {@link #build()} checks
   * that the required settings are present. Not thread-safe; the issuer it builds is.
   */
  public static final class Builder {
    private @Nullable String bucket;
    private @Nullable Region region;
    private @Nullable URI endpointOverride;
    private boolean pathStyleAccess;
    private @Nullable AwsCredentialsProvider credentialsProvider;
    private @Nullable PresignPolicy policy;
    // Null for the default, KeyStrategy.uuid(""), made in build() only when none was set: an issuer with its
    // own strategy does not load the UUID strategy's classes on a cold JVM's way to its first URL.
    private @Nullable KeyStrategy keyStrategy;
    private Clock clock = Clock.systemUTC();
    private boolean rejectShortLivedCredentials;
    private @Nullable StoreProfile profile;

    private Builder() {}

    private Builder(UploadUrlIssuer issuer) {
      this.bucket = issuer.bucket;
      this.region = issuer.region;
      this.endpointOverride = issuer.endpointOverride;
      this.pathStyleAccess = issuer.pathStyleAccess;
      this.credentialsProvider = issuer.credentialsProvider;
      this.policy = issuer.policy;
      this.keyStrategy = issuer.keyStrategy;
      this.clock = issuer.clock;
      this.rejectShortLivedCredentials = issuer.rejectShortLivedCredentials;
      this.profile = issuer.profile;
    }

    /**
     * Applies a store's settings: its endpoint, its addressing style, and its region unless one is set.
     * The issuer then also refuses what the store cannot take (POST forms, some checksums).
     *
     * @param profile the store
     * @param endpoint its endpoint, e.g. {@code http://127.0.0.1:9000}; null for AWS S3
     * @return this builder
     */
    @SuppressWarnings("exports") // @Nullable: JSpecify is optional for users (module-info)
    public Builder profile(StoreProfile profile, @Nullable URI endpoint) {
      this.profile = Objects.requireNonNull(profile, "profile");
      if (profile == StoreProfile.AWS_S3) {
        Require.argument(endpoint == null, "AWS_S3 takes no endpoint", endpoint == null ? "" : Redact.uri(endpoint));
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
     * @param bucket 3 to 63 of {@code a-z 0-9 . -}, or with path style up to 255 and also {@code A-Z _}
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
     * Sends URLs to another S3-compatible endpoint, e.g. {@code http://127.0.0.1:9000} for MinIO: a plain
     * {@code http(s)://host[:port]}. Most such stores also want {@link #pathStyleAccess(boolean)}.
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
     * Puts the bucket in the path ({@code host/bucket/key}) instead of the host name; default false.
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
     * policy's TTL ends; when false (the default), the URL's expiry is cut to the credentials' expiry.
     * Either way a URL never claims to live longer than it can.
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
     * @throws IllegalStateException when a required setting is missing, the bucket name is invalid or the
     *     store profile does not take an object attribute the policy asks for
     */
    // NullAway cannot follow Require.state: the settings it checks are used as non-null after it.
    @SuppressWarnings("NullAway")
    public UploadUrlIssuer build() {
      Require.state(bucket != null, "bucket is required", "null");
      Require.state(region != null, "region is required", "null");
      Require.state(credentialsProvider != null, "credentialsProvider is required", "null");
      Require.state(policy != null, "policy is required", "null");
      String bucketViolation = BucketNames.violation(bucket, pathStyleAccess);
      Require.state(bucketViolation == null, String.valueOf(bucketViolation), Redact.quote(bucket));
      Require.state(!region.isGlobalRegion(), "region must be a real region, not a global pseudo-region", region.id());
      Require.state(pathStyleAccess || endpointOverride == null
              || !S3Addressing.of(region, endpointOverride, false, bucket).hostIsAddressOrLocalhost(),
          "an endpoint given as an IP address or localhost needs pathStyleAccess(true)",
          endpointOverride == null ? "" : endpointOverride.getHost());
      if (profile != null) {
        java.util.Set<StoreProfile.Attribute> unsupported = profile.unsupported(policy.attributes());
        Require.state(unsupported.isEmpty(), profile + " does not take these object attributes of the policy",
            unsupported);
      }
      if (keyStrategy == null) {
        keyStrategy = KeyStrategy.uuid("");
      }
      return new UploadUrlIssuer(this);
    }
  }
}
