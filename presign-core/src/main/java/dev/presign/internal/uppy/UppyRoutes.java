package dev.presign.internal.uppy;

import dev.presign.InvalidRequestException;
import dev.presign.InvalidRequestException.Reason;
import dev.presign.MultipartSession;
import dev.presign.PresignException;
import dev.presign.PresignedPart;
import dev.presign.PresignedPost;
import dev.presign.UploadRequest;
import dev.presign.UploadedPart;
import dev.presign.UppyS3Handler;
import dev.presign.UppyS3Handler.Response;
import dev.presign.Verification;
import dev.presign.Verification.Outcome;
import dev.presign.internal.Redact;
import dev.presign.internal.keys.PrincipalKeyStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of Uppy Companion's S3 protocol behind {@link UppyS3Handler#handle}: parses a request,
 * checks that its key is the session's (and the principal's), calls presign's services through an
 * {@link UppyBackend} and answers in Companion's shape, errors included. Immutable and thread-safe
 * when the backend is.
 */
public final class UppyRoutes {
  // Logged under the public handler's name, which is what applications configure.
  private static final Logger LOG = LoggerFactory.getLogger(UppyS3Handler.class);
  private static final int MAX_STATUS_TEXT = 200;

  /** The most parts one batch request may name. */
  public static final int MAX_BATCH = 100;

  private final UppyBackend backend;
  private final Function<InvalidRequestException, String> errorMessage;
  private final boolean allowUnverifiedSimpleUploads;

  /**
   * Creates the routes.
   *
   * @param backend presign's services
   * @param errorMessage the words a policy refusal shows the end user
   * @param allowUnverifiedSimpleUploads whether {@code /s3/params} answers although uploads are
   *     verified
   */
  public UppyRoutes(
      UppyBackend backend,
      Function<InvalidRequestException, String> errorMessage,
      boolean allowUnverifiedSimpleUploads) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.errorMessage = Objects.requireNonNull(errorMessage, "errorMessage");
    this.allowUnverifiedSimpleUploads = allowUnverifiedSimpleUploads;
  }

  /**
   * Answers one request; see {@link UppyS3Handler#handle(String, String, String, String, byte[],
   * String)}.
   *
   * @param method the HTTP method
   * @param path the path below the mount point, still percent-encoded
   * @param rawQuery the query string, still encoded, or null
   * @param contentType the request's Content-Type, or null
   * @param body the body's bytes, or null
   * @param principal the authenticated principal, or null
   * @return the answer; never throws
   */
  public Response answer(
      @Nullable String method,
      @Nullable String path,
      @Nullable String rawQuery,
      @Nullable String contentType,
      byte @Nullable [] body,
      @Nullable String principal) {
    try {
      UppyRoute route = UppyRoute.parse(path == null ? "" : path);
      String verb = method == null ? "" : method.toUpperCase(Locale.ROOT);
      route.requireMethod(verb);
      Map<String, String> query = UppyInput.query(rawQuery);
      Object json = route.kind().takesBody() ? UppyInput.jsonBody(contentType, body) : null;
      return route(route, verb, query, json, principal);
    } catch (InvalidRequestException e) {
      return error(400, e.reason().name(), endUserMessage(e));
    } catch (PresignException e) {
      LOG.debug("Uppy S3 request failed: {} {}", e.kind(), e.getMessage());
      return switch (e.kind()) {
        case NOT_FOUND ->
            error(
                404,
                e.kind().name(),
                "The upload was not found; it may have been cancelled or have expired.");
        case STORE_UNSUPPORTED ->
            error(501, e.kind().name(), "This storage does not support this kind of upload.");
        case STORE_REFUSED, STORE_INCONSISTENT ->
            error(502, e.kind().name(), "The storage refused the request.");
        default ->
            error(503, e.kind().name(), "The storage is unavailable; please try again later.");
      };
    } catch (UppyError e) {
      String message = String.valueOf(e.getMessage());
      return new Response(
          e.status(), UppyJson.error(message, e.reason()), statusText(message), e.allow());
    } catch (RuntimeException e) {
      // Another library's message may quote what it was given: log the class only, answer generic
      // words.
      LOG.warn("Uppy S3 request failed unexpectedly: {}", e.getClass().getName());
      return error(
          500, "INTERNAL_ERROR", "The request could not be answered; please try again later.");
    }
  }

  private String endUserMessage(InvalidRequestException e) {
    try {
      return Objects.requireNonNullElse(errorMessage.apply(e), String.valueOf(e.getMessage()));
    } catch (RuntimeException failed) {
      LOG.warn(
          "The errorMessage function of the Uppy handler failed: {}", failed.getClass().getName());
      return String.valueOf(e.getMessage());
    }
  }

  private Response route(
      UppyRoute route,
      String method,
      Map<String, String> query,
      @Nullable Object json,
      @Nullable String principal) {
    if (route.kind() == UppyRoute.Kind.PARAMS) {
      return params(query, principal);
    }
    if (!backend.multipartEnabled()) {
      throw UppyError.of(404, "NOT_FOUND", "multipart uploads are not enabled on this server");
    }
    if (route.kind() == UppyRoute.Kind.CREATE) {
      return create(UppyInput.object(json, "the body"), principal);
    }
    String token = route.token();
    String key = query.get("key");
    if (key == null) {
      throw UppyError.badRequest("the object key must be passed as the key query parameter");
    }
    requireKeyOf(token, key, principal);
    return switch (route.kind()) {
      case SESSION -> {
        if (method.equals("DELETE")) {
          backend.abort(token);
          yield ok("{}");
        }
        yield ok(UppyJson.parts(backend.listParts(token)));
      }
      case COMPLETE -> complete(token, key, UppyInput.parts(UppyInput.object(json, "the body")));
      case BATCH -> batch(token, query.get("partNumbers"));
      default -> {
        PresignedPart part =
            backend.presignPartNumbers(token, new int[] {route.partNumber()}).get(0);
        yield ok(UppyJson.partUrl(part.url(), secondsUntil(part.expiresAt())));
      }
    };
  }

  private Response params(Map<String, String> query, @Nullable String principal) {
    if (backend.verifies() && !allowUnverifiedSimpleUploads) {
      throw UppyError.of(
          403,
          "MULTIPART_REQUIRED",
          "This server verifies every upload, so files must go up as "
              + "multipart uploads (shouldUseMultipart: true); a simple POST upload is never verified.");
    }
    String filename = UppyInput.required(query, "filename");
    String type = UppyInput.required(query, "type");
    OptionalLong size = UppyInput.size(query.get("metadata[size]"));
    PresignedPost post = backend.issuePost(request(filename, type, size, principal));
    return ok(UppyJson.postForm(post.url(), post.fields(), secondsUntil(post.expiresAt())));
  }

  private Response create(Map<String, Object> doc, @Nullable String principal) {
    if (!(doc.get("filename") instanceof String filename) || filename.isEmpty()) {
      throw UppyError.badRequest("filename must be a non-empty string");
    }
    if (!(doc.get("type") instanceof String type)) {
      throw UppyError.badRequest("type must be a string");
    }
    OptionalLong size = UppyInput.declaredSize(doc);
    if (size.isEmpty()) {
      throw new InvalidRequestException(
          Reason.SIZE_MISSING,
          "the file size must be declared for a multipart upload (metadata.size)");
    }
    UploadRequest request = request(filename, type, size, principal);
    requirePromotable(request);
    MultipartSession session = backend.start(request);
    return ok(UppyJson.session(session.key(), session.token()));
  }

  private static UploadRequest request(
      String filename, String type, OptionalLong size, @Nullable String principal) {
    UploadRequest request =
        size.isPresent()
            ? UploadRequest.of(filename, type, size.getAsLong())
            : UploadRequest.of(filename, type);
    return principal == null ? request : request.withPrincipal(principal);
  }

  // A key the verifier would refuse to promote would fail only after S3 assembled the object: ask
  // the key strategy for a key of this request first, before CreateMultipartUpload.
  private void requirePromotable(UploadRequest request) {
    String staging = backend.stagingPrefixOrNull();
    if (staging != null && !backend.keyStrategy().key(request, backend.now()).startsWith(staging)) {
      LOG.warn(
          "Uppy multipart upload refused: the key strategy makes keys outside the verifier's staging prefix");
      throw UppyError.of(
          500,
          "MISCONFIGURED",
          "The server cannot verify this upload; please contact its operator.");
    }
  }

  private Response batch(String token, @Nullable String partNumbers) {
    if (partNumbers == null || partNumbers.isEmpty()) {
      throw UppyError.badRequest(
          "the part numbers must be passed as a comma-separated partNumbers query parameter");
    }
    String[] raw = partNumbers.split(",", MAX_BATCH + 1);
    if (raw.length > MAX_BATCH) {
      throw UppyError.badRequest("a batch must name at most " + MAX_BATCH + " parts");
    }
    Set<Integer> numbers = new LinkedHashSet<>();
    for (String n : raw) {
      if (!numbers.add(UppyRoute.partNumber(n))) {
        throw UppyError.badRequest("a part number must appear once: " + n);
      }
    }
    List<PresignedPart> signed =
        backend.presignPartNumbers(token, numbers.stream().mapToInt(Integer::intValue).toArray());
    Map<Integer, String> urls = new LinkedHashMap<>();
    for (PresignedPart part : signed) {
      urls.put(part.partNumber(), part.url());
    }
    return ok(UppyJson.partUrls(urls));
  }

  private Response complete(String token, String key, List<UploadedPart> named) {
    UploadRequest declared = backend.verifies() ? backend.declaredOf(token) : null;
    // A retried completion (S3 assembled the object, the answer or the verification after it was
    // lost) answers the stored object, verified again.
    String etag = backend.completeOrStored(token, named);
    String finalKey = key;
    if (backend.verifies()) {
      Verification result = backend.verify(key, Objects.requireNonNull(declared, "declared"));
      if (result.outcome() == Outcome.MISSING) {
        throw UppyError.of(
            422,
            "VERIFICATION_FAILED",
            "The file could not be verified: nothing is stored under its key after the upload completed.");
      }
      if (!result.passed()) {
        throw UppyError.of(
            422,
            "VERIFICATION_FAILED",
            "The file did not pass the checks: "
                + result.problems().stream()
                    .map(p -> p.check().name())
                    .distinct()
                    .collect(Collectors.joining(", ")));
      }
      finalKey = result.promotedKey().orElse(key);
    }
    return ok(UppyJson.completed(backend.objectUrl(finalKey), finalKey, etag));
  }

  private void requireKeyOf(String token, String key, @Nullable String principal) {
    if (!backend.keyOf(token).equals(key)) {
      throw new InvalidRequestException(
          Reason.SESSION_INVALID, "the key is not the key of this upload: " + Redact.quote(key));
    }
    if (backend.keyStrategy() instanceof PrincipalKeyStrategy folders
        && (principal == null || !key.startsWith(folders.prefix() + principal + '/'))) {
      throw new InvalidRequestException(
          Reason.SESSION_INVALID, "this upload belongs to another user: " + Redact.quote(key));
    }
  }

  private long secondsUntil(Instant expiresAt) {
    return Math.max(0, Duration.between(backend.now(), expiresAt).toSeconds());
  }

  private static Response ok(String json) {
    return new Response(200, json, "OK", "");
  }

  private static Response error(int status, String reason, String message) {
    String text = message == null || message.isBlank() ? "The request was refused." : message;
    return new Response(status, UppyJson.error(text, reason), statusText(text), "");
  }

  /**
   * The reason phrase for a message: one line of visible ASCII (RFC 9112), which browsers expose as
   * {@code statusText}, at most 200 characters.
   *
   * @param message the end-user message
   * @return the reason phrase, {@code Error} when nothing visible is left
   */
  public static String statusText(String message) {
    StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_STATUS_TEXT));
    for (int i = 0; i < message.length() && out.length() < MAX_STATUS_TEXT; i++) {
      char c = message.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : c == '\t' || c == '\n' || c == '\r' ? ' ' : '?');
    }
    String text = out.toString().strip();
    return text.isEmpty() ? "Error" : text;
  }
}
