package dev.presign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.presign.internal.multipart.PartPlan;
import dev.presign.internal.multipart.SessionToken;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Uppy's S3 protocol without a store: routing, strict input, the error shape, and sessions whose
 * upload id and key cannot be forged. The store is a closed port, so any call to S3 would fail the
 * test.
 */
class UppyS3HandlerTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final byte[] SESSION_KEY =
      "uppy-handler-session-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final String KEY = "videos/film.mp4";

  private final UploadUrlIssuer issuer =
      UploadUrlIssuer.builder()
          .bucket("my-bucket")
          .region(Region.EU_WEST_1)
          .endpointOverride(URI.create("http://127.0.0.1:9"))
          .pathStyleAccess(true)
          .credentialsProvider(
              StaticCredentialsProvider.create(
                  AwsBasicCredentials.create(
                      "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
          .policy(
              PresignPolicy.builder()
                  .allowContentTypes("image/png", "video/mp4")
                  .maxSize(1L << 30)
                  .build())
          .keyStrategy(KeyStrategy.uuid("uploads/"))
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();
  private final MultipartUploads multipart =
      MultipartUploads.builder().issuer(issuer).sessionKey(SESSION_KEY).build();
  private final UppyS3Handler handler =
      UppyS3Handler.builder().issuer(issuer).multipart(multipart).build();
  private final String token =
      new SessionToken(
              "my-bucket",
              "s3-upload-id",
              KEY,
              "video/mp4",
              PartPlan.of(12L << 20, 5L << 20),
              NOW.plusSeconds(3600))
          .encode(SESSION_KEY);

  @AfterEach
  void close() {
    multipart.close();
  }

  // As Uppy sends it: JSON bodies as application/json, UTF-8.
  static UppyS3Handler.Response send(
      UppyS3Handler h, String method, String path, String query, String body) {
    return h.handle(
        method,
        path,
        query,
        "application/json",
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void params_png_answersAPostFormWithTheKeyInItsFields() {
    UppyS3Handler.Response r =
        send(
            handler,
            "GET",
            "/s3/params",
            "filename=cat.png&type=image%2Fpng&metadata%5Bname%5D=cat.png&metadata%5Bsize%5D=12",
            "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.statusText()).isEqualTo("OK");
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.json())
        .startsWith(
            "{\"method\":\"POST\",\"url\":\"http://127.0.0.1:9/my-bucket\",\"fields\":{\"key\":\"uploads/")
        .contains("\"Content-Type\":\"image/png\"", "\"x-amz-signature\":\"")
        .endsWith("\"expires\":900}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/s3/params|filename=x.html&type=text%2Fhtml||400|CONTENT_TYPE_NOT_ALLOWED|text/html",
        "GET|/s3/params|filename=x.png&type=image%2Fpng&metadata%5Bsize%5D=2000000000||400|TOO_LARGE|2000000000",
        "GET|/s3/params|type=image%2Fpng||400|BAD_REQUEST|filename query parameter is required",
        "GET|/s3/params|filename=x.png||400|BAD_REQUEST|type query parameter is required",
        "GET|/s3/params|filename=x.png&type=image%2Fpng&metadata%5Bsize%5D=-1||400|BAD_REQUEST|whole number of bytes",
        "GET|/s3/params|filename=x.png&filename=y.png&type=image%2Fpng||400|BAD_REQUEST|must appear once",
        "GET|/s3/params|filename=%zz||400|BAD_REQUEST|%-escape",
        "POST|/s3/params|filename=x.png&type=image%2Fpng||405|METHOD_NOT_ALLOWED|answers GET",
        "GET|/s3/sts|||404|NOT_FOUND|not a route",
        "GET|/other|||404|NOT_FOUND|not a route",
        "GET|/s3/multipart/a/b/c/d|key=x||404|NOT_FOUND|not a route",
        "GET|/s3/multipart||{}|405|METHOD_NOT_ALLOWED|answers POST",
        "POST|/s3/multipart||{\"filename\":\"f.mp4\",\"type\":\"video/mp4\",\"metadata\":{}}|400|SIZE_MISSING|metadata.size",
        "POST|/s3/multipart||{\"filename\":\"f.mp4\",\"type\":\"video/mp4\"}|400|SIZE_MISSING|metadata.size",
        "POST|/s3/multipart||{\"filename\":\"f.mp4\",\"type\":\"video/mp4\",\"metadata\":{\"size\":1.5}}|400|BAD_REQUEST|whole number",
        "POST|/s3/multipart||{\"filename\":\"f.mp4\",\"type\":\"video/mp4\",\"metadata\":{\"size\":true}}|400|BAD_REQUEST|whole number",
        "POST|/s3/multipart||{\"filename\":\"f.mp4\",\"type\":\"video/mp4\",\"metadata\":[]}|400|BAD_REQUEST|metadata must be a JSON object",
        "POST|/s3/multipart||{\"filename\":\"\",\"type\":\"video/mp4\"}|400|BAD_REQUEST|filename must be a non-empty string",
        "POST|/s3/multipart||{\"filename\":\"f.mp4\",\"type\":7}|400|BAD_REQUEST|type must be a string",
        "POST|/s3/multipart||{\"filename\":\"f.mp4\",\"filename\":\"g.mp4\",\"type\":\"video/mp4\"}|400|BAD_REQUEST|twice",
        "POST|/s3/multipart||[1]|400|BAD_REQUEST|the body must be a JSON object",
        "POST|/s3/multipart||not json|400|BAD_REQUEST|malformed",
        "POST|/s3/multipart||{\"filename\":\"x.exe\",\"type\":\"application/x-msdownload\",\"metadata\":{\"size\":9000000}}|400|CONTENT_TYPE_NOT_ALLOWED|application/x-msdownload",
        "GET|/s3/multipart/forged.token/1|key=videos%2Ffilm.mp4||400|SESSION_INVALID|session token",
        "GET|/s3/multipart/%zz/1|key=videos%2Ffilm.mp4||400|BAD_REQUEST|%-escape",
        "GET|/s3/multipart//1|key=videos%2Ffilm.mp4||400|BAD_REQUEST|upload id must not be empty",
        "DELETE|/s3/multipart/forged.token|key=videos%2Ffilm.mp4||400|SESSION_INVALID|session token"
      })
  void handle_badRequest_answersCompanionsErrorShapeWithTheMessage(
      String method,
      String path,
      String query,
      String body,
      int status,
      String reason,
      String message) {
    UppyS3Handler.Response r = send(handler, method, path, query, body);

    assertThat(r.status()).isEqualTo(status);
    assertThat(r.json()).startsWith("{\"error\":\"").endsWith(",\"reason\":\"" + reason + "\"}");
    assertThat(r.json()).contains(message.replace("\"", "\\\""));
    assertThat(r.statusText()).contains(message).matches("[\\x20-\\x7e]+");
  }

  @Test
  void signPart_withTheSessionsKey_signsThatPartsExactSize() {
    UppyS3Handler.Response r =
        send(handler, "GET", "/s3/multipart/" + token + "/3", "key=videos%2Ffilm.mp4", "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json())
        .startsWith("{\"url\":\"http://127.0.0.1:9/my-bucket/videos/film.mp4?")
        .contains("partNumber=3", "uploadId=s3-upload-id")
        .endsWith("\"expires\":900}");
  }

  @Test
  void responseToString_leavesOutTheBodyWithItsSignedUrl() {
    UppyS3Handler.Response r =
        send(handler, "GET", "/s3/multipart/" + token + "/1", "key=videos%2Ffilm.mp4", "");

    assertThat(r.json()).contains("X-Amz-Signature");
    assertThat(r.toString())
        .startsWith("Response[status=200, statusText=OK, json=(")
        .doesNotContain("X-Amz", "http");
  }

  @Test
  void batch_signsEachNamedPart() {
    UppyS3Handler.Response r =
        send(
            handler,
            "GET",
            "/s3/multipart/" + token + "/batch",
            "key=videos%2Ffilm.mp4&partNumbers=1,3",
            "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json())
        .startsWith("{\"presignedUrls\":{\"1\":\"http://")
        .contains("\"3\":\"http://", "partNumber=3");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/1|key=videos%2Fother.mp4||400|SESSION_INVALID|not the key of this upload",
        "GET|/1|key=videos%2Ffilm.mp4%00||400|SESSION_INVALID|not the key of this upload",
        "GET|/1|||400|BAD_REQUEST|key query parameter",
        "GET|/4|key=videos%2Ffilm.mp4||400|PARTS_INVALID|1..3",
        "GET|/0|key=videos%2Ffilm.mp4||400|BAD_REQUEST|between 1 and 10000",
        "GET|/01|key=videos%2Ffilm.mp4||400|BAD_REQUEST|between 1 and 10000",
        "GET|/10001|key=videos%2Ffilm.mp4||400|BAD_REQUEST|between 1 and 10000",
        "GET|/-1|key=videos%2Ffilm.mp4||400|BAD_REQUEST|between 1 and 10000",
        "GET|/1e1|key=videos%2Ffilm.mp4||400|BAD_REQUEST|between 1 and 10000",
        "GET|/batch|key=videos%2Ffilm.mp4||400|BAD_REQUEST|partNumbers",
        "GET|/batch|key=videos%2Ffilm.mp4&partNumbers=1,1||400|BAD_REQUEST|appear once",
        "GET|/batch|key=videos%2Ffilm.mp4&partNumbers=1,x||400|BAD_REQUEST|between 1 and 10000",
        "GET|/batch|key=videos%2Ffilm.mp4&partNumbers=1,4||400|PARTS_INVALID|1..3",
        "POST|/complete|key=videos%2Ffilm.mp4|{}|400|BAD_REQUEST|parts must be an array",
        "POST|/complete|key=videos%2Ffilm.mp4|{\"parts\":[{\"PartNumber\":\"1\",\"ETag\":\"a\"}]}|400|BAD_REQUEST|parts must be an array",
        "POST|/complete|key=videos%2Ffilm.mp4|{\"parts\":[{\"PartNumber\":1}]}|400|BAD_REQUEST|parts must be an array",
        "POST|/complete|key=videos%2Ffilm.mp4|{\"parts\":[{\"PartNumber\":0,\"ETag\":\"a\"}]}|400|BAD_REQUEST|between 1 and 10000",
        "POST|/complete|key=videos%2Ffilm.mp4|{\"parts\":[{\"PartNumber\":1,\"ETag\":\"\"}]}|400|BAD_REQUEST|ETag must be",
        "POST|/complete|key=videos%2Ffilm.mp4|{\"parts\":[{\"PartNumber\":1,\"ETag\":\"a\"}]}|400|PARTS_INVALID|expected 3, got 1",
        "POST|/complete|key=videos%2Fother.mp4|{\"parts\":[]}|400|SESSION_INVALID|not the key of this upload",
        "GET|/complete|key=videos%2Ffilm.mp4||405|METHOD_NOT_ALLOWED|answers POST",
        "PUT|/1|key=videos%2Ffilm.mp4||405|METHOD_NOT_ALLOWED|answers GET"
      })
  void sessionRoutes_hostileInput_isRefusedBeforeS3(
      String method,
      String suffix,
      String query,
      String body,
      int status,
      String reason,
      String message) {
    UppyS3Handler.Response r =
        send(handler, method, "/s3/multipart/" + token + suffix, query, body);

    assertThat(r.status()).isEqualTo(status);
    assertThat(r.json()).endsWith(",\"reason\":\"" + reason + "\"}").contains(message);
  }

  @Test
  void signPart_tokenForAnotherKeyEditedToThisKey_isRefused() {
    String other =
        new SessionToken(
                "my-bucket",
                "s3-upload-id",
                "videos/other.mp4",
                "video/mp4",
                PartPlan.of(12L << 20, 5L << 20),
                NOW.plusSeconds(3600))
            .encode(SESSION_KEY);
    String forged = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));

    UppyS3Handler.Response r =
        send(
            handler,
            "GET",
            "/s3/multipart/" + URLEncoder.encode(forged, StandardCharsets.UTF_8) + "/1",
            "key=videos%2Fother.mp4",
            "");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).contains("SESSION_INVALID");
  }

  @Test
  void handle_withoutMultipart_answersNotFoundForItsRoutes() {
    UppyS3Handler simple = UppyS3Handler.builder().issuer(issuer).build();

    assertThat(send(simple, "POST", "/s3/multipart", null, "{}").status()).isEqualTo(404);
    assertThat(send(simple, "GET", "/s3/params", "filename=a.png&type=image%2Fpng", null).status())
        .isEqualTo(200);
  }

  @Test
  void errorMessage_givesTheEndUsersWords() {
    UppyS3Handler friendly =
        UppyS3Handler.builder()
            .issuer(issuer)
            .errorMessage(e -> "This file type is not accepted.")
            .build();

    UppyS3Handler.Response r =
        send(friendly, "GET", "/s3/params", "filename=x.html&type=text%2Fhtml", "");

    assertThat(r.statusText()).isEqualTo("This file type is not accepted.");
    assertThat(r.json())
        .isEqualTo(
            "{\"error\":\"This file type is not accepted.\",\"reason\":\"CONTENT_TYPE_NOT_ALLOWED\"}");
  }

  @Test
  void build_withoutIssuerOrMultipart_saysWhatIsMissing() {
    assertThatThrownBy(() -> UppyS3Handler.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("an issuer or a multipart instance is required");
    assertThatThrownBy(() -> UppyS3Handler.builder().issuer(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("issuer");
  }

  @Test
  void params_withAVerifier_isRefusedSoNoUploadSkipsVerification() {
    try (UploadVerifier verifier =
        UploadVerifier.builder().issuer(issuer).ticketKey(SESSION_KEY).build()) {
      UppyS3Handler verifying = handler.toBuilder().verifier(verifier).build();

      UppyS3Handler.Response r =
          send(verifying, "GET", "/s3/params", "filename=x.mp4&type=video%2Fmp4", null);

      assertThat(r.status()).isEqualTo(403);
      assertThat(r.json())
          .contains("shouldUseMultipart: true")
          .endsWith("\"reason\":\"MULTIPART_REQUIRED\"}");
      UppyS3Handler optedIn = verifying.toBuilder().allowUnverifiedSimpleUploads(true).build();
      assertThat(
              send(optedIn, "GET", "/s3/params", "filename=x.mp4&type=video%2Fmp4", null).status())
          .isEqualTo(200);
    }
  }

  @Test
  void build_verifierPromotingFromAPrefixTheKeysNeverReach_isRefused() {
    try (UploadVerifier verifier =
        UploadVerifier.builder()
            .issuer(issuer)
            .ticketKey(SESSION_KEY)
            .promoteOnPass("staging/", "files/")
            .build()) {
      assertThatThrownBy(() -> handler.toBuilder().verifier(verifier).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("staging prefix \"staging/\"");
    }
  }

  @Test
  void build_verifierOfAnotherBucket_isRefused() {
    UploadUrlIssuer other = issuer.toBuilder().bucket("other-bucket").build();
    try (UploadVerifier verifier =
        UploadVerifier.builder().issuer(other).ticketKey(SESSION_KEY).build()) {
      assertThatThrownBy(() -> handler.toBuilder().verifier(verifier).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("same bucket: my-bucket and other-bucket");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL|415|UNSUPPORTED_MEDIA_TYPE|application/json",
        "text/plain|415|UNSUPPORTED_MEDIA_TYPE|text/plain",
        "application/x-www-form-urlencoded|415|UNSUPPORTED_MEDIA_TYPE|application/json",
        "multipart/form-data; boundary=x|415|UNSUPPORTED_MEDIA_TYPE|application/json",
        "application/jsonp|415|UNSUPPORTED_MEDIA_TYPE|application/jsonp",
        "application/json; charset=utf-8|400|SIZE_MISSING|metadata.size",
        "Application/JSON|400|SIZE_MISSING|metadata.size"
      })
  void create_contentTypeOtherThanJson_isRefusedSoNoCrossSiteFormReachesIt(
      String contentType, int status, String reason, String message) {
    byte[] body =
        "{\"filename\":\"f.mp4\",\"type\":\"video/mp4\"}".getBytes(StandardCharsets.UTF_8);

    UppyS3Handler.Response r = handler.handle("POST", "/s3/multipart", null, contentType, body);

    assertThat(r.status()).isEqualTo(status);
    assertThat(r.json()).contains(message).endsWith("\"reason\":\"" + reason + "\"}");
  }

  @Test
  void complete_textPlainBody_isRefusedBeforeTheSession() {
    byte[] body = "{\"parts\":[]}".getBytes(StandardCharsets.UTF_8);

    UppyS3Handler.Response r =
        handler.handle(
            "POST",
            "/s3/multipart/" + token + "/complete",
            "key=videos%2Ffilm.mp4",
            "text/plain",
            body);

    assertThat(r.status()).isEqualTo(415);
    assertThat(r.json()).endsWith("\"reason\":\"UNSUPPORTED_MEDIA_TYPE\"}");
  }

  @ParameterizedTest
  @CsvSource({"ff", "c328", "eda080", "7b22c0af22"})
  void create_bodyNotUtf8_isRefusedRatherThanReplaced(String hex) {
    byte[] body = HexFormat.of().parseHex(hex);

    UppyS3Handler.Response r =
        handler.handle("POST", "/s3/multipart", null, "application/json", body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).contains("must be UTF-8").endsWith("\"reason\":\"BAD_REQUEST\"}");
  }

  @Test
  void create_bodyOverOneMebibyte_isRefused() {
    byte[] body = new byte[1024 * 1024 + 1];
    Arrays.fill(body, (byte) ' ');

    UppyS3Handler.Response r =
        handler.handle("POST", "/s3/multipart", null, "application/json", body);

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json())
        .contains("1048576 bytes: 1048577")
        .endsWith("\"reason\":\"BODY_TOO_LARGE\"}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DELETE|/s3/multipart|POST",
        "POST|/s3/multipart/TOKEN|GET, DELETE",
        "PUT|/s3/multipart/TOKEN/1|GET",
        "GET|/s3/multipart/TOKEN/complete|POST",
        "DELETE|/s3/params|GET"
      })
  void wrongMethod_answers405WithTheAllowedMethods(String method, String path, String allow) {
    UppyS3Handler.Response r =
        send(handler, method, path.replace("TOKEN", token), "key=videos%2Ffilm.mp4", "{}");

    assertThat(r.status()).isEqualTo(405);
    assertThat(r.allow()).isEqualTo(allow);
    assertThat(r.json())
        .contains("answers " + allow.replace(", ", " or "))
        .endsWith("\"reason\":\"METHOD_NOT_ALLOWED\"}");
  }

  @Test
  void handle_keyStrategyThrowingWithoutAMessage_answers500WithGenericWords() {
    UploadUrlIssuer broken =
        issuer.toBuilder()
            .keyStrategy(
                (request, now) -> {
                  throw new IllegalArgumentException();
                })
            .build();
    UppyS3Handler h = UppyS3Handler.builder().issuer(broken).build();

    UppyS3Handler.Response r =
        send(h, "GET", "/s3/params", "filename=a.png&type=image%2Fpng", null);

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.json())
        .isEqualTo(
            "{\"error\":\"The request could not be answered; please try again later.\","
                + "\"reason\":\"INTERNAL_ERROR\"}");
  }

  @Test
  void handle_errorMessageFunctionThrowing_stillAnswersThePolicysMessage() {
    UppyS3Handler h =
        handler.toBuilder()
            .errorMessage(
                e -> {
                  throw new IllegalStateException("internal detail");
                })
            .build();

    UppyS3Handler.Response r =
        send(h, "GET", "/s3/params", "filename=x.html&type=text%2Fhtml", null);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json())
        .contains("text/html", "CONTENT_TYPE_NOT_ALLOWED")
        .doesNotContain("internal detail");
  }

  @Test
  void handle_nullEverything_answersNotFoundAndNeverThrows() {
    UppyS3Handler.Response r = handler.handle(null, null, null, null, null, null);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json()).endsWith("\"reason\":\"NOT_FOUND\"}");
  }

  @Test
  void batch_overOneHundredParts_isRefusedBeforeSigning() {
    String many =
        IntStream.rangeClosed(1, 101).mapToObj(Integer::toString).collect(Collectors.joining(","));

    UppyS3Handler.Response r =
        send(
            handler,
            "GET",
            "/s3/multipart/" + token + "/batch",
            "key=videos%2Ffilm.mp4&partNumbers=" + many,
            null);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).contains("at most 100 parts").endsWith("\"reason\":\"BAD_REQUEST\"}");
  }

  @Test
  void signPart_expiredSession_isRefused() {
    String expired =
        new SessionToken(
                "my-bucket",
                "s3-upload-id",
                KEY,
                "video/mp4",
                PartPlan.of(12L << 20, 5L << 20),
                NOW.minusSeconds(1))
            .encode(SESSION_KEY);

    UppyS3Handler.Response r =
        send(handler, "GET", "/s3/multipart/" + expired + "/1", "key=videos%2Ffilm.mp4", null);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).contains("expired").endsWith("\"reason\":\"SESSION_INVALID\"}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "bob|400|SESSION_INVALID",
        "NULL|400|SESSION_INVALID",
        "alice.x|400|SESSION_INVALID",
        "alice|200|"
      })
  void signPart_perPrincipalKeys_answersOnlyThePrincipalWhoseFolderItIs(
      String principal, int status, String reason) {
    UploadUrlIssuer folders =
        issuer.toBuilder().keyStrategy(KeyStrategy.perPrincipal("tenants/")).build();
    try (MultipartUploads mp =
        MultipartUploads.builder().issuer(folders).sessionKey(SESSION_KEY).build()) {
      UppyS3Handler h = UppyS3Handler.builder().multipart(mp).build();
      String alices =
          new SessionToken(
                  "my-bucket",
                  "s3-upload-id",
                  "tenants/alice/f.mp4",
                  "video/mp4",
                  PartPlan.of(12L << 20, 5L << 20),
                  NOW.plusSeconds(3600))
              .encode(SESSION_KEY);

      UppyS3Handler.Response r =
          h.handle(
              "GET",
              "/s3/multipart/" + alices + "/1",
              "key=tenants%2Falice%2Ff.mp4",
              null,
              null,
              principal);

      assertThat(r.status()).isEqualTo(status);
      if (reason != null) {
        assertThat(r.json())
            .contains("belongs to another user")
            .endsWith("\"reason\":\"" + reason + "\"}");
      }
    }
  }

  @Test
  void create_customKeysOutsideTheStagingPrefix_isRefusedBeforeCreateMultipartUpload() {
    // Says it may make staging keys (say, for some types), but makes this one elsewhere.
    KeyStrategy sometimesStaged =
        new KeyStrategy() {
          @Override
          public String key(UploadRequest request, Instant now) {
            return "elsewhere/" + request.fileName();
          }

          @Override
          public boolean mayProduceKeyStartingWith(String prefix) {
            return prefix.equals("staging/");
          }
        };
    UploadUrlIssuer elsewhere = issuer.toBuilder().keyStrategy(sometimesStaged).build();
    try (MultipartUploads mp =
            MultipartUploads.builder().issuer(elsewhere).sessionKey(SESSION_KEY).build();
        UploadVerifier verifier =
            UploadVerifier.builder()
                .issuer(elsewhere)
                .ticketKey(SESSION_KEY)
                .promoteOnPass("staging/", "files/")
                .build()) {
      UppyS3Handler h = UppyS3Handler.builder().multipart(mp).verifier(verifier).build();

      // The store is a closed port: reaching CreateMultipartUpload would answer 503.
      UppyS3Handler.Response r =
          send(
              h,
              "POST",
              "/s3/multipart",
              null,
              "{\"filename\":\"f.mp4\",\"type\":\"video/mp4\",\"metadata\":{\"size\":6000000}}");

      assertThat(r.status()).isEqualTo(500);
      assertThat(r.json())
          .contains("cannot verify this upload")
          .endsWith("\"reason\":\"MISCONFIGURED\"}");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true|a b/\u00e9+x.png|http://127.0.0.1:9/my-bucket/a%20b/%C3%A9%2Bx.png",
        "false|videos/film.mp4|https://my-bucket.s3.eu-west-1.amazonaws.com/videos/film.mp4"
      })
  void objectUrl_isTheAddressWithoutQueryAndSignsNothing(
      boolean local, String key, String expected) {
    UploadUrlIssuer aws =
        UploadUrlIssuer.builder()
            .bucket("my-bucket")
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                () -> {
                  throw new IllegalStateException("no credentials may be resolved for a location");
                })
            .policy(PresignPolicy.builder().allowContentTypes("video/mp4").build())
            .build();

    assertThat((local ? issuer : aws).connection().objectUrl(key)).isEqualTo(expected);
  }
}
