package dev.presign.test.internal;

import com.adobe.testing.s3mock.testcontainers.S3MockContainer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Adobe S3Mock in a Docker container through Testcontainers. S3Mock accepts any signature, any
 * expired URL and any header, so it shows happy paths only. Loaded only when asked for: a consumer
 * without s3mock-testcontainers on the class path never touches this class.
 */
public final class S3MockBackend implements Backend {
  private final S3MockContainer container;
  private final String bucket;
  private final StaticCredentialsProvider credentials;

  private S3MockBackend(
      S3MockContainer container, String bucket, StaticCredentialsProvider credentials) {
    this.container = container;
    this.bucket = bucket;
    this.credentials = credentials;
  }

  /**
   * Starts the container (S3Mock {@code version}) with the bucket created.
   *
   * @param version the S3Mock image tag, for example 5.2.3
   * @param bucket the bucket to create
   * @param accessKeyId any access key id (S3Mock ignores it)
   * @param secretAccessKey any secret (S3Mock ignores it)
   * @return the running backend
   */
  public static S3MockBackend start(
      String version, String bucket, String accessKeyId, String secretAccessKey) {
    S3MockContainer container = new S3MockContainer(version).withInitialBuckets(bucket);
    container.start();
    return new S3MockBackend(
        container,
        bucket,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
  }

  /** {@return whether Testcontainers finds a Docker engine} */
  public static boolean dockerAvailable() {
    return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
  }

  @Override
  public URI endpoint() {
    return URI.create(container.getHttpEndpoint());
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
    return false;
  }

  @Override
  public String description() {
    return "S3Mock";
  }

  @Override
  public void createBucket(String name) {
    try (var s3 =
        S3Clients.pathStyle(
            endpoint(), software.amazon.awssdk.regions.Region.US_EAST_1, credentials)) {
      s3.createBucket(b -> b.bucket(name));
    }
  }

  @Override
  public void close() {
    container.stop();
  }
}
