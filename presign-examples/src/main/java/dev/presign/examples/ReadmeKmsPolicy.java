package dev.presign.examples;

import dev.presign.KeyStrategy;
import dev.presign.ObjectAttributes;
import dev.presign.PresignPolicy;
import dev.presign.PresignedUpload;
import dev.presign.UploadRequest;
import dev.presign.UploadUrlIssuer;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The README's object-attributes example (a bucket whose policy requires SSE-KMS with one key),
 * verbatim between the markers; {@code ReadmeKmsPolicyTest} checks that the README shows exactly
 * this code and runs it.
 */
final class ReadmeKmsPolicy {
  private ReadmeKmsPolicy() {}

  static PresignedUpload run() {
    // README:start
    PresignPolicy policy =
        PresignPolicy.builder()
            .allowContentTypes("image/png", "image/jpeg", "application/pdf")
            .maxSize(50L * 1024 * 1024)
            .attributes(
                ObjectAttributes.builder()
                    .encryption(
                        ObjectAttributes.Encryption.sseKms(
                                "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                            .withBucketKey())
                    .storageClass("INTELLIGENT_TIERING")
                    .metadata("source", "web-upload")
                    .tag("presign-status", "pending")
                    .allowRequestMetadata("account-id", "original-name")
                    .build())
            .build();

    UploadUrlIssuer issuer =
        UploadUrlIssuer.builder()
            .bucket("company-documents")
            .region(Region.EU_WEST_1)
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .policy(policy)
            .keyStrategy(KeyStrategy.datedUuid("uploads/"))
            .build();

    PresignedUpload up =
        issuer.issueUpload(
            UploadRequest.of("Résumé.pdf", "application/pdf", 48_213)
                .withMetadata("account-id", "42")
                .withMetadata("original-name", "Résumé.pdf"));
    // up.headers(): Content-Type, x-amz-server-side-encryption: aws:kms, ...-aws-kms-key-id,
    // ...-bucket-key-enabled,
    // x-amz-storage-class, x-amz-meta-account-id, x-amz-meta-original-name (RFC 2047),
    // x-amz-meta-source, x-amz-tagging
    // README:end
    return up;
  }
}
