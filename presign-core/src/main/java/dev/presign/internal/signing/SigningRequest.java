package dev.presign.internal.signing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Everything a {@link UrlSigner} needs for one pre-signed URL.
 *
 * @param method HTTP method, e.g. {@code PUT}
 * @param bucket bucket name
 * @param key object key, not encoded
 * @param signedHeaders headers the client must send, lower-case names; all are signed
 * @param queryParameters extra query parameters, not encoded, e.g. {@code response-content-type}
 * @param signingEpochSecond the X-Amz-Date, in seconds since the epoch (a long, not an Instant: one
 *     object fewer per URL)
 * @param expiresSeconds X-Amz-Expires, 1 to 604800
 * @param credentials the resolved credentials to sign with
 */
public record SigningRequest(
    String method,
    String bucket,
    String key,
    Map<String, String> signedHeaders,
    Map<String, String> queryParameters,
    long signingEpochSecond,
    long expiresSeconds,
    AwsCredentialsIdentity credentials) {

  public SigningRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(signedHeaders, "signedHeaders");
    Objects.requireNonNull(queryParameters, "queryParameters");
    Objects.requireNonNull(credentials, "credentials");
  }

  @Override
  public String toString() {
    return "SigningRequest["
        + method
        + " "
        + bucket
        + "/"
        + key
        + ", headers="
        + signedHeaders.keySet()
        + ", at="
        + Instant.ofEpochSecond(signingEpochSecond)
        + ", expires="
        + expiresSeconds
        + "s]";
  }
}
