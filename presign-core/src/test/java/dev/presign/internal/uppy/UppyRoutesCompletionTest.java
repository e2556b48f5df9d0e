package dev.presign.internal.uppy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.presign.InvalidRequestException;
import dev.presign.KeyStrategy;
import dev.presign.MultipartSession;
import dev.presign.PresignedPart;
import dev.presign.PresignedPost;
import dev.presign.UploadRequest;
import dev.presign.UploadedPart;
import dev.presign.UppyS3Handler.Response;
import dev.presign.Verification;
import dev.presign.Verification.Action;
import dev.presign.Verification.Check;
import dev.presign.Verification.Outcome;
import dev.presign.Verification.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The routes that end an upload (complete, with and without verification, and abort) and the batch
 * at its largest, with a backend that answers fixed values and records what it was asked.
 */
class UppyRoutesCompletionTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final String KEY = "uploads/film.mp4";
  private static final byte[] COMPLETE_BODY =
      "{\"parts\":[{\"PartNumber\":1,\"ETag\":\"e1\"}]}".getBytes(StandardCharsets.UTF_8);

  private final Backend backend = new Backend();
  private final UppyRoutes routes =
      new UppyRoutes(backend, InvalidRequestException::getMessage, false);

  private Response complete() {
    return routes.answer(
        "POST",
        "/s3/multipart/tok/complete",
        "key=" + KEY,
        "application/json",
        COMPLETE_BODY,
        null);
  }

  @Test
  void complete_withoutVerification_answersTheObjectWithoutAskingForTheDeclaredRequest() {
    Response r = complete();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json())
        .isEqualTo(
            "{\"location\":\"https://h/"
                + KEY
                + "\",\"key\":\""
                + KEY
                + "\",\"etag\":\"\\\"e\\\"\"}");
    assertThat(backend.calls).containsExactly("keyOf", "completeOrStored");
    assertThat(backend.completed).containsExactly(UploadedPart.of(1, "e1"));
  }

  @Test
  void complete_verifiedAndPromoted_answersThePromotedKey() {
    backend.verifies = true;
    backend.verification =
        Verification.builder(KEY, Outcome.PASSED)
            .action(Action.PROMOTED)
            .promotedKey("final/film.mp4")
            .build();

    Response r = complete();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json())
        .isEqualTo(
            "{\"location\":\"https://h/final/film.mp4\",\"key\":\"final/film.mp4\","
                + "\"etag\":\"\\\"e\\\"\"}");
    assertThat(backend.calls).containsExactly("keyOf", "declaredOf", "completeOrStored", "verify");
    assertThat(backend.verified).containsExactly(KEY);
  }

  @Test
  void complete_verifiedAndPassedInPlace_answersTheUploadsKey() {
    backend.verifies = true;
    backend.verification = Verification.builder(KEY, Outcome.PASSED).build();

    Response r = complete();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).contains("\"key\":\"" + KEY + "\"");
  }

  @Test
  void complete_verifiedButNothingStored_answers422SayingSo() {
    backend.verifies = true;
    backend.verification = Verification.builder(KEY, Outcome.MISSING).build();

    Response r = complete();

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json())
        .contains("\"reason\":\"VERIFICATION_FAILED\"")
        .contains("nothing is stored under its key");
  }

  @Test
  void complete_verificationFailed_answers422NamingEachFailedCheckOnce() {
    backend.verifies = true;
    backend.verification =
        Verification.builder(KEY, Outcome.FAILED)
            .problems(
                List.of(
                    Problem.of(Check.SIZE, "size must be the declared 12 bytes: 13"),
                    Problem.of(Check.CONTENT_TYPE, "type must be image/png: text/html"),
                    Problem.of(Check.SIZE, "size must be at most 10 bytes: 13")))
            .action(Action.DELETED)
            .build();

    Response r = complete();

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json())
        .contains("\"reason\":\"VERIFICATION_FAILED\"")
        .contains("The file did not pass the checks: SIZE, CONTENT_TYPE\"");
  }

  @Test
  void abort_ofTheSessionsKey_abortsAndAnswersAnEmptyObject() {
    Response r = routes.answer("DELETE", "/s3/multipart/tok", "key=" + KEY, null, null, null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).isEqualTo("{}");
    assertThat(backend.calls).containsExactly("keyOf", "abort");
  }

  @Test
  void batch_ofExactlyTheMostParts_signsThemAll() {
    String numbers =
        IntStream.rangeClosed(1, UppyRoutes.MAX_BATCH)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(","));

    Response r =
        routes.answer(
            "GET",
            "/s3/multipart/tok/batch",
            "key=" + KEY + "&partNumbers=" + numbers,
            null,
            null,
            null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).contains("\"100\":\"https://h/p100\"");
    assertThat(backend.signed).hasSize(UppyRoutes.MAX_BATCH);
  }

  @Test
  void statusText_keepsSpaceAndTildeReplacesTheControlCharactersNextToThem() {
    assertThat(UppyRoutes.statusText("\u001f ~\u007f")).isEqualTo("? ~?");
  }

  /** Answers fixed values; records the services asked for, in order. */
  private static final class Backend implements UppyBackend {
    final List<String> calls = new ArrayList<>();
    final List<UploadedPart> completed = new ArrayList<>();
    final List<String> verified = new ArrayList<>();
    final List<Integer> signed = new ArrayList<>();
    boolean verifies;
    @Nullable Verification verification;

    @Override
    public PresignedPost issuePost(UploadRequest request) {
      throw new UnsupportedOperationException("issuePost");
    }

    @Override
    public boolean multipartEnabled() {
      return true;
    }

    @Override
    public MultipartSession start(UploadRequest request) {
      throw new UnsupportedOperationException("start");
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
      throw new UnsupportedOperationException("listParts");
    }

    @Override
    public List<PresignedPart> presignPartNumbers(String token, int[] partNumbers) {
      calls.add("presignPartNumbers");
      List<PresignedPart> parts = new ArrayList<>();
      for (int n : partNumbers) {
        signed.add(n);
        parts.add(new PresignedPart(n, "https://h/p" + n, 5, NOW.plusSeconds(60)));
      }
      return parts;
    }

    @Override
    public UploadRequest declaredOf(String token) {
      calls.add("declaredOf");
      return UploadRequest.of("film.mp4", "video/mp4", 12);
    }

    @Override
    public String completeOrStored(String token, List<UploadedPart> parts) {
      calls.add("completeOrStored");
      completed.addAll(parts);
      return "\"e\"";
    }

    @Override
    public boolean verifies() {
      return verifies;
    }

    @Override
    public @Nullable String stagingPrefixOrNull() {
      return null;
    }

    @Override
    public Verification verify(String key, UploadRequest declared) {
      calls.add("verify");
      verified.add(key);
      if (verification == null) {
        throw new IllegalStateException("no verification set");
      }
      return verification;
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
