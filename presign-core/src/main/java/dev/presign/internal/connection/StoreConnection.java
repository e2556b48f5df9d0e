package dev.presign.internal.connection;

import dev.presign.InvalidRequestException;
import dev.presign.InvalidRequestException.Reason;
import dev.presign.PresignException;
import dev.presign.StoreProfile;
import dev.presign.internal.HeaderMap;
import dev.presign.internal.Redact;
import dev.presign.internal.keys.ObjectKeys;
import dev.presign.internal.signing.Expiry;
import dev.presign.internal.signing.S3Addressing;
import dev.presign.internal.signing.SigV4Signer;
import dev.presign.internal.signing.SigningRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where and as whom every service talks to one bucket: the bucket, region, endpoint and addressing,
 * credentials, clock, store profile and URL signer, with the helpers they share (credential
 * resolution, signing, object addresses, key checks, S3 clients). The issuer builds one; multipart,
 * verification, the Uppy handler and the self-test use the issuer's. Settings are checked by the
 * issuer's builder. Immutable and thread-safe.
 */
public final class StoreConnection {
  private final String bucket;
  private final Region region;
  private final @Nullable URI endpointOverride;
  private final boolean pathStyleAccess;
  private final AwsCredentialsProvider credentialsProvider;
  private final Clock clock;
  private final boolean rejectShortLivedCredentials;
  private final StoreProfile profile;
  private final S3Addressing addressing;
  private final SigV4Signer signer;

  /**
   * Connects to a bucket; the arguments are already checked.
   *
   * @param bucket the bucket
   * @param region the region URLs are signed for
   * @param endpointOverride another S3-compatible endpoint, or null for AWS S3
   * @param pathStyleAccess whether the bucket goes in the path
   * @param credentialsProvider where signing credentials come from
   * @param clock the clock for signing times and expiries
   * @param rejectShortLivedCredentials whether credentials expiring before a TTL fail instead of
   *     shortening it
   * @param profile the store profile, or null when none was set
   */
  public StoreConnection(
      String bucket,
      Region region,
      @Nullable URI endpointOverride,
      boolean pathStyleAccess,
      AwsCredentialsProvider credentialsProvider,
      Clock clock,
      boolean rejectShortLivedCredentials,
      StoreProfile profile) {
    this.bucket = bucket;
    this.region = region;
    this.endpointOverride = endpointOverride;
    this.pathStyleAccess = pathStyleAccess;
    this.credentialsProvider = credentialsProvider;
    this.clock = clock;
    this.rejectShortLivedCredentials = rejectShortLivedCredentials;
    this.profile = profile;
    this.addressing = S3Addressing.of(region, endpointOverride, pathStyleAccess, bucket);
    this.signer = new SigV4Signer(region.id(), addressing);
  }

  /** {@return the bucket} */
  public String bucket() {
    return bucket;
  }

  /** {@return the region URLs are signed for} */
  public Region region() {
    return region;
  }

  /** {@return the endpoint, or null for AWS S3} */
  public @Nullable URI endpointOverride() {
    return endpointOverride;
  }

  /** {@return whether the bucket goes in the path} */
  public boolean pathStyleAccess() {
    return pathStyleAccess;
  }

  /** {@return where signing credentials come from} */
  public AwsCredentialsProvider credentialsProvider() {
    return credentialsProvider;
  }

  /** {@return the clock for signing times, expiries and dated keys} */
  public Clock clock() {
    return clock;
  }

  /** {@return whether credentials expiring before a TTL's end fail instead of shortening it} */
  public boolean rejectShortLivedCredentials() {
    return rejectShortLivedCredentials;
  }

  /** {@return the store profile, or null when none was set} */
  public StoreProfile profile() {
    return profile;
  }

  /** {@return the URL signer for this bucket's address} */
  public SigV4Signer signer() {
    return signer;
  }

  /**
   * Resolves the credentials, once per URL or batch of URLs (providers cache them).
   *
   * @return the credentials
   * @throws PresignException when the provider fails or returns none
   */
  public AwsCredentialsIdentity resolveCredentials() {
    AwsCredentialsIdentity credentials;
    try {
      credentials = credentialsProvider.resolveCredentials();
    } catch (RuntimeException e) {
      // The provider's own message may name a profile or an endpoint, never a secret; keep it as
      // the cause.
      throw new PresignException(
          PresignException.Kind.CREDENTIALS_UNAVAILABLE,
          "could not resolve AWS credentials from "
              + credentialsProvider.getClass().getSimpleName(),
          e);
    }
    if (credentials == null) {
      throw new PresignException(
          PresignException.Kind.CREDENTIALS_UNAVAILABLE,
          "the credentials provider returned no credentials");
    }
    return credentials;
  }

  /**
   * The signing time and lifetime of a URL issued now, never past the credentials' expiry.
   *
   * @param now the signing time
   * @param ttl the lifetime asked for
   * @param credentials the resolved credentials
   * @return the expiry
   * @throws PresignException when the credentials expire first and short-lived credentials are
   *     rejected
   */
  public Expiry expiry(Instant now, Duration ttl, AwsCredentialsIdentity credentials) {
    return Expiry.compute(now, ttl, credentials.expirationTime(), rejectShortLivedCredentials);
  }

  /**
   * Signs a URL without a query of its own.
   *
   * @param method the HTTP method
   * @param key a safe object key
   * @param headers the headers to sign
   * @param expiry the signing time and lifetime
   * @param credentials the resolved credentials
   * @return the pre-signed URL
   */
  public String sign(
      String method,
      String key,
      HeaderMap headers,
      Expiry expiry,
      AwsCredentialsIdentity credentials) {
    return signer.presign(
        new SigningRequest(
            method,
            bucket,
            key,
            headers,
            HeaderMap.of(),
            expiry.signingEpochSecond(),
            expiry.seconds(),
            credentials));
  }

  /**
   * Signs any method for any safe key with these headers, outside any policy, for five minutes: for
   * the self-test.
   *
   * @param method the HTTP method
   * @param key the object key
   * @param headers the headers to sign
   * @return the pre-signed URL
   * @throws InvalidRequestException when the key is not safe
   */
  public String signRaw(String method, String key, HeaderMap headers) {
    requireSafeKey(key);
    AwsCredentialsIdentity credentials = resolveCredentials();
    Expiry expiry =
        Expiry.compute(clock.instant(), Duration.ofMinutes(5), credentials.expirationTime(), false);
    return sign(method, key, headers, expiry, credentials);
  }

  /**
   * The object's address without a query, signing nothing: what S3 answers as a completed multipart
   * upload's Location.
   *
   * @param key the object key
   * @return the URL
   */
  public String objectUrl(String key) {
    StringBuilder url =
        new StringBuilder(key.length() + 64)
            .append(addressing.scheme())
            .append("://")
            .append(addressing.host(bucket))
            .append('/');
    if (addressing.pathStyle()) {
      url.append(bucket).append('/');
    }
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/') {
        url.append((char) c);
      } else {
        url.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return url.toString();
  }

  /**
   * Refuses a key S3 or a reader could misread.
   *
   * @param key the object key
   * @throws InvalidRequestException {@code KEY_INVALID} when the key is not safe
   */
  public static void requireSafeKey(String key) {
    String violation = ObjectKeys.violation(key);
    if (violation != null) {
      throw new InvalidRequestException(Reason.KEY_INVALID, violation + ": " + Redact.quote(key));
    }
  }

  /**
   * An S3 client with this connection's region, endpoint, addressing and credentials, for the few
   * calls that must reach S3 (multipart, verification). Part URLs carry no checksums; an SDK
   * default CRC32 on CreateMultipartUpload would make S3 expect one with every part, so checksums
   * are only sent when required. The HTTP client is named, never found on the classpath: an
   * application that also has another SDK HTTP client there would make the SDK's discovery fail or
   * choose by chance. Requests are signed by presign's own quiet SigV4 signer: the SDK's signer
   * logs the canonical request, session token included, at DEBUG.
   *
   * @param httpClient the HTTP client builder to use, or null for the SDK's url-connection-client,
   *     which adds no jars beyond the JDK's HttpURLConnection
   * @return a new client; the caller closes it
   */
  public S3Client newS3Client(SdkHttpClient.@Nullable Builder<?> httpClient) {
    // In its own class: the SDK's client, HTTP and auth types it names would otherwise be loaded
    // (by verification) with this class, on the way to the first URL of an issuer that never
    // builds a client.
    return S3Clients.create(
        region, endpointOverride, pathStyleAccess, credentialsProvider, httpClient);
  }

  @Override
  public String toString() {
    return "StoreConnection[bucket="
        + bucket
        + ", region="
        + region.id()
        + (profile == null ? "" : ", profile=" + profile)
        + (endpointOverride == null ? "" : ", endpoint=" + endpointOverride)
        + (pathStyleAccess ? ", pathStyle" : "")
        + ']';
  }
}
