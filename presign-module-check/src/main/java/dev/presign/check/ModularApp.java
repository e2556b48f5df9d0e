package dev.presign.check;

import dev.presign.KeyStrategy;
import dev.presign.MultipartUploads;
import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Issues one URL through presign's exported API, from inside a named module. */
public final class ModularApp {
  private ModularApp() {}

  /**
   * Issues a PUT URL.
   *
   * @return the issued upload
   */
  public static PresignedUpload issue() {
    return issuer().issueUpload(UploadRequest.of("a.png", "image/png", 1));
  }

  /**
   * Builds multipart uploads, which build an S3 client with presign's default HTTP client, and closes them:
   * the client's module must be readable from presign's.
   *
   * @return the class name of what was built
   */
  public static String buildMultipartUploads() {
    byte[] sessionKey = new byte[32];
    new java.security.SecureRandom().nextBytes(sessionKey);
    try (MultipartUploads multipart = MultipartUploads.builder().issuer(issuer()).sessionKey(sessionKey).build()) {
      return multipart.getClass().getName();
    }
  }

  private static UploadUrlIssuer issuer() {
    return UploadUrlIssuer.builder()
        .bucket("modular-bucket")
        .region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAMODULAR", "secret")))
        .policy(PresignPolicy.builder().allowContentTypes("image/png").build())
        .keyStrategy(KeyStrategy.uuid("m/"))
        .build();
  }
}
