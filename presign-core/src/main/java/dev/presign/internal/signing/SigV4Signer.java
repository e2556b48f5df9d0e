package dev.presign.internal.signing;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * presign's own SigV4 query-string signer for S3 (AWS4-HMAC-SHA256, UNSIGNED-PAYLOAD).
 *
 * <p>Why not the SDK's: issuing a URL is one SHA-256 of a few hundred bytes and one HMAC, yet the
 * SDK spends 20–40 µs and 25–50 KB on it. Here the signing key is derived once per credentials, day
 * and region; each thread reuses its own MessageDigest, HMAC and buffers (no provider lookup, no
 * lock); and the canonical request and the URL are written as bytes straight into those buffers, so
 * a URL costs little more than the crypto and the one copy into the final String. Nothing parses
 * the result: the URL is built from parts that are valid by construction.
 *
 * <p>Thread-safe: the only shared state is the last signing key, an immutable object behind a
 * volatile field that any thread may replace.
 */
public final class SigV4Signer implements UrlSigner {
  // Filled by scratch(), not withInitial() or an initialValue() subclass: no lambda bootstrap and
  // no extra class to load on a cold JVM's way to its first URL.
  private static final ThreadLocal<SigningScratch> SCRATCH = new ThreadLocal<>();

  private final String region;
  private final String service;
  private final byte[] payloadHash;
  private final S3Addressing addressing;
  private final byte[] schemeAndSeparator;
  private volatile @Nullable SigningKey lastKey;
  private volatile @Nullable Host lastHost;

  /** A signer for one region and addressing. */
  public SigV4Signer(String region, S3Addressing addressing) {
    this(region, "s3", "UNSIGNED-PAYLOAD", addressing);
  }

  /**
   * For the SigV4 test suite's vectors, which sign for another service and a hashed empty payload.
   */
  SigV4Signer(String region, String service, String payloadHash, S3Addressing addressing) {
    this.region = region;
    this.service = service;
    this.payloadHash = bytes(payloadHash);
    this.addressing = addressing;
    this.schemeAndSeparator = bytes(addressing.scheme() + "://");
  }

  /**
   * The Host header for a bucket: its text, its bytes for the URL, and its canonical value (as
   * headerValue() writes it) for the canonical request, which every signature holds.
   */
  @SuppressWarnings("ArrayRecordComponent") // never compared: equals() is not used
  record Host(String bucket, String header, byte[] bytes, byte[] canonicalValue) {}

  @Override
  public String presign(SigningRequest request) {
    long epochSecond = request.signingEpochSecond();
    SigningKey key = keyFor(request.credentials(), epochSecond);
    Host host = hostFor(request.bucket());
    return scratch().sign(this, request, null, key, host, epochSecond);
  }

  /**
   * Signs a request whose extra query parameters come already encoded and sorted: a download's
   * {@code response-*} parameters, copied rather than sorted and encoded per URL.
   *
   * @param request the request; its {@code queryParameters()} must be empty
   * @param query the extra parameters, or null for none
   * @return the URL
   * @throws IllegalArgumentException when the request has query parameters of its own as well, or
   *     the query was made for another key's last segment
   */
  public String presign(SigningRequest request, @Nullable EncodedQuery query) {
    if (query != null && !request.queryParameters().isEmpty()) {
      throw new IllegalArgumentException(
          "query parameters must come either encoded or in the request, not both");
    }
    if (query != null && !query.fits(request.key())) {
      throw new IllegalArgumentException("the encoded query was made for another key");
    }
    long epochSecond = request.signingEpochSecond();
    SigningKey key = keyFor(request.credentials(), epochSecond);
    Host host = hostFor(request.bucket());
    return scratch().sign(this, request, query, key, host, epochSecond);
  }

  /**
   * What a POST policy must state about its signature before it is signed.
   *
   * @param credential the x-amz-credential value
   * @param amzDate the x-amz-date value, {@code yyyyMMdd'T'HHmmss'Z'}
   */
  public record PostScope(String credential, String amzDate) {}

  /**
   * The credential and date a POST policy signed at {@code epochSecond} must carry.
   *
   * @param credentials the signing credentials
   * @param epochSecond the signing time in seconds since the epoch
   * @return the scope to write into the policy and the form
   */
  public PostScope postScope(AwsCredentialsIdentity credentials, long epochSecond) {
    SigningKey key = keyFor(credentials, epochSecond);
    ByteSink date = new ByteSink(16);
    SigningScratch.writeAmzDate(date, key, epochSecond);
    return new PostScope(key.credential(), date.toLatin1String());
  }

  /**
   * Signs a POST form: the string to sign is the base64 policy itself (SigV4 for browser uploads).
   *
   * @param base64Policy the policy document, UTF-8, base64
   * @param credentials the signing credentials
   * @param epochSecond the signing time {@link #postScope} was asked for
   * @return the lower-case hex x-amz-signature
   */
  public String signPost(
      String base64Policy, AwsCredentialsIdentity credentials, long epochSecond) {
    SigningKey key = keyFor(credentials, epochSecond);
    return scratch()
        .hmacHex(key, base64Policy.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /**
   * The URL a POST form is sent to: the bucket's root, {@code scheme://bucket.host/} or {@code
   * scheme://host/bucket}.
   *
   * @param bucket the bucket
   * @return the form action
   */
  public String postUrl(String bucket) {
    Host host = hostFor(bucket);
    return new String(schemeAndSeparator, java.nio.charset.StandardCharsets.US_ASCII)
        + host.header
        + (addressing.pathStyle() ? "/" + bucket : "/");
  }

  S3Addressing addressing() {
    return addressing;
  }

  byte[] payloadHash() {
    return payloadHash;
  }

  byte[] schemeAndSeparator() {
    return schemeAndSeparator;
  }

  private static SigningScratch scratch() {
    SigningScratch scratch = SCRATCH.get();
    if (scratch == null) {
      scratch = new SigningScratch();
      SCRATCH.set(scratch);
    }
    return scratch;
  }

  private SigningKey keyFor(AwsCredentialsIdentity credentials, long epochSecond) {
    SigningKey key =
        SigningKey.reuseOrDerive(
            lastKey, credentials, Math.floorDiv(epochSecond, 86_400), region, service);
    if (key != lastKey) {
      // Written only on change: a volatile store on every call would bounce the cache line between
      // cores.
      lastKey = key;
    }
    return key;
  }

  private Host hostFor(String bucket) {
    Host host = lastHost;
    if (host == null || !host.bucket.equals(bucket)) {
      String header = addressing.host(bucket);
      ByteSink canonical = new ByteSink(header.length());
      canonical.headerValue(header);
      host =
          new Host(
              bucket,
              header,
              bytes(header),
              java.util.Arrays.copyOf(canonical.bytes, canonical.length));
      lastHost = host;
    }
    return host;
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The canonical request and string to sign of this thread's last signature, for tests that
   * compare them with published vectors. Never logged.
   */
  static String[] lastCanonicalRequestAndStringToSign() {
    SigningScratch scratch = scratch();
    return new String[] {
      new String(
          scratch.canonical.bytes,
          0,
          scratch.canonical.length,
          java.nio.charset.StandardCharsets.UTF_8),
      new String(
          scratch.stringToSign.bytes,
          0,
          scratch.stringToSign.length,
          java.nio.charset.StandardCharsets.UTF_8)
    };
  }
}
