package dev.presign.internal.uppy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.InvalidRequestException;
import dev.presign.KeyStrategy;
import dev.presign.MultipartSession;
import dev.presign.PresignException;
import dev.presign.PresignedPart;
import dev.presign.PresignedPost;
import dev.presign.UploadRequest;
import dev.presign.UploadedPart;
import dev.presign.UppyS3Handler.Response;
import dev.presign.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Uppy routes' own decisions, with a hand-written backend that records what it was asked: which
 * requests reach presign's services, and how their refusals and failures are answered. What the
 * services and S3 decide is UppyS3HandlerTest's and the Uppy store suite's.
 */
class UppyRoutesTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final String KEY = "uploads/film.mp4";

  private final FakeBackend backend = new FakeBackend();
  private final UppyRoutes routes =
      new UppyRoutes(backend, InvalidRequestException::getMessage, false);

  private Response get(UppyRoutes r, String path, String query) {
    return r.answer("GET", path, query, null, null, null);
  }

  @Test
  void statusText_isOneLineOfVisibleAscii() {
    assertThat(UppyRoutes.statusText("a\r\nb")).isEqualTo("a  b");
    assertThat(UppyRoutes.statusText("caf\u00e9 \u202e")).isEqualTo("caf? ?");
    assertThat(UppyRoutes.statusText("   ")).isEqualTo("Error");
    assertThat(UppyRoutes.statusText("x".repeat(500))).hasSize(200);
  }

  @Test
  void create_passesTheDeclaredSizeAndThePrincipalToStart() {
    byte[] body =
        "{\"filename\":\"film.mp4\",\"type\":\"video/mp4\",\"metadata\":{\"size\":123}}"
            .getBytes(StandardCharsets.UTF_8);

    Response r = routes.answer("POST", "/s3/multipart", null, "application/json", body, "tenant-1");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).isEqualTo("{\"key\":\"" + KEY + "\",\"uploadId\":\"tok\"}");
    assertThat(backend.started)
        .containsExactly(UploadRequest.of("film.mp4", "video/mp4", 123).withPrincipal("tenant-1"));
  }

  @Test
  void params_withoutSize_issuesAFormForAnUndeclaredSize() {
    Response r = get(routes, "/s3/params", "filename=cat.png&type=image%2Fpng");

    assertThat(r.status()).isEqualTo(200);
    assertThat(backend.posted).containsExactly(UploadRequest.of("cat.png", "image/png"));
  }

  @Test
  void params_whenUploadsAreVerified_isRefusedUnlessAllowed() {
    backend.verifies = true;

    Response refused = get(routes, "/s3/params", "filename=cat.png&type=image%2Fpng");
    Response allowed =
        get(
            new UppyRoutes(backend, InvalidRequestException::getMessage, true),
            "/s3/params",
            "filename=cat.png&type=image%2Fpng");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json()).contains("\"reason\":\"MULTIPART_REQUIRED\"");
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(backend.posted).hasSize(1);
  }

  @Test
  void sessionRoute_withMultipartDisabled_answers404() {
    backend.multipart = false;

    Response r = get(routes, "/s3/multipart/tok", "key=" + KEY);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json()).contains("\"reason\":\"NOT_FOUND\"");
    assertThat(backend.calls).isEmpty();
  }

  @Test
  void abort_withAnotherSessionsKey_isRefusedAndAbortsNothing() {
    Response r =
        routes.answer("DELETE", "/s3/multipart/tok", "key=uploads/other.mp4", null, null, null);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).contains("\"reason\":\"SESSION_INVALID\"").contains("uploads/other.mp4");
    assertThat(backend.calls).containsExactly("keyOf");
  }

  @Test
  void batch_ofMoreThanTheMostParts_isRefusedBeforeSigning() {
    String numbers =
        IntStream.rangeClosed(1, UppyRoutes.MAX_BATCH + 1)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(","));

    Response r = get(routes, "/s3/multipart/tok/batch", "key=" + KEY + "&partNumbers=" + numbers);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).contains("at most " + UppyRoutes.MAX_BATCH + " parts");
    assertThat(backend.calls).doesNotContain("presignPartNumbers");
  }

  @Test
  void batch_namingAPartTwice_isRefusedBeforeSigning() {
    Response r = get(routes, "/s3/multipart/tok/batch", "key=" + KEY + "&partNumbers=1,2,1");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json()).contains("a part number must appear once: 1");
    assertThat(backend.calls).doesNotContain("presignPartNumbers");
  }

  @Test
  void batch_signsEachNamedPartInOrder() {
    Response r = get(routes, "/s3/multipart/tok/batch", "key=" + KEY + "&partNumbers=3,1");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json())
        .isEqualTo("{\"presignedUrls\":{\"3\":\"https://h/p3\",\"1\":\"https://h/p1\"}}");
  }

  @ParameterizedTest
  @CsvSource({
    "NOT_FOUND, 404",
    "STORE_UNSUPPORTED, 501",
    "STORE_REFUSED, 502",
    "STORE_INCONSISTENT, 502",
    "STORE_UNREACHABLE, 503",
    "CREDENTIALS_UNAVAILABLE, 503",
  })
  void storeFailure_answersItsKindsStatusWithGenericWords(PresignException.Kind kind, int status) {
    backend.failure = new PresignException(kind, "store said: secret-detail");

    Response r = get(routes, "/s3/multipart/tok", "key=" + KEY);

    assertThat(r.status()).isEqualTo(status);
    assertThat(r.json()).contains("\"reason\":\"" + kind + "\"").doesNotContain("secret-detail");
    assertThat(r.statusText()).doesNotContain("secret-detail");
  }

  @Test
  void unexpectedException_answers500WithoutItsMessage() {
    backend.failure = new IllegalStateException("library said: secret-detail");

    Response r = get(routes, "/s3/multipart/tok", "key=" + KEY);

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.json()).contains("\"reason\":\"INTERNAL_ERROR\"").doesNotContain("secret-detail");
  }

  @Test
  void policyRefusal_showsTheErrorMessageFunctionsWords_orTheRuleWhenItFails() {
    backend.failure =
        new InvalidRequestException(InvalidRequestException.Reason.TOO_LARGE, "the rule: 9");
    UppyRoutes friendly = new UppyRoutes(backend, e -> "Too big.", false);
    UppyRoutes broken =
        new UppyRoutes(
            backend,
            e -> {
              throw new IllegalStateException("broken");
            },
            false);

    assertThat(get(friendly, "/s3/multipart/tok", "key=" + KEY).statusText()).isEqualTo("Too big.");
    assertThat(get(broken, "/s3/multipart/tok", "key=" + KEY).statusText())
        .isEqualTo("the rule: 9");
  }

  /** Answers with fixed values and records which services the routes asked for. */
  private static final class FakeBackend implements UppyBackend {
    final List<String> calls = new ArrayList<>();
    final List<UploadRequest> started = new ArrayList<>();
    final List<UploadRequest> posted = new ArrayList<>();
    boolean multipart = true;
    boolean verifies;
    RuntimeException failure;

    @Override
    public PresignedPost issuePost(UploadRequest request) {
      posted.add(request);
      return new PresignedPost(
          "https://h/", java.util.Map.of("key", KEY), KEY, NOW.plusSeconds(60));
    }

    @Override
    public boolean multipartEnabled() {
      return multipart;
    }

    @Override
    public MultipartSession start(UploadRequest request) {
      started.add(request);
      return new MultipartSession(KEY, "upload-1", 123, 123, 1, NOW.plusSeconds(3600), "tok");
    }

    @Override
    public String keyOf(String token) {
      calls.add("keyOf");
      return KEY;
    }

    @Override
    public void abort(String token) {
      calls.add("abort");
    }

    @Override
    public List<UploadedPart> listParts(String token) {
      calls.add("listParts");
      if (failure != null) {
        throw failure;
      }
      return List.of();
    }

    @Override
    public List<PresignedPart> presignPartNumbers(String token, int[] partNumbers) {
      calls.add("presignPartNumbers");
      List<PresignedPart> parts = new ArrayList<>();
      for (int n : partNumbers) {
        parts.add(new PresignedPart(n, "https://h/p" + n, 5, NOW.plusSeconds(60)));
      }
      return parts;
    }

    @Override
    public UploadRequest declaredOf(String token) {
      throw new UnsupportedOperationException("declaredOf");
    }

    @Override
    public String completeOrStored(String token, List<UploadedPart> parts) {
      throw new UnsupportedOperationException("completeOrStored");
    }

    @Override
    public boolean verifies() {
      return verifies;
    }

    @Override
    public String stagingPrefixOrNull() {
      return null;
    }

    @Override
    public Verification verify(String key, UploadRequest declared) {
      throw new UnsupportedOperationException("verify");
    }

    @Override
    public String objectUrl(String key) {
      return "https://h/" + key;
    }

    @Override
    public KeyStrategy keyStrategy() {
      return KeyStrategy.uuid("uploads/");
    }

    @Override
    public Instant now() {
      return NOW;
    }
  }
}
