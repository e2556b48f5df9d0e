package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.InvalidRequestException.Reason;
import dev.presign.testing.StoreSuite;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Multipart uploads through pre-signed part URLs against S3Proxy with signature checks on: parts
 * sent with {@code java.net.http}, completion, resume, abort, and refusal of edited tokens before
 * any S3 call.
 */
class MultipartStoreTest extends StoreSuite {
  private static final int MIB = 1024 * 1024;
  private static final byte[] SESSION_KEY =
      "multipart-session-key-for-tests-0123456789".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]+)</Code>");

  private static byte[] file;
  private final AtomicInteger s3Calls = new AtomicInteger();
  private S3Client s3;
  private UploadUrlIssuer issuer;
  private MultipartUploads multipart;

  @BeforeAll
  static void prepare() throws Exception {
    file = new byte[3 * 5 * MIB + 12_345];
    new Random(7).nextBytes(file);
  }

  @BeforeEach
  void setUp() {
    issuer =
        store
            .issuerBuilder()
            .policy(
                PresignPolicy.builder()
                    .allowContentTypes("video/*")
                    .maxSize(PresignPolicy.MAX_OBJECT_SIZE)
                    .build())
            .keyStrategy(KeyStrategy.datedUuid("videos/"))
            .build();
    s3 =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(store.endpoint())
            .forcePathStyle(true)
            .credentialsProvider(store.credentialsProvider())
            .requestChecksumCalculation(
                software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
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
    multipart = uploads(issuer);
  }

  @AfterEach
  void tearDown() {
    multipart.close();
    s3.close();
  }

  private MultipartUploads uploads(UploadUrlIssuer withIssuer) {
    return MultipartUploads.builder()
        .issuer(withIssuer)
        .sessionKey(SESSION_KEY)
        .partSize(5 * MIB)
        .s3Client(s3)
        .build();
  }

  @Test
  void upload_threeFullPartsAndASmallerLast_completesToTheSameBytes() throws Exception {
    MultipartSession session =
        multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));
    assertThat(session.partCount()).isEqualTo(4);
    assertThat(session.sizeOf(4)).isEqualTo(12_345);

    List<UploadedPart> sent = new ArrayList<>();
    for (PresignedPart part : multipart.presignAllParts(session.token())) {
      sent.add(put(part));
    }
    String etag = multipart.complete(session.token(), sent);

    assertThat(etag).isNotBlank();
    HttpResponse<byte[]> get =
        http.send(
            HttpRequest.newBuilder(issuer.issueDownload(session.key()).uri()).build(),
            BodyHandlers.ofByteArray());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(sha256(get.body())).isEqualTo(sha256(file));
    assertThat(store.object(session.key()).contentType().orElseThrow()).isEqualTo("video/mp4");
  }

  @Test
  void partUrl_forAnotherPartNumber_isRefused() throws Exception {
    MultipartSession session =
        multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));
    // The last part is small: a refused 5 MiB body would make the server close mid-upload.
    PresignedPart last = multipart.presignParts(session.token(), 4, 4).get(0);
    URI third = URI.create(last.uri().toString().replace("partNumber=4&", "partNumber=3&"));
    assertThat(third).isNotEqualTo(last.uri());

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(third)
                .PUT(BodyPublishers.ofByteArray(new byte[(int) last.size()]))
                .build(),
            BodyHandlers.ofString());

    assertCode(response, 403, "SignatureDoesNotMatch");
    assertThat(multipart.listParts(session.token())).isEmpty();
  }

  @Test
  void partUrl_forAnotherUpload_isRefused() throws Exception {
    MultipartSession one = multipart.start(UploadRequest.of("a.mp4", "video/mp4", file.length));
    MultipartSession other = multipart.start(UploadRequest.of("b.mp4", "video/mp4", file.length));
    PresignedPart part = multipart.presignParts(one.token(), 4, 4).get(0);
    URI elsewhere =
        URI.create(
            part.uri()
                .toString()
                .replace("uploadId=" + one.uploadId(), "uploadId=" + other.uploadId()));
    assertThat(elsewhere).isNotEqualTo(part.uri());

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(elsewhere)
                .PUT(BodyPublishers.ofByteArray(new byte[(int) part.size()]))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(multipart.listParts(other.token())).isEmpty();
  }

  @Test
  void partUrl_withAnotherSize_isRefused() throws Exception {
    MultipartSession session =
        multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));
    PresignedPart last = multipart.presignParts(session.token(), 4, 4).get(0);

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(last.uri())
                .PUT(BodyPublishers.ofByteArray(new byte[(int) last.size() + 1]))
                .build(),
            BodyHandlers.ofString());

    assertCode(response, 403, "SignatureDoesNotMatch");
  }

  @Test
  void resume_afterTheClientLosesItsState_listsPartsAndFinishes() throws Exception {
    MultipartSession session =
        multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));
    List<PresignedPart> urls = multipart.presignAllParts(session.token());
    put(urls.get(0));
    put(urls.get(1));

    // The client kept only the token: it asks what arrived and sends the rest.
    List<UploadedPart> arrived = multipart.listParts(session.token());
    assertThat(arrived).extracting(UploadedPart::partNumber).containsExactly(1, 2);
    assertThat(arrived).extracting(UploadedPart::size).containsExactly(5L * MIB, 5L * MIB);
    List<UploadedPart> all = new ArrayList<>(arrived);
    for (PresignedPart part : multipart.presignParts(session.token(), 3, 4)) {
      all.add(put(part));
    }
    multipart.complete(session.token(), all);

    assertThat(sha256(store.bytes(session.key()))).isEqualTo(sha256(file));
  }

  @Test
  void abort_leavesNothingBehind() throws Exception {
    MultipartSession session =
        multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));
    put(multipart.presignParts(session.token(), 1, 1).get(0));

    multipart.abort(session.token());

    assertThat(store.keys()).isEmpty();
    assertThat(store.multipartUploads()).doesNotContain(session.uploadId());
    // S3 answers 404 NoSuchUpload for an aborted upload, RGW 404 NoSuchKey; S3Proxy lists no parts.
    java.util.Optional<String> code = variant().listPartsAfterAbortCode();
    if (code.isPresent()) {
      assertThatThrownBy(() -> multipart.listParts(session.token()))
          .isInstanceOf(PresignException.class)
          .hasMessage("S3 refused ListParts: " + code.get() + " (HTTP 404)");
    } else {
      assertThat(multipart.listParts(session.token())).isEmpty();
    }
  }

  @Test
  void complete_withAMissingOrDisorderedPart_isRefusedAndNothingIsAssembled() throws Exception {
    MultipartSession session =
        multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));
    List<UploadedPart> sent = new ArrayList<>();
    for (PresignedPart part : multipart.presignAllParts(session.token())) {
      sent.add(put(part));
    }

    assertThatThrownBy(() -> multipart.complete(session.token(), sent.subList(0, 3)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("expected 4, got 3");
    List<UploadedPart> swapped =
        new ArrayList<>(List.of(sent.get(1), sent.get(0), sent.get(2), sent.get(3)));
    assertThatThrownBy(() -> multipart.complete(session.token(), swapped))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("in order");
    List<UploadedPart> wrongTag = new ArrayList<>(sent);
    wrongTag.set(2, UploadedPart.of(3, "\"0000\""));
    assertThatThrownBy(() -> multipart.complete(session.token(), wrongTag))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("another ETag");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void toBuilder_copy_resumesTheOriginalsSession() {
    MultipartSession session =
        multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));

    MultipartUploads copy = multipart.toBuilder().build();

    assertThat(copy.listParts(session.token())).isEmpty();
    assertThat(copy.presignAllParts(session.token())).hasSize(session.partCount());
    copy.abort(session.token());
  }

  @Test
  void token_editedOrForeignOrExpired_isRefusedBeforeAnyS3Call() {
    MultipartSession session =
        multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));
    String token = session.token();
    String edited = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
    MultipartUploads otherKey =
        multipart.toBuilder()
            .sessionKey(
                "a-different-session-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII))
            .build();
    MultipartUploads later =
        uploads(
            issuer.toBuilder()
                .clock(Clock.fixed(Instant.now().plus(Duration.ofHours(25)), ZoneOffset.UTC))
                .build());
    int callsBefore = s3Calls.get();

    for (Runnable call :
        List.<Runnable>of(
            () -> multipart.listParts(edited),
            () -> multipart.presignParts(edited, 1, 1),
            () -> multipart.complete(edited, List.of()),
            () -> multipart.abort(edited),
            () -> otherKey.listParts(token),
            () -> later.listParts(token),
            () -> later.presignAllParts(token))) {
      assertThatThrownBy(call::run)
          .isInstanceOf(InvalidRequestException.class)
          .extracting(e -> ((InvalidRequestException) e).reason())
          .isEqualTo(Reason.SESSION_INVALID);
    }
    assertThat(s3Calls.get()).isEqualTo(callsBefore);
  }

  @Test
  void twoIssuerInstances_serveOneSession() throws Exception {
    MultipartSession session =
        multipart.start(UploadRequest.of("film.mp4", "video/mp4", file.length));
    UploadUrlIssuer secondIssuer = issuer.toBuilder().build();
    try (MultipartUploads secondInstance = uploads(secondIssuer)) {
      List<UploadedPart> sent = new ArrayList<>();
      for (PresignedPart part : secondInstance.presignAllParts(session.token())) {
        sent.add(put(part));
      }
      secondInstance.complete(session.token(), sent);
    }

    assertThat(sha256(store.bytes(session.key()))).isEqualTo(sha256(file));
  }

  @Test
  void issue_picksTheMechanismBySize() {
    MultipartUploads chooser =
        MultipartUploads.builder()
            .issuer(issuer)
            .sessionKey(SESSION_KEY)
            .s3Client(s3)
            .multipartThreshold(10L * MIB)
            .build();

    IssuedUpload small = chooser.issue(UploadRequest.of("clip.mp4", "video/mp4", 10L * MIB));
    IssuedUpload unknown = chooser.issue(UploadRequest.of("clip.mp4", "video/mp4"));
    IssuedUpload large = chooser.issue(UploadRequest.of("film.mp4", "video/mp4", 10L * MIB + 1));

    assertThat(small).isInstanceOf(PresignedUpload.class);
    assertThat(small.mechanism()).isEqualTo(IssuedUpload.Mechanism.PUT);
    assertThat(unknown).isInstanceOf(PresignedPost.class);
    assertThat(unknown.mechanism()).isEqualTo(IssuedUpload.Mechanism.POST);
    assertThat(large).isInstanceOf(MultipartSession.class);
    assertThat(large.mechanism()).isEqualTo(IssuedUpload.Mechanism.MULTIPART);
    assertThat(store.multipartUploads()).contains(((MultipartSession) large).uploadId());
  }

  @Test
  void start_breakingThePolicy_neverReachesS3() {
    int callsBefore = s3Calls.get();

    assertThatThrownBy(() -> multipart.start(UploadRequest.of("page.html", "text/html", 100)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> multipart.start(UploadRequest.of("film.mp4", "video/mp4")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must be declared");
    assertThat(s3Calls.get()).isEqualTo(callsBefore);
  }

  private static UploadedPart put(PresignedPart part) throws Exception {
    int from = (int) ((part.partNumber() - 1) * 5L * MIB);
    byte[] bytes = Arrays.copyOfRange(file, from, from + (int) part.size());
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(part.uri()).PUT(BodyPublishers.ofByteArray(bytes)).build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return UploadedPart.of(part.partNumber(), response.headers().firstValue("ETag").orElseThrow());
  }

  private static void assertCode(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    Matcher matcher = ERROR_CODE.matcher(response.body());
    assertThat(matcher.find()).as(response.body()).isTrue();
    assertThat(matcher.group(1)).isEqualTo(code);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
