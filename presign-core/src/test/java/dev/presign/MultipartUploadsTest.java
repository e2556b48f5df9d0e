package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException.Reason;
import dev.presign.testing.FakeS3Client;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What MultipartUploads decides before any call to S3: the session token's checks, the refusals of
 * {@code start}, and the mechanism {@code issue} picks. A recording fake stands in for S3 and shows
 * that a refused call reached it not at all; what S3 decides is tested against S3Proxy in the store
 * suites.
 */
class MultipartUploadsTest {
  private static final byte[] KEY =
      "multipart-uploads-test-session-key-0123".getBytes(StandardCharsets.US_ASCII);
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  private final MovableClock clock = new MovableClock(T0);
  private final FakeS3Client s3 = new FakeS3Client();

  static Stream<Arguments> tokenUses() {
    return Stream.of(
        Arguments.of("presignParts", (Consumer2) (m, t) -> m.presignParts(t, 1, 1)),
        Arguments.of("presignAllParts", (Consumer2) MultipartUploads::presignAllParts),
        Arguments.of("listParts", (Consumer2) MultipartUploads::listParts),
        Arguments.of(
            "complete", (Consumer2) (m, t) -> m.complete(t, List.of(UploadedPart.of(1, "e1")))),
        Arguments.of("abort", (Consumer2) MultipartUploads::abort));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenUses")
  void tokenEdited_refusedBeforeAnyCallToS3(String use, Consumer2 call) {
    MultipartUploads multipart = multipart(issuer("b-1", null), KEY);
    String token = multipart.start(UploadRequest.of("a.mp4", "video/mp4", 6L << 20)).token();
    char last = token.charAt(token.length() - 1);
    String edited = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    s3.clearCalls();

    assertSessionInvalid(() -> call.accept(multipart, edited), "the session token is ");
    assertThat(s3.calls()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenUses")
  void tokenOfAnotherSessionKey_refusedAsNotAuthentic(String use, Consumer2 call) {
    byte[] otherKey =
        "another-session-key-of-enough-bytes-4567".getBytes(StandardCharsets.US_ASCII);
    String token =
        multipart(issuer("b-1", null), otherKey)
            .start(UploadRequest.of("a.mp4", "video/mp4", 6L << 20))
            .token();
    s3.clearCalls();

    assertSessionInvalid(
        () -> call.accept(multipart(issuer("b-1", null), KEY), token),
        "the session token is not authentic");
    assertThat(s3.calls()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenUses")
  void tokenForAnotherBucket_refused(String use, Consumer2 call) {
    String token =
        multipart(issuer("b-1", null), KEY)
            .start(UploadRequest.of("a.mp4", "video/mp4", 6L << 20))
            .token();
    s3.clearCalls();

    assertSessionInvalid(
        () -> call.accept(multipart(issuer("b-2", null), KEY), token),
        "the session token is for another bucket");
    assertThat(s3.calls()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenUses")
  void tokenPastTheSessionTtl_refusedNamingTheExpiry(String use, Consumer2 call) {
    MultipartUploads multipart =
        multipart(issuer("b-1", null), KEY).toBuilder().sessionTtl(Duration.ofHours(1)).build();
    String token = multipart.start(UploadRequest.of("a.mp4", "video/mp4", 6L << 20)).token();
    s3.clearCalls();
    clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(1));

    assertSessionInvalid(
        () -> call.accept(multipart, token), "the session expired at 2026-12-02T11:00:00Z");
    assertThat(s3.calls()).isEmpty();
  }

  @Test
  void tokenWithinTheSessionTtl_partUrlsEndWithTheSession() {
    MultipartUploads multipart =
        multipart(issuer("b-1", null), KEY).toBuilder().sessionTtl(Duration.ofHours(1)).build();
    String token = multipart.start(UploadRequest.of("a.mp4", "video/mp4", 6L << 20)).token();
    clock.set(T0.plus(Duration.ofMinutes(55)));

    List<PresignedPart> parts = multipart.presignAllParts(token);

    assertThat(parts).extracting(PresignedPart::size).containsExactly(5L << 20, 1L << 20);
    assertThat(parts)
        .allSatisfy(p -> assertThat(p.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(1))));
  }

  @Test
  void start_withoutSize_refusedBeforeAnyCallToS3() {
    assertThatThrownBy(
            () -> multipart(issuer("b-1", null), KEY).start(UploadRequest.of("a.mp4", "video/mp4")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("the file size must be declared for a multipart upload")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.SIZE_MISSING);
    assertThat(s3.calls()).isEmpty();
  }

  @Test
  void start_withChecksum_refusedBeforeAnyCallToS3() {
    UploadRequest request =
        UploadRequest.of("a.mp4", "video/mp4", 6L << 20)
            .withChecksum(Checksum.sha256("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));

    assertThatThrownBy(() -> multipart(issuer("b-1", null), KEY).start(request))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("a multipart upload cannot bind a whole-object checksum; use a PUT")
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.CHECKSUM_UNSUPPORTED);
    assertThat(s3.calls()).isEmpty();
  }

  @Test
  void start_typeThePolicyRefuses_refusedBeforeAnyCallToS3() {
    assertThatThrownBy(
            () ->
                multipart(issuer("b-1", null), KEY)
                    .start(UploadRequest.of("a.html", "text/html", 6L << 20)))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.CONTENT_TYPE_NOT_ALLOWED);
    assertThat(s3.calls()).isEmpty();
  }

  @Test
  void start_sessionCarriesPlanKeyAndExpiry() {
    MultipartSession session =
        multipart(issuer("b-1", null), KEY)
            .start(UploadRequest.of("a.mp4", "video/mp4", 11L << 20));

    assertThat(session.partCount()).isEqualTo(3);
    assertThat(session.uploadId()).isEqualTo("u-1");
    assertThat(session.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(s3.created())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo(session.key()).startsWith("films/");
              assertThat(r.contentType()).isEqualTo("video/mp4");
            });
  }

  @Test
  void issue_sizeUpToTheThreshold_putWithoutAnyCallToS3() {
    IssuedUpload issued =
        multipart(issuer("b-1", null), KEY).issue(UploadRequest.of("a.mp4", "video/mp4", 5L << 20));

    assertThat(issued).isInstanceOf(PresignedUpload.class);
    assertThat(issued.mechanism()).isEqualTo(IssuedUpload.Mechanism.PUT);
    assertThat(s3.calls()).isEmpty();
  }

  @Test
  void issue_unknownSize_postFormWithoutAnyCallToS3() {
    IssuedUpload issued =
        multipart(issuer("b-1", null), KEY).issue(UploadRequest.of("a.mp4", "video/mp4"));

    assertThat(issued).isInstanceOf(PresignedPost.class);
    assertThat(issued.mechanism()).isEqualTo(IssuedUpload.Mechanism.POST);
    assertThat(s3.calls()).isEmpty();
  }

  @Test
  void issue_aboveTheThreshold_startsAMultipartUpload() {
    IssuedUpload issued =
        multipart(issuer("b-1", null), KEY)
            .issue(UploadRequest.of("a.mp4", "video/mp4", (5L << 20) + 1));

    assertThat(issued).isInstanceOf(MultipartSession.class);
    assertThat(issued.mechanism()).isEqualTo(IssuedUpload.Mechanism.MULTIPART);
    assertThat(s3.calls())
        .containsExactly("CreateMultipartUpload " + ((MultipartSession) issued).key());
  }

  @Test
  void issue_unknownSizeOnAStoreWithoutPostForms_refusedAskingForTheSize() {
    MultipartUploads multipart = multipart(issuer("b-1", StoreProfile.CLOUDFLARE_R2), KEY);

    assertThatThrownBy(() -> multipart.issue(UploadRequest.of("a.mp4", "video/mp4")))
        .isInstanceOf(PresignException.class)
        .hasMessage(
            "CLOUDFLARE_R2 does not accept presigned POST forms; declare the size for a PUT or a multipart upload");
    assertThat(s3.calls()).isEmpty();
  }

  private static void assertSessionInvalid(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith(message)
        .extracting(e -> ((InvalidRequestException) e).reason())
        .isEqualTo(Reason.SESSION_INVALID);
  }

  private UploadUrlIssuer issuer(String bucket, StoreProfile profile) {
    UploadUrlIssuer.Builder builder =
        UploadUrlIssuer.builder()
            .bucket(bucket)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIAEXAMPLE", "secret")))
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("video/*")
                    .maxSize(PresignPolicy.MAX_OBJECT_SIZE)
                    .build())
            .keyStrategy(KeyStrategy.uuid("films/"))
            .clock(clock);
    if (profile != null) {
      builder.profile(profile, URI.create("https://account.r2.example.com"));
    }
    return builder.build();
  }

  private MultipartUploads multipart(UploadUrlIssuer issuer, byte[] sessionKey) {
    return MultipartUploads.builder()
        .issuer(issuer)
        .s3Client(s3)
        .partSize(5L << 20)
        .multipartThreshold(5L << 20)
        .sessionKey(sessionKey)
        .build();
  }

  /** A use of a session token. */
  @FunctionalInterface
  interface Consumer2 {
    void accept(MultipartUploads multipart, String token);
  }

  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      this.now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
