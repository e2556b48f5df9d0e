package dev.presign;

import dev.presign.PolicyViolationException.Reason;
import dev.presign.Verification.Outcome;
import dev.presign.internal.Redact;
import dev.presign.internal.keys.PrincipalKeyStrategy;
import dev.presign.internal.uppy.UppyError;
import dev.presign.internal.uppy.UppyInput;
import dev.presign.internal.uppy.UppyJson;
import dev.presign.internal.uppy.UppyRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the S3 routes of Uppy Companion ({@code @uppy/companion} 6.2.2, as {@code @uppy/aws-s3} 6.x
 * calls them with its {@code companionEndpoint} option) through an {@link UploadUrlIssuer} and
 * {@link MultipartUploads}, so Uppy's unchanged S3 plugin uploads under presign's policy, key strategy
 * and stateless sessions. Framework-agnostic: the caller passes the method, the path below its mount
 * point, the raw query, the Content-Type and the body's bytes, and writes the {@link Response} it gets back.
 *
 * <pre>{@code
 * UppyS3Handler uppy = UppyS3Handler.builder().issuer(issuer).multipart(multipart).build();
 * // mounted at /uppy: Uppy's companionEndpoint is "/uppy", it calls /uppy/s3/...
 * UppyS3Handler.Response r = uppy.handle("GET", "/s3/params", "filename=cat.png&type=image%2Fpng", null, null);
 * // write r.status(), r.statusText() where the server allows a reason phrase, r.json() as application/json
 * }</pre>
 *
 * <table>
 *   <caption>Routes, relative to the mount point</caption>
 *   <tr><th>Request</th><th>Answer</th></tr>
 *   <tr><td>{@code GET /s3/params?filename&type[&metadata[size]]}</td>
 *       <td>a presigned POST form: {@code {"method":"POST","url","fields","expires"}}</td></tr>
 *   <tr><td>{@code POST /s3/multipart} {@code {"filename","type","metadata":{"size"}}}</td>
 *       <td>{@code {"key","uploadId"}}; the upload id is presign's session token</td></tr>
 *   <tr><td>{@code GET /s3/multipart/{uploadId}/{partNumber}?key}</td><td>{@code {"url","expires"}}</td></tr>
 *   <tr><td>{@code GET /s3/multipart/{uploadId}/batch?key&partNumbers=1,2}</td>
 *       <td>{@code {"presignedUrls":{"1":url,"2":url}}}</td></tr>
 *   <tr><td>{@code GET /s3/multipart/{uploadId}?key}</td><td>{@code [{"PartNumber","ETag","Size"}]}</td></tr>
 *   <tr><td>{@code POST /s3/multipart/{uploadId}/complete?key} {@code {"parts":[{"PartNumber","ETag"}]}}</td>
 *       <td>{@code {"location","key","etag"}}</td></tr>
 *   <tr><td>{@code DELETE /s3/multipart/{uploadId}?key}</td><td>{@code {}}</td></tr>
 * </table>
 *
 * <p>The {@code uploadId} Uppy carries is presign's HMAC-authenticated session token, and the {@code key}
 * it sends back must be the one that token names, so a client cannot sign parts for, list, complete or
 * abort an upload or key it was not given. With {@link KeyStrategy#perPrincipal} keys, the key must also be
 * in the folder of the principal the request is made for, so a token is of no use to another user. The
 * token travels in URL paths, as Companion's upload id does, so it appears in access logs: it grants
 * signing parts of that one upload until it expires, nothing else. A multipart upload needs the file's size: Uppy does not send
 * it, so the page puts it in the file's metadata ({@code metadata.size}), and its part size must be the
 * plan's ({@code getChunkSize}). Completion checks that S3 holds every planned part with its size and
 * ETag ({@link MultipartUploads#complete}), and with {@link Builder#verifier} verifies what landed.
 *
 * <p>The JSON bodies must come as {@code application/json} (Uppy sends it; a cross-site form cannot), in
 * UTF-8, at most 1 MiB. With a verifier, {@code /s3/params} is refused unless
 * {@link Builder#allowUnverifiedSimpleUploads(boolean)}: a POST form's upload is never reported back, so it
 * could not be verified; pages set {@code shouldUseMultipart: true}.
 *
 * <p>Errors are Companion's shape, {@code {"error": message, "reason": REASON}}, with a 4xx or 5xx status.
 * Uppy shows only the response's status text ("Companion request failed: " + statusText), so
 * {@link Response#statusText()} carries the same message for servers that can send a reason phrase.
 * A policy refusal's message is the {@link PolicyViolationException}'s, or {@code errorMessage}'s words;
 * other failures get a generic message (a store failure is logged at DEBUG, anything unexpected at WARN by
 * its class name only). {@code handle} never throws.
 *
 * <p>Immutable and thread-safe.
 */
public final class UppyS3Handler {
  private static final Logger LOG = LoggerFactory.getLogger(UppyS3Handler.class);
  /** The longest request body, in bytes: read at most one byte more, and pass what was read. */
  public static final int MAX_BODY = UppyInput.MAX_BODY;
  private static final int MAX_STATUS_TEXT = 200;
  /** The most parts one batch request may name. */
  static final int MAX_BATCH = 100;

  private final UploadUrlIssuer issuer;
  private final MultipartUploads multipart;
  private final Function<PolicyViolationException, String> errorMessage;
  private final UploadVerifier verifier;
  private final boolean allowUnverifiedSimpleUploads;

  // NullAway cannot see that build() checked the required settings (Require.state) before calling this.
  @SuppressWarnings("NullAway")
  private UppyS3Handler(Builder b) {
    this.verifier = b.verifier;
    this.issuer = b.issuer != null ? b.issuer : b.multipart.issuer();
    this.multipart = b.multipart;
    this.errorMessage = b.errorMessage;
    this.allowUnverifiedSimpleUploads = b.allowUnverifiedSimpleUploads;
  }

  /** {@return a builder; an issuer or a multipart instance is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this handler's settings} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.issuer = issuer;
    b.multipart = multipart;
    b.errorMessage = errorMessage;
    b.verifier = verifier;
    b.allowUnverifiedSimpleUploads = allowUnverifiedSimpleUploads;
    return b;
  }

  /**
   * The answer to one request: write the status, the JSON body with {@code Content-Type: application/json},
   * the status text as the reason phrase where the server can, and {@code Allow} when {@code allow} is
   * not empty.
   *
   * @param status the HTTP status
   * @param json the body, a JSON document
   * @param statusText the reason phrase: {@code OK} on success, else the error message as printable ASCII
   * @param allow for a 405, the methods the route answers (e.g. {@code GET, DELETE}), else empty
   */
  public record Response(int status, String json, String statusText, String allow) {
    /**
     * Creates a response.
     *
     * @param status the HTTP status
     * @param json the body
     * @param statusText the reason phrase
     * @param allow the methods for an {@code Allow} header, or empty
     */
    public Response {
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(statusText, "statusText");
      Objects.requireNonNull(allow, "allow");
    }

    /** {@return the media type of the body, {@code application/json}} */
    public String contentType() {
      return "application/json";
    }

    /** {@return the status and status text; never the body, which may carry signed URLs and form fields} */
    @Override
    public String toString() {
      return "Response[status=" + status + ", statusText=" + statusText + ", json=(" + json.length() + " chars)]";
    }
  }

  /**
   * Answers one request of Uppy's S3 protocol.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param path the path below the mount point, starting {@code /s3/}, still percent-encoded
   * @param rawQuery the query string without {@code ?}, still encoded, or null
   * @param contentType the request's Content-Type header, or null; POST bodies must be {@code application/json}
   * @param body the request body's bytes, or null for none; read at most 1 MiB and one byte more, since
   *     longer bodies are refused, and must be UTF-8
   * @return the answer; never throws
   */
  @SuppressWarnings("exports") // @Nullable: JSpecify is optional for users (module-info)
  public Response handle(String method, String path, @Nullable String rawQuery, @Nullable String contentType,
      byte @Nullable [] body) {
    return handle(method, path, rawQuery, contentType, body, null);
  }

  /**
   * Answers one request of Uppy's S3 protocol for an authenticated principal, for
   * {@link KeyStrategy#perPrincipal} keys: a session of one principal's folder answers only that principal.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param path the path below the mount point, starting {@code /s3/}, still percent-encoded
   * @param rawQuery the query string without {@code ?}, still encoded, or null
   * @param contentType the request's Content-Type header, or null
   * @param body the request body's bytes, or null for none
   * @param principal the user or tenant the application authenticated, or null
   * @return the answer; never throws
   */
  @SuppressWarnings("exports") // @Nullable: JSpecify is optional for users (module-info)
  public Response handle(String method, String path, @Nullable String rawQuery, @Nullable String contentType,
      byte @Nullable [] body, @Nullable String principal) {
    try {
      UppyRoute route = UppyRoute.parse(path == null ? "" : path);
      String verb = method == null ? "" : method.toUpperCase(Locale.ROOT);
      route.requireMethod(verb);
      Map<String, String> query = UppyInput.query(rawQuery);
      Object json = route.kind().takesBody() ? UppyInput.jsonBody(contentType, body) : null;
      return route(route, verb, query, json, principal);
    } catch (PolicyViolationException e) {
      return error(400, e.reason().name(), endUserMessage(e));
    } catch (PresignException e) {
      LOG.debug("Uppy S3 request failed: {} {}", e.kind(), e.getMessage());
      return switch (e.kind()) {
        case NOT_FOUND -> error(404, e.kind().name(), "The upload was not found; it may have been cancelled or have expired.");
        case STORE_UNSUPPORTED -> error(501, e.kind().name(), "This storage does not support this kind of upload.");
        case STORE_REFUSED, STORE_INCONSISTENT -> error(502, e.kind().name(), "The storage refused the request.");
        default -> error(503, e.kind().name(), "The storage is unavailable; please try again later.");
      };
    } catch (UppyError e) {
      String message = String.valueOf(e.getMessage());
      return new Response(e.status(), UppyJson.error(message, e.reason()), statusText(message), e.allow());
    } catch (RuntimeException e) {
      // Another library's message may quote what it was given: log the class only, answer generic words.
      LOG.warn("Uppy S3 request failed unexpectedly: {}", e.getClass().getName());
      return error(500, "INTERNAL_ERROR", "The request could not be answered; please try again later.");
    }
  }

  private String endUserMessage(PolicyViolationException e) {
    try {
      return Objects.requireNonNullElse(errorMessage.apply(e), e.getMessage());
    } catch (RuntimeException failed) {
      LOG.warn("The errorMessage function of the Uppy handler failed: {}", failed.getClass().getName());
      return String.valueOf(e.getMessage());
    }
  }

  private Response route(UppyRoute route, String method, Map<String, String> query, @Nullable Object json,
      @Nullable String principal) {
    if (route.kind() == UppyRoute.Kind.PARAMS) {
      return params(query, principal);
    }
    if (multipart == null) {
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
          multipart.abort(token);
          yield ok("{}");
        }
        yield ok(UppyJson.parts(multipart.listParts(token)));
      }
      case COMPLETE -> complete(token, key, UppyInput.parts(UppyInput.object(json, "the body")));
      case BATCH -> batch(token, query.get("partNumbers"));
      default -> {
        PresignedPart part = multipart.presignPartNumbers(token, new int[] {route.partNumber()}).get(0);
        yield ok(UppyJson.partUrl(part.url(), secondsUntil(part.expiresAt())));
      }
    };
  }

  private Response params(Map<String, String> query, @Nullable String principal) {
    if (verifier != null && !allowUnverifiedSimpleUploads) {
      throw UppyError.of(403, "MULTIPART_REQUIRED", "This server verifies every upload, so files must go up as "
          + "multipart uploads (shouldUseMultipart: true); a simple POST upload is never verified.");
    }
    String filename = UppyInput.required(query, "filename");
    String type = UppyInput.required(query, "type");
    OptionalLong size = UppyInput.size(query.get("metadata[size]"));
    PresignedPost post = issuer.issuePost(new UploadRequest(filename, type, size, Optional.ofNullable(principal),
        Optional.empty()));
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
      throw new PolicyViolationException(Reason.SIZE_MISSING,
          "the file size must be declared for a multipart upload (metadata.size)");
    }
    UploadRequest request = new UploadRequest(filename, type, size, Optional.ofNullable(principal), Optional.empty());
    requirePromotable(request);
    MultipartSession session = multipart.start(request);
    return ok(UppyJson.session(session.key(), session.token()));
  }

  // A key the verifier would refuse to promote would fail only after S3 assembled the object: ask the key
  // strategy for a key of this request first, before CreateMultipartUpload.
  private void requirePromotable(UploadRequest request) {
    String staging = verifier == null ? null : verifier.stagingPrefixOrNull();
    if (staging != null && !issuer.keyStrategy().key(request, issuer.clock().instant()).startsWith(staging)) {
      LOG.warn("Uppy multipart upload refused: the key strategy makes keys outside the verifier's staging prefix");
      throw UppyError.of(500, "MISCONFIGURED", "The server cannot verify this upload; please contact its operator.");
    }
  }

  private Response batch(String token, @Nullable String partNumbers) {
    if (partNumbers == null || partNumbers.isEmpty()) {
      throw UppyError.badRequest("the part numbers must be passed as a comma-separated partNumbers query parameter");
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
    List<PresignedPart> signed = multipart.presignPartNumbers(token,
        numbers.stream().mapToInt(Integer::intValue).toArray());
    Map<Integer, String> urls = new LinkedHashMap<>();
    for (PresignedPart part : signed) {
      urls.put(part.partNumber(), part.url());
    }
    return ok(UppyJson.partUrls(urls));
  }

  private Response complete(String token, String key, List<UploadedPart> named) {
    UploadRequest declared = verifier == null ? null : multipart.declaredOf(token);
    // A retried completion (S3 assembled the object, the answer or the verification after it was lost)
    // answers the stored object, verified again.
    String etag = multipart.completeOrStored(token, named);
    String finalKey = key;
    if (verifier != null) {
      Verification result = verifier.verify(key, Objects.requireNonNull(declared));
      if (result.outcome() == Outcome.MISSING) {
        throw UppyError.of(422, "VERIFICATION_FAILED",
            "The file could not be verified: nothing is stored under its key after the upload completed.");
      }
      if (!result.passed()) {
        throw UppyError.of(422, "VERIFICATION_FAILED", "The file did not pass the checks: "
            + result.problems().stream().map(p -> p.check().name()).distinct().collect(Collectors.joining(", ")));
      }
      finalKey = result.promotedKey().orElse(key);
    }
    return ok(UppyJson.completed(issuer.objectUrl(finalKey), finalKey, etag));
  }

  private void requireKeyOf(String token, String key, @Nullable String principal) {
    if (!multipart.keyOf(token).equals(key)) {
      throw new PolicyViolationException(Reason.SESSION_INVALID, "the key is not the key of this upload: " + Redact.quote(key));
    }
    if (issuer.keyStrategy() instanceof PrincipalKeyStrategy folders
        && (principal == null || !key.startsWith(folders.prefix() + principal + '/'))) {
      throw new PolicyViolationException(Reason.SESSION_INVALID, "this upload belongs to another user: "
          + Redact.quote(key));
    }
  }

  private long secondsUntil(Instant expiresAt) {
    return Math.max(0, Duration.between(issuer.clock().instant(), expiresAt).toSeconds());
  }

  private static Response ok(String json) {
    return new Response(200, json, "OK", "");
  }

  private static Response error(int status, String reason, String message) {
    String text = message == null || message.isBlank() ? "The request was refused." : message;
    return new Response(status, UppyJson.error(text, reason), statusText(text), "");
  }

  // A reason phrase is one line of visible ASCII (RFC 9112); browsers expose it as statusText.
  static String statusText(String message) {
    StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_STATUS_TEXT));
    for (int i = 0; i < message.length() && out.length() < MAX_STATUS_TEXT; i++) {
      char c = message.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : c == '\t' || c == '\n' || c == '\r' ? ' ' : '?');
    }
    String text = out.toString().strip();
    return text.isEmpty() ? "Error" : text;
  }

  @Override
  public String toString() {
    return "UppyS3Handler[bucket=" + issuer.bucket() + ", multipart=" + (multipart != null) + ", verifier="
        + (verifier != null) + ']';
  }

  /** Builds {@link UppyS3Handler}. Not thread-safe; what it builds is. */
  public static final class Builder {
    private @Nullable UploadUrlIssuer issuer;
    private @Nullable MultipartUploads multipart;
    private Function<PolicyViolationException, String> errorMessage = e -> String.valueOf(e.getMessage());
    private @Nullable UploadVerifier verifier;
    private boolean allowUnverifiedSimpleUploads;

    private Builder() {}

    /**
     * Sets the issuer of simple uploads (presigned POST forms); defaults to the multipart instance's.
     *
     * @param issuer the issuer
     * @return this builder
     */
    public Builder issuer(UploadUrlIssuer issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * Enables the multipart routes.
     *
     * @param multipart the multipart uploads, whose issuer must sign for the same bucket as {@link #issuer}
     * @return this builder
     */
    public Builder multipart(MultipartUploads multipart) {
      this.multipart = Objects.requireNonNull(multipart, "multipart");
      return this;
    }

    /**
     * Verifies every multipart upload right after completing it ({@link UploadVerifier#verify(String,
     * UploadRequest)} with the session's declared type and size): a file that fails answers 422
     * {@code VERIFICATION_FAILED} naming the failed checks, and is handled as the verifier says (quarantined by
     * default); with promotion, the answer's key is the promoted key, and the key strategy must make keys
     * under the staging prefix. A completion retried after S3 assembled the object verifies it then.
     * Simple uploads are POST forms whose end the protocol never reports to the server, so with a verifier
     * {@code /s3/params} answers 403 {@code MULTIPART_REQUIRED} unless
     * {@link #allowUnverifiedSimpleUploads(boolean)}; pages use {@code shouldUseMultipart: true}.
     *
     * @param verifier the verifier, for the same bucket
     * @return this builder
     */
    public Builder verifier(UploadVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * With a {@link #verifier}, still answers {@code /s3/params} with a POST form. A risk: those files are
     * never verified, and the client chooses the route, so any file the policy's form admits (a page of
     * HTML sent as {@code video/mp4}, say) lands unchecked. Default false.
     *
     * @param allow whether to issue unverified POST forms although a verifier is set
     * @return this builder
     */
    public Builder allowUnverifiedSimpleUploads(boolean allow) {
      this.allowUnverifiedSimpleUploads = allow;
      return this;
    }

    /**
     * Sets the words a policy refusal shows the end user; default the exception's message, which names
     * the rule and the offending value.
     *
     * @param errorMessage from the refusal to the message, safe to show the user who sent the request
     * @return this builder
     */
    public Builder errorMessage(Function<PolicyViolationException, String> errorMessage) {
      this.errorMessage = Objects.requireNonNull(errorMessage, "errorMessage");
      return this;
    }

    /**
     * Builds the handler.
     *
     * @return the handler
     * @throws IllegalStateException when neither an issuer nor a multipart instance is set, they or the
     *     verifier use different buckets, or the verifier promotes from a staging prefix the key strategy
     *     never makes keys under
     */
    // NullAway cannot see that one of issuer and multipart is set once the first check passed.
    @SuppressWarnings("NullAway")
    public UppyS3Handler build() {
      if (issuer == null && multipart == null) {
        throw new IllegalStateException("an issuer or a multipart instance is required: none set");
      }
      UploadUrlIssuer signing = issuer != null ? issuer : multipart.issuer();
      if (multipart != null && !signing.bucket().equals(multipart.issuer().bucket())) {
        throw new IllegalStateException("the issuer and the multipart uploads must use the same bucket: "
            + signing.bucket() + " and " + multipart.issuer().bucket());
      }
      if (verifier != null && !signing.bucket().equals(verifier.issuer().bucket())) {
        throw new IllegalStateException("the issuer and the verifier must use the same bucket: "
            + signing.bucket() + " and " + verifier.issuer().bucket());
      }
      String staging = verifier == null ? null : verifier.stagingPrefixOrNull();
      if (staging != null && !signing.keyStrategy().mayProduceKeyStartingWith(staging)) {
        throw new IllegalStateException("the key strategy must make keys under the verifier's staging prefix "
            + Redact.quote(staging) + " for uploads to be promoted: " + signing.keyStrategy());
      }
      return new UppyS3Handler(this);
    }
  }
}
