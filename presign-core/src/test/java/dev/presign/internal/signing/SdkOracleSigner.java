package dev.presign.internal.signing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The oracle for differential tests: signs through the AWS SDK's own SigV4 signer ({@link
 * AwsV4HttpSigner}), configured the way S3 wants query-string signing (no double encoding, no path
 * normalization, UNSIGNED-PAYLOAD). It encodes the path on its own, independently of presign.
 */
public final class SdkOracleSigner implements UrlSigner {
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final String regionName;
  private final S3Addressing addressing;

  /** A signer for one region and addressing. */
  public SdkOracleSigner(String regionName, S3Addressing addressing) {
    this.regionName = regionName;
    this.addressing = addressing;
  }

  @Override
  public String presign(SigningRequest request) {
    SdkHttpRequest.Builder http =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .protocol(addressing.scheme())
            .host(
                addressing.pathStyle()
                    ? addressing.endpointHost()
                    : request.bucket() + '.' + addressing.endpointHost())
            .encodedPath(
                "/"
                    + (addressing.pathStyle() ? request.bucket() + "/" : "")
                    + encodePath(request.key()));
    if (addressing.port() >= 0) {
      http.port(addressing.port());
    }
    for (Map.Entry<String, String> header : request.signedHeaders().entrySet()) {
      http.putHeader(header.getKey(), header.getValue());
    }
    for (Map.Entry<String, String> parameter : request.queryParameters().entrySet()) {
      http.putRawQueryParameter(parameter.getKey(), parameter.getValue());
    }
    Clock signingClock =
        Clock.fixed(java.time.Instant.ofEpochSecond(request.signingEpochSecond()), ZoneOffset.UTC);
    SignedRequest signed =
        SIGNER.sign(
            r ->
                r.identity(request.credentials())
                    .request(http.build())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, regionName)
                    .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                    .putProperty(
                        AwsV4HttpSigner.EXPIRATION_DURATION,
                        Duration.ofSeconds(request.expiresSeconds()))
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, signingClock)
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
    return signed.request().getUri().toString();
  }

  /** RFC 3986 encoding from the JDK's form encoder, corrected to SigV4's rules, keeping '/'. */
  static String encodePath(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~")
        .replace("%2F", "/");
  }
}
