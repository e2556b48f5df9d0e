package dev.presign.test;

import dev.presign.test.internal.PresignedUrl;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Says, without a server, whether S3 would authenticate a request made with a presigned URL, and if
 * not, why: expired, an {@code x-amz-*} header the URL does not sign, a signed header missing, or a
 * signature that does not match (another value of a signed header, another method or path, another
 * secret).
 *
 * <p>Checks run in S3Proxy's order: the authentication parameters, the access key, the date (not
 * more than 15 minutes ahead, not at or past its expiry), the session token, signed headers sent,
 * the signature, and last the {@code x-amz-*} headers the URL does not sign.
 *
 * <p>It recomputes the signature with the AWS SDK's own {@link AwsV4HttpSigner}, never with
 * presign's signer, so it checks presign instead of agreeing with it.
 *
 * <pre>{@code
 * OfflineSignatureCheck check = OfflineSignatureCheck.of(credentialsProvider);
 * SignatureVerdict verdict = check.check("PUT", upload.url(),
 *     Map.of("Content-Type", "text/html", "Content-Length", "12345"), Instant.now());
 * assertThat(verdict.reason()).isEqualTo(SignatureVerdict.Reason.SIGNATURE_MISMATCH);
 * }</pre>
 *
 * <p>What it does not decide: POST forms, bucket policies, checksums of the body, and anything else
 * S3 only knows from the bytes or the bucket. Immutable and thread-safe.
 */
public final class OfflineSignatureCheck {
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
  private static final long MAX_EXPIRES_SECONDS = Duration.ofDays(7).toSeconds();

  /** How far in the future a request's date may lie, as S3 allows. */
  private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

  private final AwsCredentialsProvider credentials;

  private OfflineSignatureCheck(AwsCredentialsProvider credentials) {
    this.credentials = credentials;
  }

  /**
   * A check for URLs signed with these credentials (their secret recomputes the signature).
   *
   * @param credentials the credentials the store knows
   * @return the check
   */
  public static OfflineSignatureCheck of(AwsCredentialsProvider credentials) {
    return new OfflineSignatureCheck(Objects.requireNonNull(credentials, "credentials"));
  }

  /**
   * Checks a request.
   *
   * @param method the HTTP method the client sends
   * @param url the presigned URL, as issued
   * @param headers every header the client sends (Content-Length included when it has a body); Host
   *     is taken from the URL
   * @param at when the request reaches the store
   * @return the verdict
   */
  public SignatureVerdict check(
      String method, String url, Map<String, String> headers, Instant at) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(at, "at");
    PresignedUrl presigned;
    try {
      presigned = PresignedUrl.parse(url);
    } catch (IllegalArgumentException e) {
      return refuse(SignatureVerdict.Reason.MALFORMED, "not an absolute URL");
    }
    for (String name :
        List.of(
            "X-Amz-Algorithm",
            "X-Amz-Credential",
            "X-Amz-Date",
            "X-Amz-Expires",
            "X-Amz-SignedHeaders",
            "X-Amz-Signature")) {
      if (presigned.parameter(name).isEmpty()) {
        return refuse(SignatureVerdict.Reason.MALFORMED, "the URL has no " + name);
      }
    }
    if (!"AWS4-HMAC-SHA256".equals(presigned.parameter("X-Amz-Algorithm").orElseThrow())) {
      return refuse(SignatureVerdict.Reason.MALFORMED, "X-Amz-Algorithm must be AWS4-HMAC-SHA256");
    }
    String[] scope = presigned.parameter("X-Amz-Credential").orElseThrow().split("/", -1);
    if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
      return refuse(
          SignatureVerdict.Reason.MALFORMED,
          "X-Amz-Credential must be key/date/region/service/aws4_request");
    }
    Instant signedAt = presigned.signedAt().orElse(null);
    Long expires = presigned.expiresSeconds().orElse(null);
    if (signedAt == null || expires == null || expires < 1 || expires > MAX_EXPIRES_SECONDS) {
      return refuse(
          SignatureVerdict.Reason.MALFORMED,
          "X-Amz-Date or X-Amz-Expires (1 s to 7 days) is malformed");
    }
    if (!scope[1].equals(presigned.parameter("X-Amz-Date").orElseThrow().substring(0, 8))) {
      return refuse(
          SignatureVerdict.Reason.MALFORMED, "the credential scope's date is not X-Amz-Date's day");
    }
    AwsCredentialsIdentity identity = credentials.resolveCredentials();
    if (!identity.accessKeyId().equals(scope[0])) {
      return refuse(
          SignatureVerdict.Reason.UNKNOWN_ACCESS_KEY, "the URL names another access key id");
    }
    if (signedAt.isAfter(at.plus(MAX_CLOCK_SKEW))) {
      return refuse(
          SignatureVerdict.Reason.NOT_YET_VALID,
          "the URL is dated "
              + signedAt
              + ", more than 15 minutes after the request arrives at "
              + at);
    }
    if (!at.isBefore(signedAt.plusSeconds(expires))) {
      return refuse(
          SignatureVerdict.Reason.EXPIRED,
          "the URL expired at " + signedAt.plusSeconds(expires) + ", the request arrives at " + at);
    }
    // With session credentials the URL must carry their token. With long-term credentials a token
    // in the URL is STS's to judge, which no offline check can: it is signed as it stands (S3Proxy,
    // too, accepts it).
    String urlToken = presigned.parameter("X-Amz-Security-Token").orElse(null);
    String token =
        identity instanceof AwsSessionCredentialsIdentity session
            ? session.sessionToken()
            : urlToken;
    if (!Objects.equals(urlToken, token)) {
      return refuse(
          SignatureVerdict.Reason.INVALID_TOKEN,
          urlToken == null
              ? "the credentials have a session token, the URL carries none"
              : "the URL carries another session token than the credentials'");
    }

    Map<String, String> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    sent.putAll(headers);
    List<String> signedHeaders = presigned.signedHeaders();
    URI uri = presigned.uri();
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(method.toUpperCase(Locale.ROOT)))
            .protocol(uri.getScheme())
            .host(uri.getHost())
            .encodedPath(
                uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    if (uri.getPort() >= 0) {
      request.port(uri.getPort());
    }
    for (String name : signedHeaders) {
      if (name.equals("host")) {
        continue;
      }
      String value = sent.get(name);
      if (value == null) {
        return refuse(
            SignatureVerdict.Reason.SIGNED_HEADER_MISSING,
            "the URL signs " + name + ", which the request does not send");
      }
      request.putHeader(name, value);
    }
    presigned.otherParameters().forEach(request::putRawQueryParameter);

    AwsCredentialsIdentity signing =
        token == null
            ? AwsCredentialsIdentity.create(identity.accessKeyId(), identity.secretAccessKey())
            : AwsSessionCredentialsIdentity.create(
                identity.accessKeyId(), identity.secretAccessKey(), token);
    SignedRequest signed =
        SIGNER.sign(
            r ->
                r.identity(signing)
                    .request(request.build())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, scope[3])
                    .putProperty(AwsV4HttpSigner.REGION_NAME, scope[2])
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(expires))
                    .putProperty(
                        AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
    Map<String, List<String>> query = signed.request().rawQueryParameters();
    String expected = first(query, "X-Amz-Signature");
    String sdkSignedHeaders = first(query, "X-Amz-SignedHeaders");
    if (!String.join(";", signedHeaders).equals(sdkSignedHeaders)) {
      return refuse(
          SignatureVerdict.Reason.SIGNATURE_MISMATCH,
          "the URL signs the headers "
              + String.join(";", signedHeaders)
              + ", the SDK's signer signs "
              + sdkSignedHeaders
              + " for the same request");
    }
    if (!java.security.MessageDigest.isEqual(
        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        presigned
            .parameter("X-Amz-Signature")
            .orElseThrow()
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      return refuse(
          SignatureVerdict.Reason.SIGNATURE_MISMATCH,
          "the signature does not match "
              + method.toUpperCase(Locale.ROOT)
              + ' '
              + presigned.withoutQuery()
              + " with the signed headers "
              + String.join(";", signedHeaders)
              + " as sent");
    }
    for (String name : sent.keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-amz-") && !signedHeaders.contains(lower)) {
        return refuse(
            SignatureVerdict.Reason.UNSIGNED_HEADER,
            "the request sends " + lower + ", which the URL does not sign");
      }
    }
    return new SignatureVerdict(SignatureVerdict.Reason.ACCEPTED, "");
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  private static SignatureVerdict refuse(SignatureVerdict.Reason reason, String detail) {
    return new SignatureVerdict(reason, detail);
  }

  /**
   * {@return the type's name only: resolving the credentials to name them could call out or fail}
   */
  @Override
  public String toString() {
    return "OfflineSignatureCheck";
  }
}
