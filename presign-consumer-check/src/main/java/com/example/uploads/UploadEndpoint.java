package com.example.uploads;

import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.time.Duration;

/** The consuming app's code: signed-in users upload pictures straight to S3. */
public final class UploadEndpoint {
  private final UploadUrlIssuer issuer;

  /**
   * The endpoint over the app's storage settings (bucket, region, credentials): from configuration in
   * production, from the test store in a test.
   *
   * @param storage the storage settings
   */
  public UploadEndpoint(UploadUrlIssuer.Builder storage) {
    this.issuer = storage
        .policy(PresignPolicy.builder()
            .allowContentTypes("image/png", "image/jpeg")
            .maxSize(10L * 1024 * 1024)
            .uploadTtl(Duration.ofMinutes(10))
            .build())
        .keyStrategy(KeyStrategy.perPrincipal("uploads/"))
        .build();
  }

  /**
   * Signs an upload for a user.
   *
   * @param user the signed-in user
   * @param fileName the file's name
   * @param contentType its type
   * @param size its size in bytes
   * @return the URL and headers for the client
   */
  public PresignedUpload requestUpload(String user, String fileName, String contentType, long size) {
    return issuer.issueUpload(UploadRequest.of(fileName, contentType, size).withPrincipal(user));
  }
}
