package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.Verification.Action;
import dev.presign.Verification.Check;
import dev.presign.Verification.Outcome;
import dev.presign.Verification.Problem;
import dev.presign.testing.FakeS3Client;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What the verifier decides from S3's answers, with an in-memory {@link FakeS3Client}: outcomes,
 * the order and wording of problems, what is done with failed and passing objects, and tickets.
 * What S3 itself stores and refuses is the store suites' (presign-test, VerifyStoreTest and
 * others).
 */
class UploadVerifierTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final byte[] TICKET_KEY =
      "ticket-key-for-unit-tests-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG =
      Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 12);

  private final FakeS3Client s3 = new FakeS3Client();
  private final UploadUrlIssuer issuer = issuer(KeyStrategy.uuid("uploads/"), NOW);

  private static UploadUrlIssuer issuer(KeyStrategy keys, Instant now) {
    return UploadUrlIssuer.builder()
        .bucket("my-bucket")
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
        .policy(
            PresignPolicy.builder()
                .allowContentTypes("image/png", "text/plain")
                .maxSize(1024)
                .uploadTtl(Duration.ofMinutes(15))
                .build())
        .keyStrategy(keys)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }

  private UploadVerifier.Builder verifier(UploadUrlIssuer on) {
    return UploadVerifier.builder().issuer(on).ticketKey(TICKET_KEY).s3Client(s3);
  }

  // A refusal presign makes itself: typed, with its reason, and before any call to S3.
  private AbstractThrowableAssert<?, ? extends Throwable> assertRefusedBeforeS3(
      ThrowingCallable call, InvalidRequestException.Reason reason) {
    AbstractThrowableAssert<?, ? extends Throwable> refusal =
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class);
    refusal.extracting(e -> ((InvalidRequestException) e).reason()).isEqualTo(reason);
    assertThat(s3.calls()).isEmpty();
    return refusal;
  }

  // The upload as a client could hand it back: the same URL with its headers edited.
  private static PresignedUpload withHeaders(
      PresignedUpload issued, Consumer<Map<String, String>> edit) {
    Map<String, String> headers = new HashMap<>(issued.headers());
    edit.accept(headers);
    return new PresignedUpload(
        issued.method(),
        issued.url(),
        headers,
        issued.contentLength(),
        issued.key(),
        issued.expiresAt());
  }

  @Test
  void verify_presignedUploadTwoDaysAfterIssue_checksTheObjectWithoutATicket() {
    VerifiableUpload issued =
        verifier(issuer).build().issue(UploadRequest.of("cat.png", "image/png", PNG.length));
    String etag = s3.put(issued.upload().key(), PNG, "image/png").etag();
    UploadVerifier later =
        verifier(issuer(KeyStrategy.uuid("uploads/"), NOW.plus(Duration.ofDays(2)))).build();

    Verification result = later.verify(issued.upload());

    assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(result.size()).hasValue(PNG.length);
    assertThat(result.etag()).hasValue(etag);
  }

  @Test
  void verify_ticketTwoDaysAfterIssue_isTicketInvalidAndAsksNothingOfS3() {
    VerifiableUpload issued =
        verifier(issuer).build().issue(UploadRequest.of("cat.png", "image/png", PNG.length));
    s3.put(issued.upload().key(), PNG, "image/png");
    UploadVerifier later =
        verifier(issuer(KeyStrategy.uuid("uploads/"), NOW.plus(Duration.ofDays(2)))).build();

    assertRefusedBeforeS3(
            () -> later.verify(issued.ticket()), InvalidRequestException.Reason.TICKET_INVALID)
        .hasMessageStartingWith("the ticket expired at ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "image", "image/*", "text/html; charset=\"x"})
  void verify_presignedUploadWithoutAConcreteType_isContentTypeInvalidAndAsksNothingOfS3(
      String type) {
    PresignedUpload issued = issuer.issueUpload(UploadRequest.of("cat.png", "image/png", 12));
    PresignedUpload edited =
        withHeaders(
            issued,
            headers -> {
              if (type.isEmpty()) {
                headers.remove("Content-Type");
              } else {
                headers.put("Content-Type", type);
              }
            });

    assertRefusedBeforeS3(
            () -> verifier(issuer).build().verify(edited),
            InvalidRequestException.Reason.CONTENT_TYPE_INVALID)
        .hasMessageStartingWith("the upload's Content-Type must be a concrete media type");
  }

  @Test
  void verify_presignedUploadWithAMalformedChecksum_isHeaderInvalidAndAsksNothingOfS3() {
    PresignedUpload issued = issuer.issueUpload(UploadRequest.of("cat.png", "image/png", 12));
    PresignedUpload edited =
        withHeaders(issued, headers -> headers.put("x-amz-checksum-sha256", "not base64!"));

    assertRefusedBeforeS3(
            () -> verifier(issuer).build().verify(edited),
            InvalidRequestException.Reason.HEADER_INVALID)
        .hasMessageContaining("the upload's checksum header is malformed: SHA256 checksum must be");
  }

  @Test
  void verify_ticketBeforeItsExpiry_passes() {
    UploadVerifier verifier = verifier(issuer).build();
    VerifiableUpload issued = verifier.issue(UploadRequest.of("cat.png", "image/png", PNG.length));
    s3.put(issued.upload().key(), PNG, "image/png");

    assertThat(verifier.verify(issued.ticket()).passed()).isTrue();
    assertThat(s3.calls())
        .containsExactly(
            "HeadObject " + issued.upload().key(),
            "GetObject " + issued.upload().key() + " bytes=0-11");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "not.a-ticket", "AAAA.AAAA"})
  void verify_malformedOrForgedTicket_isTicketInvalidAndAsksNothingOfS3(String ticket) {
    UploadVerifier verifier = verifier(issuer).build();

    assertRefusedBeforeS3(
            () -> verifier.verify(ticket), InvalidRequestException.Reason.TICKET_INVALID)
        .hasMessageStartingWith("the ticket is ");
  }

  @Test
  void verify_ticketMadeWithAnotherKey_isNotAuthentic() {
    String ticket =
        verifier(issuer)
            .ticketKey(
                "another-ticket-key-for-unit-tests-0123456789".getBytes(StandardCharsets.US_ASCII))
            .build()
            .issue(UploadRequest.of("cat.png", "image/png", PNG.length))
            .ticket();

    assertThatThrownBy(() -> verifier(issuer).build().verify(ticket))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("the ticket is not authentic");
  }

  @Test
  void verify_nothingStored_isMissingAndKept() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));

    Verification result = verifier(issuer).build().verify(upload);

    assertThat(result.outcome()).isEqualTo(Outcome.MISSING);
    assertThat(result.action()).isEqualTo(Action.KEPT);
    assertThat(result.problems()).isEmpty();
    assertThat(result.size()).isEmpty();
  }

  @Test
  void verify_htmlOfAnotherSizeStoredAsPng_reportsSizeThenContentAndQuarantines() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    s3.put(upload.key(), "<html><script>alert(1)</script>", "image/png");

    Verification result = verifier(issuer).build().verify(upload);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.problems())
        .extracting(Problem::check)
        .containsExactly(Check.SIZE, Check.CONTENT);
    assertThat(result.problems().get(0).detail())
        .isEqualTo("size must be the declared 12 bytes: 31");
    assertThat(result.problems().get(1).detail())
        .isEqualTo("the first bytes do not look like image/png");
    assertThat(result.action()).isEqualTo(Action.QUARANTINED);
    assertThat(result.quarantineKey()).hasValue("quarantine/" + upload.key());
    assertThat(s3.keys()).containsExactly("quarantine/" + upload.key());
  }

  @Test
  void verify_typeOutsideThePolicy_namesTheAllowedTypesAndTheStoredOne() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    s3.put(upload.key(), PNG, "text/html");

    Verification result = verifier(issuer).keepFailed().build().verify(upload);

    assertThat(result.problems())
        .containsExactly(
            Problem.of(
                Check.CONTENT_TYPE,
                "content type must be one of image/png, text/plain: \"text/html\""));
    assertThat(result.action()).isEqualTo(Action.KEPT);
    assertThat(s3.keys()).containsExactly(upload.key());
  }

  @Test
  void verify_storedContentDisposition_isAHeadersProblem() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    s3.put(upload.key(), PNG, "image/png").contentDisposition("attachment");

    Verification result = verifier(issuer).deleteFailed().build().verify(upload);

    assertThat(result.problems())
        .containsExactly(
            Problem.of(
                Check.HEADERS,
                "the object must carry only the headers presign signed: Content-Disposition \"attachment\""));
    assertThat(result.action()).isEqualTo(Action.DELETED);
    assertThat(s3.keys()).isEmpty();
  }

  @Test
  void verify_storedContentEncoding_neitherReadsNorJudgesTheBytes() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    s3.put(upload.key(), "<html>gzipped", "image/png").contentEncoding("gzip");

    Verification result = verifier(issuer).keepFailed().build().verify(upload);

    assertThat(result.problems())
        .extracting(Problem::check)
        .containsExactly(Check.SIZE, Check.HEADERS);
    assertThat(s3.calls()).noneMatch(call -> call.startsWith("GetObject"));
  }

  @Test
  void verify_quarantineRefused_deletesTheObjectInstead() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    s3.put(upload.key(), "<html>", "image/png");
    s3.refuseCopiesTo("quarantine/" + upload.key());

    Verification result = verifier(issuer).build().verify(upload);

    assertThat(result.action()).isEqualTo(Action.DELETED);
    assertThat(result.quarantineKey()).isEmpty();
    assertThat(s3.keys()).isEmpty();
  }

  @Test
  void verify_boundChecksumOfOtherBytes_isAChecksumProblemComputedFromTheBytes() throws Exception {
    byte[] other = PNG.clone();
    other[11] = 1;
    String sha256 =
        Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(PNG));
    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("cat.png", "image/png", PNG.length)
                .withChecksum(Checksum.sha256(sha256)));
    s3.put(upload.key(), other, "image/png");

    Verification result = verifier(issuer).keepFailed().checkContent(false).build().verify(upload);

    assertThat(result.problems())
        .containsExactly(
            Problem.of(Check.CHECKSUM, "SHA256 checksum does not match the one issued"));
    assertThat(s3.calls())
        .containsExactly("HeadObject " + upload.key(), "GetObject " + upload.key());
  }

  @Test
  void verify_boundChecksumReportedByHead_passesWithoutReadingTheBytes() throws Exception {
    String sha256 =
        Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(PNG));
    PresignedUpload upload =
        issuer.issueUpload(
            UploadRequest.of("cat.png", "image/png", PNG.length)
                .withChecksum(Checksum.sha256(sha256)));
    s3.put(upload.key(), PNG, "image/png").reportingSha256();

    Verification result = verifier(issuer).checkContent(false).build().verify(upload);

    assertThat(result.passed()).isTrue();
    assertThat(s3.calls()).containsExactly("HeadObject " + upload.key());
  }

  @Test
  void verify_promoting_copiesToThePermanentKeyAndDeletesTheStagedOne() {
    UploadUrlIssuer staging = issuer(KeyStrategy.uuid("staging/"), NOW);
    PresignedUpload upload =
        staging.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    s3.put(upload.key(), PNG, "image/png").versionId("v1");

    Verification result =
        verifier(staging).promoteOnPass("staging/", "files/").build().verify(upload);

    String permanent = "files/" + upload.key().substring("staging/".length());
    assertThat(result.action()).isEqualTo(Action.PROMOTED);
    assertThat(result.promotedKey()).hasValue(permanent);
    assertThat(result.versionId()).hasValue("v1-copy");
    assertThat(s3.keys()).containsExactly(permanent);
  }

  @Test
  void verify_promotingAKeyOutsideStaging_isKeyInvalidAndAsksNothingOfS3() {
    UploadVerifier verifier =
        verifier(issuer(KeyStrategy.uuid("staging/"), NOW))
            .promoteOnPass("staging/", "files/")
            .build();

    assertThatThrownBy(
            () -> verifier.verify("uploads/a.png", UploadRequest.of("a.png", "image/png")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "key must be under the staging prefix \"staging/\" to be promoted: \"uploads/a.png\"");
    assertThat(s3.calls()).isEmpty();
  }

  @Test
  void verify_retagOnPass_setsTheTagKeepingTheOthers() {
    PresignedUpload upload =
        issuer.issueUpload(UploadRequest.of("cat.png", "image/png", PNG.length));
    s3.put(upload.key(), PNG, "image/png").versionId("v1");
    s3.tags(upload.key()).put("owner", "alice");

    verifier(issuer).retagOnPass("presign-status", "verified").build().verify(upload);

    assertThat(s3.tags(upload.key()))
        .containsOnly(
            java.util.Map.entry("owner", "alice"),
            java.util.Map.entry("presign-status", "verified"));
  }

  @Test
  void verify_explicitRequestWithMalformedType_isContentTypeInvalid() {
    UploadVerifier verifier = verifier(issuer).build();

    assertThatThrownBy(() -> verifier.verify("uploads/a.png", UploadRequest.of("a.png", "image/*")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("content type must be a concrete media type");
  }

  @Test
  void exists_asksOnePlainHead() {
    s3.put("uploads/a.png", PNG, "image/png");
    UploadVerifier verifier = verifier(issuer).build();

    assertThat(verifier.exists("uploads/a.png")).isTrue();
    assertThat(verifier.exists("uploads/b.png")).isFalse();
    assertThat(s3.calls()).containsExactly("HeadObject uploads/a.png", "HeadObject uploads/b.png");
  }

  @Test
  void ticketKey_shorterThan32Bytes_isRefused() {
    assertThatThrownBy(() -> UploadVerifier.builder().ticketKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ticketKey must be at least 32 bytes")
        .hasMessageContaining("31 bytes");
  }

  @Test
  void toBuilder_keepsEverySetting() {
    UploadVerifier verifier =
        verifier(issuer(KeyStrategy.uuid("staging/"), NOW))
            .quarantineFailed("held/")
            .promoteOnPass("staging/", "files/")
            .checkContent(false)
            .build();

    assertThat(verifier.toBuilder().build()).hasToString(verifier.toString());
    assertThat(verifier.toString())
        .isEqualTo(
            "UploadVerifier[bucket=my-bucket, onFailure=QUARANTINED under held/,"
                + " promote staging/ to files/, checkContent=false]");
  }
}
