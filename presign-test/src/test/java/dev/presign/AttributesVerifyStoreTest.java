package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.ObjectAttributes.Encryption;
import dev.presign.Verification.Check;
import dev.presign.Verification.Outcome;
import dev.presign.testing.StoreSuite;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier checks that a stored object carries the policy's attributes, and may retag a passing
 * one.
 */
class AttributesVerifyStoreTest extends StoreSuite {
  private static final byte[] TICKET_KEY =
      "attributes-ticket-key-for-tests-0123456789".getBytes(StandardCharsets.US_ASCII);
  private static final String KMS_KEY =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final byte[] TEXT = "plain text that passes".getBytes(StandardCharsets.US_ASCII);

  private UploadUrlIssuer issuer;
  private UploadVerifier verifier;

  @BeforeEach
  void setUp() {
    issuer =
        store
            .issuerBuilder()
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("text/plain")
                    .attributes(
                        ObjectAttributes.builder()
                            .encryption(
                                supports(StoreProfile.Attribute.SSE_KMS)
                                    ? Encryption.sseKms(KMS_KEY)
                                    : null)
                            .storageClass(variant().storageClass())
                            .metadata("source", "Résumé web")
                            .build())
                    .build())
            .keyStrategy(KeyStrategy.uuid("texts/"))
            .build();
    verifier = UploadVerifier.builder().issuer(issuer).ticketKey(TICKET_KEY).keepFailed().build();
  }

  @AfterEach
  void tearDown() {
    verifier.close();
  }

  @Test
  void verify_objectWithEveryAttribute_passes() {
    VerifiableUpload issued = verifier.issue(UploadRequest.of("a.txt", "text/plain", TEXT.length));
    assertThat(store.client().put(issued.upload(), TEXT).isSuccessful()).isTrue();

    Verification result = verifier.verify(issued.ticket());

    assertThat(result.problems()).isEmpty();
    assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void verify_objectStoredWithoutTheAttributes_reportsEachMissingOne() {
    // The same key written by someone who bypassed presign: no encryption, class or metadata.
    VerifiableUpload issued = verifier.issue(UploadRequest.of("a.txt", "text/plain", TEXT.length));
    store
        .s3Client()
        .putObject(
            r -> r.bucket(store.bucket()).key(issued.upload().key()).contentType("text/plain"),
            software.amazon.awssdk.core.sync.RequestBody.fromBytes(TEXT));

    Verification result = verifier.verify(issued.ticket());

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    // RGW also stores the SDK's aws-chunked Content-Encoding, a HEADERS problem of its own.
    assertThat(result.problems())
        .filteredOn(p -> p.check() == Check.ATTRIBUTES)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.check()).isEqualTo(Check.ATTRIBUTES);
              // S3 (and S3Proxy) encrypt every object with SSE-S3 by default, so a HEAD says
              // AES256; a store may say nothing.
              assertThat(p.detail())
                  .startsWith("the object must carry the policy's attributes: ")
                  .contains("metadata source \"Résumé web\" missing");
              if (!variant().storageClass().equals("STANDARD")) {
                assertThat(p.detail())
                    .contains(
                        "storage class must be \"" + variant().storageClass() + "\": \"STANDARD\"");
              }
              if (supports(StoreProfile.Attribute.SSE_KMS)) {
                assertThat(p.detail())
                    .contains("KMS key \"" + KMS_KEY + "\" missing")
                    .containsAnyOf(
                        "encryption must be \"aws:kms\": \"AES256\"",
                        "encryption \"aws:kms\" missing");
              }
            });
  }

  @Test
  void verify_objectWithOtherMetadata_reportsTheDifference() {
    VerifiableUpload issued = verifier.issue(UploadRequest.of("a.txt", "text/plain", TEXT.length));
    store
        .s3Client()
        .putObject(
            r ->
                r.bucket(store.bucket())
                    .key(issued.upload().key())
                    .contentType("text/plain")
                    .applyMutation(
                        b -> {
                          if (supports(StoreProfile.Attribute.SSE_KMS)) {
                            b.serverSideEncryption("aws:kms").ssekmsKeyId(KMS_KEY);
                          }
                        })
                    .storageClass(variant().storageClass())
                    .metadata(java.util.Map.of("source", "forged")),
            software.amazon.awssdk.core.sync.RequestBody.fromBytes(TEXT));

    Verification result = verifier.verify(issued.ticket());

    assertThat(result.problems())
        .filteredOn(p -> p.check() == Check.ATTRIBUTES)
        .extracting(Verification.Problem::detail)
        .containsExactly(
            "the object must carry the policy's attributes: metadata source must be \"Résumé web\": \"forged\"");
  }

  @Test
  void verify_withRetagOnPass_setsTheTagWhereTheStoreKeepsTags() {
    UploadVerifier retagging =
        verifier.toBuilder().retagOnPass("presign-status", "verified").build();
    VerifiableUpload issued = retagging.issue(UploadRequest.of("a.txt", "text/plain", TEXT.length));
    assertThat(store.client().put(issued.upload(), TEXT).isSuccessful()).isTrue();

    if (variant().objectTagging()) {
      assertThat(retagging.verify(issued.ticket()).outcome()).isEqualTo(Outcome.PASSED);
      assertThat(
              store
                  .s3Client()
                  .getObjectTagging(r -> r.bucket(store.bucket()).key(issued.upload().key()))
                  .tagSet())
          .extracting(t -> t.key() + "=" + t.value())
          .containsExactly("presign-status=verified");
    } else {
      // S3Proxy 4.1.1 has no tagging API: the retag fails loudly rather than silently.
      assertThatThrownBy(() -> retagging.verify(issued.ticket()))
          .isInstanceOf(PresignException.class)
          .hasMessageContaining("NotImplemented");
    }
    retagging.close();
  }
}
