package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.Verification.Action;
import dev.presign.Verification.Check;
import dev.presign.Verification.Outcome;
import dev.presign.testing.StoreSuite;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Verification of what actually landed, against S3Proxy with signature checks on. */
class VerifyStoreTest extends StoreSuite {
  private static final byte[] KEY =
      "upload-ticket-key-for-tests-0123456789ab".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG =
      HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489");
  private static final byte[] HTML =
      "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);

  private final AtomicInteger s3Calls = new AtomicInteger();
  private S3Client s3;
  private UploadUrlIssuer issuer;
  private UploadVerifier verifier;

  @BeforeEach
  void setUp() {
    issuer =
        store
            .issuerBuilder()
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("image/png", "image/jpeg")
                    .maxSize(1000)
                    .build())
            .keyStrategy(KeyStrategy.uuid("images/"))
            .build();
    s3 =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(store.endpoint())
            .forcePathStyle(true)
            .credentialsProvider(store.credentialsProvider())
            .overrideConfiguration(
                o ->
                    o.addExecutionInterceptor(
                        new ExecutionInterceptor() {
                          @Override
                          public void beforeExecution(
                              Context.BeforeExecution context, ExecutionAttributes attributes) {
                            s3Calls.incrementAndGet();
                          }
                        }))
            .build();
    verifier = UploadVerifier.builder().issuer(issuer).ticketKey(KEY).s3Client(s3).build();
  }

  @AfterEach
  void tearDown() {
    s3.close();
  }

  @Test
  void verify_pngWithBoundChecksum_passes() throws Exception {
    // RGW ignores x-amz-checksum-sha256, so its profile refuses binding one; S3 checks it on the
    // PUT.
    if (!variant().checks(Checksum.Algorithm.SHA256)) {
      assertThatThrownBy(
              () ->
                  issuer.issueUpload(
                      UploadRequest.of("cat.png", "image/png", PNG.length)
                          .withChecksum(
                              Checksum.sha256(
                                  Base64.getEncoder()
                                      .encodeToString(
                                          MessageDigest.getInstance("SHA-256").digest(PNG))))))
          .isInstanceOf(InvalidRequestException.class)
          .extracting(e -> ((InvalidRequestException) e).reason())
          .isEqualTo(InvalidRequestException.Reason.CHECKSUM_UNSUPPORTED);
      assertThat(store.keys()).isEmpty();
      return;
    }
    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("cat.png", "image/png", PNG.length)
                .withChecksum(
                    Checksum.sha256(
                        Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-256").digest(PNG)))));
    String ticket = verifier.ticket(upload);
    put(upload, PNG);

    Verification result = verifier.verify(ticket);

    assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result.problems()).isEmpty();
    assertThat(result.size()).hasValue(PNG.length);
    assertThat(result.action()).isEqualTo(Action.KEPT);
    assertThat(store.exists(upload.key())).isTrue();
  }

  @Test
  void verify_htmlUploadedAsPng_isCaughtAndQuarantined() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", HTML.length));
    put(upload, HTML);

    Verification result = verifier.verify(verifier.ticket(upload));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.problems())
        .extracting(Verification.Problem::check)
        .containsExactly(Check.CONTENT);
    assertThat(result.action()).isEqualTo(Action.QUARANTINED);
    assertThat(result.quarantineKey()).hasValue("quarantine/" + upload.key());
    assertThat(store.exists(upload.key())).as("nothing remains under the original key").isFalse();
    assertThat(store.bytes("quarantine/" + upload.key())).isEqualTo(HTML);
  }

  @Test
  void verify_oversizeUploadThroughAnUnsizedUrl_isCaughtAndDeleted() throws Exception {
    UploadUrlIssuer unsized =
        issuer.toBuilder()
            .policy(issuer.policy().toBuilder().requireDeclaredSize(false).build())
            .build();
    UploadVerifier deleting =
        UploadVerifier.builder().issuer(unsized).ticketKey(KEY).s3Client(s3).deleteFailed().build();
    PresignedUpload upload = unsized.issueUpload(UploadRequest.of("big.png", "image/png"));
    byte[] big = java.util.Arrays.copyOf(PNG, 5000);
    put(upload, big);

    Verification result = deleting.verify(deleting.ticket(upload));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.problems())
        .extracting(Verification.Problem::check)
        .containsExactly(Check.SIZE);
    assertThat(result.problems().get(0).detail())
        .isEqualTo("size must be between 0 and 1000 bytes: 5000");
    assertThat(result.action()).isEqualTo(Action.DELETED);
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void verify_nothingUploaded_isMissing() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    Verification result = verifier.verify(verifier.ticket(upload));

    assertThat(result.outcome()).isEqualTo(Outcome.MISSING);
    assertThat(result.action()).isEqualTo(Action.KEPT);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void verify_explicitExpectationOfAnotherType_failsOnContentType() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    put(upload, PNG);
    UploadVerifier keeping = verifier.toBuilder().keepFailed().build();

    Verification result =
        keeping.verify(upload.key(), UploadRequest.of("cat.jpg", "image/jpeg", PNG.length));

    assertThat(result.problems())
        .extracting(Verification.Problem::check)
        .contains(Check.CONTENT_TYPE);
    assertThat(result.action()).isEqualTo(Action.KEPT);
    assertThat(store.exists(upload.key())).isTrue();
  }

  @Test
  void verify_editedTicket_isRefusedWithoutAnyS3Call() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    String ticket = verifier.ticket(upload);
    String edited = (ticket.charAt(3) == 'A' ? "AAAB" : "AAAA") + ticket.substring(4);
    int before = s3Calls.get();

    assertThatThrownBy(() -> verifier.verify(edited))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(InvalidRequestException.Reason.TICKET_INVALID);
    assertThat(s3Calls.get()).isEqualTo(before);
  }

  @Test
  void toBuilder_copy_honoursTheOriginalsTicketsAndSharesItsClient() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    put(upload, PNG);

    try (UploadVerifier copy = verifier.toBuilder().build()) {
      assertThat(copy.verify(verifier.ticket(upload)).outcome()).isEqualTo(Outcome.PASSED);
    }
    // Closing the copy must not close the client it shares with the original.
    assertThat(verifier.verify(verifier.ticket(upload)).outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void verify_md5BoundUpload_passesThroughTheEtag() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("cat.png", "image/png", PNG.length)
                .withChecksum(
                    Checksum.md5(
                        Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("MD5").digest(PNG)))));
    put(upload, PNG);

    Verification result = verifier.verify(verifier.ticket(upload));

    assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result.etag()).isPresent();
  }

  @Test
  void verify_expectationWithAnotherChecksum_failsOnChecksum() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    put(upload, PNG);
    UploadVerifier keeping = verifier.toBuilder().keepFailed().build();
    byte[] other = PNG.clone();
    other[0] ^= 1;

    Verification result =
        keeping.verify(
            upload.key(),
            UploadRequest.of("cat.png", "image/png", PNG.length)
                .withChecksum(
                    Checksum.sha256(
                        Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-256").digest(other)))));

    assertThat(result.problems())
        .extracting(Verification.Problem::check)
        .containsExactly(Check.CHECKSUM);
    assertThat(result.action()).isEqualTo(Action.KEPT);
  }

  @Test
  void verify_ticketForAnotherBucketKeyOrTime_isRefusedWithoutAnyS3Call() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    String ticket = verifier.ticket(upload);
    UploadVerifier otherBucket =
        UploadVerifier.builder()
            .issuer(issuer.toBuilder().bucket("other-bucket").build())
            .ticketKey(KEY)
            .s3Client(s3)
            .build();
    UploadVerifier otherKey =
        UploadVerifier.builder()
            .issuer(issuer)
            .ticketKey(
                "another-ticket-key-0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII))
            .s3Client(s3)
            .build();
    UploadVerifier later =
        UploadVerifier.builder()
            .ticketKey(KEY)
            .s3Client(s3)
            .issuer(
                issuer.toBuilder()
                    .clock(
                        java.time.Clock.fixed(
                            upload.expiresAt().plus(Duration.ofHours(25)),
                            java.time.ZoneOffset.UTC))
                    .build())
            .build();
    int before = s3Calls.get();

    for (UploadVerifier refusing : java.util.List.of(otherBucket, otherKey, later)) {
      assertThatThrownBy(() -> refusing.verify(ticket))
          .isInstanceOf(InvalidRequestException.class)
          .extracting(e -> ((InvalidRequestException) e).reason())
          .isEqualTo(InvalidRequestException.Reason.TICKET_INVALID);
    }
    assertThat(s3Calls.get()).isEqualTo(before);
  }

  @Test
  void verify_onASecondInstance_givesTheSameResult() throws Exception {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    String ticket = verifier.ticket(upload);
    put(upload, PNG);
    UploadVerifier second =
        UploadVerifier.builder()
            .issuer(issuer.toBuilder().build())
            .ticketKey(KEY.clone())
            .s3Client(s3)
            .build();

    assertThat(second.verify(ticket)).isEqualTo(verifier.verify(ticket));
  }

  private static void put(PresignedUpload upload, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(upload.uri()).PUT(BodyPublishers.ofByteArray(body));
    upload.headers().forEach(request::header);
    HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
