package dev.presign.test.internal;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client the kit reads and empties a store with. */
public final class S3Clients {
  private S3Clients() {}

  /**
   * A path-style client for a test store. Checksums only where an operation requires them: test
   * stores (S3Proxy, older Ceph) do not all speak the SDK's default flexible checksums.
   *
   * @param endpoint the store's endpoint
   * @param region the region to sign for
   * @param credentials credentials the store accepts
   * @return a client the caller closes
   */
  public static S3Client pathStyle(
      URI endpoint, Region region, AwsCredentialsProvider credentials) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(region)
        .credentialsProvider(credentials)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }
}
