package dev.presign.benchmarks;

import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The one request every contender signs: a PUT of a 12,345-byte PNG with type and length signed.
 */
final class Fixtures {
  static final String BUCKET = "my-bucket";
  static final Region REGION = Region.EU_WEST_1;
  static final String KEY = "uploads/2026/11/29/3f2c0a4e-8b9d-4c1e-9f7a-0123456789ab.png";
  static final String CONTENT_TYPE = "image/png";
  static final long CONTENT_LENGTH = 12_345;
  static final Duration UPLOAD_TTL = Duration.ofMinutes(15);
  static final Duration DOWNLOAD_TTL = Duration.ofMinutes(5);
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
  static final String FILE_NAME = "cat.png";

  private Fixtures() {}

  static PresignPolicy policy() {
    return PresignPolicy.builder()
        .allowContentTypes("image/png", "image/jpeg", "video/*")
        .maxSize(500L * 1024 * 1024)
        .uploadTtl(UPLOAD_TTL)
        .downloadTtl(DOWNLOAD_TTL)
        .build();
  }

  /** An issuer whose key strategy returns {@link #KEY}, so it signs exactly what the SDK signs. */
  static UploadUrlIssuer issuerWithFixedKey() {
    return issuer(new FixedKey());
  }

  /**
   * A class, not a lambda: the first lambda of a JVM costs milliseconds of bootstrap, which would
   * count against presign in the cold-start run although it is this fixture's own code.
   */
  private static final class FixedKey implements KeyStrategy {
    @Override
    public String key(UploadRequest request, java.time.Instant now) {
      return KEY;
    }
  }

  static UploadUrlIssuer issuer(KeyStrategy keyStrategy) {
    return UploadUrlIssuer.builder()
        .bucket(BUCKET)
        .region(REGION)
        .credentialsProvider(CREDENTIALS)
        .policy(policy())
        .keyStrategy(keyStrategy)
        .build();
  }
}
