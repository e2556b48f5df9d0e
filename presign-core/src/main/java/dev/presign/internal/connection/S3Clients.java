package dev.presign.internal.connection;

import dev.presign.internal.sdk.QuietSigV4;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Makes the S3 clients of {@link StoreConnection#newS3Client}. A class of its own so that the SDK's
 * client, HTTP and auth types are loaded only when a client is built, never on the way to a URL.
 */
final class S3Clients {
  private S3Clients() {}

  /** {@return a new client, see {@link StoreConnection#newS3Client}} */
  static S3Client create(
      Region region,
      @Nullable URI endpointOverride,
      boolean pathStyleAccess,
      AwsCredentialsProvider credentialsProvider,
      SdkHttpClient.@Nullable Builder<?> httpClient) {
    S3ClientBuilder builder =
        S3Client.builder()
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
}
