package dev.presign.examples;

import dev.presign.KeyStrategy;
import dev.presign.PresignPolicy;
import dev.presign.PresignedDownload;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The README's quick start, verbatim between the markers; {@code ReadmeQuickStartTest} checks that
 * the README still shows exactly this code, so the README's snippet compiles as long as this does.
 */
final class ReadmeQuickStart {
  private ReadmeQuickStart() {}

  static PresignedDownload run() {
    // README:start
    PresignPolicy policy =
        PresignPolicy.builder()
            .allowContentTypes("image/png", "image/jpeg", "video/*")
            .maxSize(500L * 1024 * 1024)
            .uploadTtl(Duration.ofMinutes(15))
            .downloadTtl(Duration.ofMinutes(5))
            .build();

    UploadUrlIssuer issuer =
        UploadUrlIssuer.builder()
            .bucket("my-bucket")
            .region(Region.EU_WEST_1)
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .policy(policy)
            .keyStrategy(KeyStrategy.datedUuid("uploads/"))
            .build();

    PresignedUpload up = issuer.issueUpload(UploadRequest.of("cat.png", "image/png", 12_345));
    // Hand up.method(), up.url(), up.headers() and up.contentLength() to the client; keep up.key().
    PresignedDownload down = issuer.issueDownload(up.key());
    // README:end
    return down;
  }
}
