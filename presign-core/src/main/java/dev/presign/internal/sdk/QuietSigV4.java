package dev.presign.internal.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 header signing for the S3 client presign builds, in place of the SDK's signer, which logs
 * the canonical request (with the session token's value) at DEBUG. This one logs nothing. The
 * payload is hashed (presign's SDK calls carry at most a small XML body), so it works over plain
 * HTTP too. Thread-safe.
 */
public final class QuietSigV4
    implements AuthScheme<AwsCredentialsIdentity>, HttpSigner<AwsCredentialsIdentity> {
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
  // Headers a proxy or the HTTP client may change or drop on the way: never signed.
  private static final Set<String> UNSIGNED =
      Set.of(
          "authorization",
          "connection",
          "content-length",
          "expect",
          "transfer-encoding",
          "upgrade",
          "user-agent",
          "x-amzn-trace-id");

  @Override
  public String schemeId() {
    return "aws.auth#sigv4";
  }

  @Override
  public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
    return providers.identityProvider(AwsCredentialsIdentity.class);
  }

  @Override
  public HttpSigner<AwsCredentialsIdentity> signer() {
    return this;
  }

  @Override
  public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
    Clock clock =
        request.hasProperty(SIGNING_CLOCK) ? request.property(SIGNING_CLOCK) : Clock.systemUTC();
    String amzDate = AMZ_DATE.format(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    String date = amzDate.substring(0, 8);
    String region = request.requireProperty(AwsV4HttpSigner.REGION_NAME);
    String service = request.requireProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME);
    AwsCredentialsIdentity credentials = request.identity();
    SdkHttpRequest http = request.request();
    String payloadHash =
        hex(sha256(request.payload().map(QuietSigV4::readAll).orElse(new byte[0])));

    SdkHttpRequest.Builder signed =
        http.toBuilder()
            .removeHeader("Authorization")
            .putHeader("Host", host(http))
            .putHeader("x-amz-date", amzDate)
            .putHeader("x-amz-content-sha256", payloadHash);
    if (credentials instanceof AwsSessionCredentialsIdentity session) {
      signed.putHeader("x-amz-security-token", session.sessionToken());
    }
    TreeMap<String, String> headers = new TreeMap<>();
    signed.forEachHeader(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!UNSIGNED.contains(lower)) {
            headers.merge(lower, canonicalValue(String.join(",", values)), (a, b) -> a + ',' + b);
          }
        });
    StringBuilder canonical =
        new StringBuilder(512)
            .append(http.method().name())
            .append('\n')
            .append(http.encodedPath().isEmpty() ? "/" : http.encodedPath())
            .append('\n')
            .append(canonicalQuery(http.rawQueryParameters()))
            .append('\n');
    headers.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
    String signedHeaders = String.join(";", headers.keySet());
    canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);

    String scope = date + '/' + region + '/' + service + "/aws4_request";
    String stringToSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + '\n'
            + scope
            + '\n'
            + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key =
        hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(hmac(hmac(key, region), service), "aws4_request");
    String signature = hex(hmac(key, stringToSign));
    signed.putHeader(
        "Authorization",
        "AWS4-HMAC-SHA256 Credential="
            + credentials.accessKeyId()
            + '/'
            + scope
            + ", SignedHeaders="
            + signedHeaders
            + ", Signature="
            + signature);
    return SignedRequest.builder()
        .request(signed.build())
        .payload(request.payload().orElse(null))
        .build();
  }

  @Override
  public CompletableFuture<AsyncSignedRequest> signAsync(
      AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("presign's S3 client is synchronous"));
  }

  private static String host(SdkHttpRequest http) {
    int port = http.port();
    boolean standard =
        port == -1
            || (port == 80 && "http".equals(http.protocol()))
            || (port == 443 && "https".equals(http.protocol()));
    return standard ? http.host() : http.host() + ':' + port;
  }

  private static String canonicalQuery(Map<String, List<String>> parameters) {
    List<String> pairs = new ArrayList<>();
    parameters.forEach(
        (name, values) -> {
          if (values.isEmpty()) {
            pairs.add(encode(name) + '=');
          }
          for (String value : values) {
            pairs.add(encode(name) + '=' + (value == null ? "" : encode(value)));
          }
        });
    pairs.sort(null);
    return String.join("&", pairs);
  }

  private static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static String canonicalValue(String value) {
    return value.trim().replaceAll("[ \\t\\n\\x0B\\f\\r]+", " ");
  }

  private static byte[] readAll(ContentStreamProvider provider) {
    try (InputStream in = provider.newStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
