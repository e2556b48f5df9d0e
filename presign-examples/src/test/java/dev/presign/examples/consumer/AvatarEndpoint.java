package dev.presign.examples.consumer;

import dev.presign.InvalidRequestException;
import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;

/**
 * A consuming project's own code under test: an endpoint that lets a signed-in user upload an
 * avatar. It is what a backend writes around presign; the tests beside it show how to test it.
 */
final class AvatarEndpoint {
  /** What the endpoint answers: a URL and headers, or a 400 with the reason. */
  record Answer(int status, PresignedUpload upload, String error) {}

  private final UploadUrlIssuer issuer;

  /**
   * The endpoint over the app's connection settings (bucket, region, endpoint, credentials); in
   * production they come from configuration, in a test from the store.
   */
  AvatarEndpoint(UploadUrlIssuer.Builder connection) {
    this.issuer =
        connection
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("image/png", "image/jpeg")
                    .maxSize(2 * 1024 * 1024)
                    .build())
            .keyStrategy(KeyStrategy.perPrincipal("avatars/"))
            .build();
  }

  Answer requestUpload(String userId, String fileName, String contentType, long size) {
    try {
      return new Answer(
          200,
          issuer.issueUpload(UploadRequest.of(fileName, contentType, size).withPrincipal(userId)),
          null);
    } catch (InvalidRequestException e) {
      return new Answer(400, null, e.reason().name());
    }
  }
}
