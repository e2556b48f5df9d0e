package dev.presign.examples.consumer;

import com.adobe.testing.s3mock.testcontainers.S3MockContainer;
import java.net.URI;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The consumer's contract against Adobe S3Mock in a container, as many projects already run it. It needs a
 * Docker engine and is skipped without one. S3Mock accepts any signature, so this shows the happy path
 * only; refusals need a signature-checking store (see {@link AvatarEndpointWithS3ProxyTest}).
 */
@Testcontainers(disabledWithoutDocker = true)
class AvatarEndpointWithS3MockTest extends AvatarEndpointContract {
  private static final String BUCKET = "avatars-test";

  @Container
  static final S3MockContainer S3_MOCK = new S3MockContainer("5.2.3").withInitialBuckets(BUCKET);

  @Override
  AvatarEndpoint endpoint() {
    return new AvatarEndpoint(BUCKET, URI.create(S3_MOCK.getHttpEndpoint()),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")));
  }

  @Override
  byte[] stored(String key) {
    try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
        .endpointOverride(URI.create(S3_MOCK.getHttpEndpoint()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any"))).build()) {
      return s3.getObject(r -> r.bucket(BUCKET).key(key), ResponseTransformer.toBytes()).asByteArray();
    }
  }
}
