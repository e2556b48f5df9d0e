package dev.presign.test.internal;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A store that runs elsewhere (Ceph RGW, MinIO, a real bucket): the kit neither starts nor stops
 * it, and creates further buckets through the S3 API.
 */
public final class ExternalBackend implements Backend {
  private final URI endpoint;
  private final StaticCredentialsProvider credentials;
  private final String bucket;
  private final Region region;

  /**
   * Points at a running store.
   *
   * @param endpoint its endpoint
   * @param accessKeyId an access key id it accepts
   * @param secretAccessKey the matching secret
   * @param bucket an existing bucket the tests may empty
   * @param region the region to sign for
   */
  public ExternalBackend(
      URI endpoint, String accessKeyId, String secretAccessKey, String bucket, Region region) {
    this.endpoint = endpoint;
    this.credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    this.bucket = bucket;
    this.region = region;
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  @Override
  public String bucket() {
    return bucket;
  }

  @Override
  public boolean checksSignatures() {
    return true;
  }

  @Override
  public String description() {
    return endpoint.getHost() + ':' + endpoint.getPort();
  }

  @Override
  public void createBucket(String name) {
    try (S3Client s3 = S3Clients.pathStyle(endpoint, region, credentials)) {
      s3.createBucket(b -> b.bucket(name));
    }
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
