package dev.presign;

import dev.presign.PolicyViolationException.Reason;
import dev.presign.internal.Redact;
import dev.presign.internal.uppy.FormDecoding;
import dev.presign.internal.uppy.StrictJson;
import dev.presign.internal.uppy.StrictJson.JsonNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the S3 routes of Uppy Companion ({@code @uppy/companion} 6.2.2, as {@code @uppy/aws-s3} 6.x
 * calls them with its {@code companionEndpoint} option) through an {@link UploadUrlIssuer} and
 * {@link MultipartUploads}, so Uppy's unchanged S3 plugin uploads under presign's policy, key strategy
 * and stateless sessions. Framework-agnostic: the caller passes the method, the path below its mount
 * point, the raw query and the body, and writes the {@link Response} it gets back.
 *
 * <pre>{@code
 * UppyS3Handler uppy = UppyS3Handler.builder().issuer(issuer).multipart(multipart).build();
 * // mounted at /uppy: Uppy's companionEndpoint is "/uppy", it calls /uppy/s3/...
 * UppyS3Handler.Response r = uppy.handle("GET", "/s3/params", "filename=cat.png&type=image%2Fpng", "");
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
 * abort an upload or key it was not given. A multipart upload needs the file's size: Uppy does not send
 * it, so the page puts it in the file's metadata ({@code metadata.size}), and its part size must be the
 * plan's ({@code getChunkSize}). Completion checks that S3 holds every planned part with its size and
 * ETag ({@link MultipartUploads#complete}), and with {@link Builder#verifier} verifies what landed.
 *
 * <p>Errors are Companion's shape, {@code {"error": message, "reason": REASON}}, with a 4xx or 5xx status.
 * Uppy shows only the response's status text ("Companion request failed: " + statusText), so
 * {@link Response#statusText()} carries the same message for servers that can send a reason phrase.
 * A policy refusal's message is the {@link PolicyViolationException}'s, or {@code errorMessage}'s words;
 * other failures get a generic message (the exception is logged at DEBUG).
 *
 * <p>Immutable and thread-safe.
 */
public final class UppyS3Handler {
  private static final Logger LOG = LoggerFactory.getLogger(UppyS3Handler.class);
  private static final int MAX_STATUS_TEXT = 200;
  private static final int MAX_ETAG = 256;

  private final UploadUrlIssuer issuer;
  private final MultipartUploads multipart;
  private final Function<PolicyViolationException, String> errorMessage;
  private final UploadVerifier verifier;

  private UppyS3Handler(Builder b) {
    this.verifier = b.verifier;
    this.issuer = b.issuer != null ? b.issuer : b.multipart.issuer();
    this.multipart = b.multipart;
    this.errorMessage = b.errorMessage;
  }

  /** {@return a builder; an issuer or a multipart instance is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The answer to one request: write the status, the JSON body with {@code Content-Type: application/json},
   * and the status text as the reason phrase where the server can.
   *
   * @param status the HTTP status
   * @param json the body, a JSON document
   * @param statusText the reason phrase: {@code OK} on success, else the error message as printable ASCII
   */
  public record Response(int status, String json, String statusText) {
    /**
     * Creates a response.
     *
     * @param status the HTTP status
     * @param json the body
     * @param statusText the reason phrase
     */
    public Response {
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(statusText, "statusText");
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
   * @param body the request body as text (empty for GET and DELETE); bodies over 1 MiB are refused, so
   *     read at most that much
   * @return the answer; never throws for bad input
   */
  public Response handle(String method, String path, String rawQuery, String body) {
    return handle(method, path, rawQuery, body, null);
  }

  /**
   * Answers one request of Uppy's S3 protocol for an authenticated principal, for
   * {@link KeyStrategy#perPrincipal} keys.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param path the path below the mount point, starting {@code /s3/}, still percent-encoded
   * @param rawQuery the query string without {@code ?}, still encoded, or null
   * @param body the request body as text
   * @param principal the user or tenant the application authenticated, or null
   * @return the answer; never throws for bad input
   */
  public Response handle(String method, String path, String rawQuery, String body, String principal) {
    try {
      return route(method == null ? "" : method.toUpperCase(Locale.ROOT), path == null ? "" : path,
          FormDecoding.query(rawQuery), body == null ? "" : body, principal);
    } catch (PolicyViolationException e) {
      String message = Objects.requireNonNullElse(errorMessage.apply(e), e.getMessage());
      return error(400, e.reason().name(), message);
    } catch (PresignException e) {
      LOG.debug("Uppy S3 request failed: {} {}", e.kind(), e.getMessage());
      return switch (e.kind()) {
        case NOT_FOUND -> error(404, e.kind().name(), "The upload was not found; it may have been cancelled or have expired.");
        case STORE_UNSUPPORTED -> error(501, e.kind().name(), "This storage does not support this kind of upload.");
        case STORE_REFUSED, STORE_INCONSISTENT -> error(502, e.kind().name(), "The storage refused the request.");
        default -> error(503, e.kind().name(), "The storage is unavailable; please try again later.");
      };
    } catch (RouteException e) {
      return error(e.status, e.reason, e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(400, "BAD_REQUEST", e.getMessage());
    }
  }

  private Response route(String method, String path, Map<String, String> query, String body, String principal) {
    if (!path.startsWith("/s3/")) {
      throw new RouteException(404, "NOT_FOUND", "not a route of Uppy's S3 protocol: " + Redact.quote(path));
    }
    String[] segments = path.substring(4).split("/", -1);
    if (segments.length == 1 && segments[0].equals("params")) {
      requireMethod(method, "GET");
      return params(query, principal);
    }
    if (!segments[0].equals("multipart") || segments.length > 3) {
      throw new RouteException(404, "NOT_FOUND", "not a route of Uppy's S3 protocol: " + Redact.quote(path));
    }
    if (multipart == null) {
      throw new RouteException(404, "NOT_FOUND", "multipart uploads are not enabled on this server");
    }
    if (segments.length == 1) {
      requireMethod(method, "POST");
      return create(body, principal);
    }
    String token = FormDecoding.segment(segments[1]);
    if (token.isEmpty()) {
      throw new IllegalArgumentException("the upload id must not be empty");
    }
    String key = query.get("key");
    if (key == null) {
      throw new IllegalArgumentException("the object key must be passed as the key query parameter");
    }
    requireKeyOf(token, key);
    if (segments.length == 2) {
      if (method.equals("DELETE")) {
        multipart.abort(token);
        return ok("{}");
      }
      requireMethod(method, "GET");
      return listParts(token);
    }
    String third = segments[2];
    if (third.equals("complete")) {
      requireMethod(method, "POST");
      return complete(token, key, body);
    }
    requireMethod(method, "GET");
    if (third.equals("batch")) {
      return batch(token, query.get("partNumbers"));
    }
    int partNumber = partNumber(FormDecoding.segment(third));
    PresignedPart part = multipart.presignParts(token, partNumber, partNumber).get(0);
    StringBuilder json = new StringBuilder(part.url().length() + 40).append("{\"url\":");
    StrictJson.quote(json, part.url()).append(",\"expires\":").append(secondsUntil(part.expiresAt())).append('}');
    return ok(json.toString());
  }

  private Response params(Map<String, String> query, String principal) {
    String filename = required(query, "filename");
    String type = required(query, "type");
    OptionalLong size = size(query.get("metadata[size]"));
    UploadRequest request = new UploadRequest(filename, type, size, java.util.Optional.ofNullable(principal),
        java.util.Optional.empty());
    PresignedPost post = issuer.issuePost(request);
    StringBuilder json = new StringBuilder(1024).append("{\"method\":\"POST\",\"url\":");
    StrictJson.quote(json, post.url()).append(",\"fields\":{");
    boolean first = true;
    for (Map.Entry<String, String> field : post.fields().entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      StrictJson.quote(json, field.getKey()).append(':');
      StrictJson.quote(json, field.getValue());
    }
    json.append("},\"expires\":").append(secondsUntil(post.expiresAt())).append('}');
    return ok(json.toString());
  }

  private Response create(String body, String principal) {
    Map<String, Object> doc = object(parse(body), "the body");
    Object filename = doc.get("filename");
    Object type = doc.get("type");
    if (!(filename instanceof String) || ((String) filename).isEmpty()) {
      throw new IllegalArgumentException("filename must be a non-empty string");
    }
    if (!(type instanceof String)) {
      throw new IllegalArgumentException("type must be a string");
    }
    Object metadata = doc.getOrDefault("metadata", StrictJson.NULL);
    OptionalLong size = OptionalLong.empty();
    if (metadata != StrictJson.NULL) {
      Object declared = object(metadata, "metadata").get("size");
      if (declared instanceof JsonNumber n) {
        size = n.asLong();
        if (size.isEmpty()) {
          throw new IllegalArgumentException("metadata.size must be a whole number of bytes: " + Redact.quote(n.text()));
        }
      } else if (declared instanceof String s) {
        size = size(s);
      } else if (declared != null && declared != StrictJson.NULL) {
        throw new IllegalArgumentException("metadata.size must be a whole number of bytes");
      }
    }
    if (size.isEmpty()) {
      throw new PolicyViolationException(Reason.SIZE_MISSING,
          "the file size must be declared for a multipart upload (metadata.size)");
    }
    UploadRequest request = new UploadRequest((String) filename, (String) type, size,
        java.util.Optional.ofNullable(principal), java.util.Optional.empty());
    MultipartSession session = multipart.start(request);
    StringBuilder json = new StringBuilder(session.token().length() + 200).append("{\"key\":");
    StrictJson.quote(json, session.key()).append(",\"uploadId\":");
    StrictJson.quote(json, session.token()).append('}');
    return ok(json.toString());
  }

  private Response listParts(String token) {
    StringBuilder json = new StringBuilder(256).append('[');
    boolean first = true;
    for (UploadedPart part : multipart.listParts(token)) {
      if (!first) {
        json.append(',');
      }
      first = false;
      json.append("{\"PartNumber\":").append(part.partNumber()).append(",\"ETag\":");
      StrictJson.quote(json, part.etag()).append(",\"Size\":").append(part.size()).append('}');
    }
    return ok(json.append(']').toString());
  }

  private Response batch(String token, String partNumbers) {
    if (partNumbers == null || partNumbers.isEmpty()) {
      throw new IllegalArgumentException("the part numbers must be passed as a comma-separated partNumbers query parameter");
    }
    StringBuilder json = new StringBuilder(1024).append("{\"presignedUrls\":{");
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    boolean first = true;
    for (String raw : partNumbers.split(",", -1)) {
      int n = partNumber(raw);
      if (!seen.add(n)) {
        throw new IllegalArgumentException("a part number must appear once: " + n);
      }
      PresignedPart part = multipart.presignParts(token, n, n).get(0);
      if (!first) {
        json.append(',');
      }
      first = false;
      json.append('"').append(n).append("\":");
      StrictJson.quote(json, part.url());
    }
    return ok(json.append("}}").toString());
  }

  private Response complete(String token, String key, String body) {
    Object parts = object(parse(body), "the body").get("parts");
    if (!(parts instanceof List<?> list)) {
      throw new IllegalArgumentException("parts must be an array of {PartNumber, ETag} objects");
    }
    if (list.size() > 10_000) {
      throw new IllegalArgumentException("parts must name at most 10000 parts: " + list.size());
    }
    List<UploadedPart> named = new ArrayList<>(list.size());
    for (Object item : list) {
      Map<String, Object> part = object(item, "each part");
      Object number = part.get("PartNumber");
      Object etag = part.get("ETag");
      if (!(number instanceof JsonNumber n) || n.asLong().isEmpty() || !(etag instanceof String e)) {
        throw new IllegalArgumentException("parts must be an array of {PartNumber, ETag} objects");
      }
      if (e.isEmpty() || e.length() > MAX_ETAG) {
        throw new IllegalArgumentException("an ETag must be 1 to " + MAX_ETAG + " characters: " + e.length());
      }
      long value = n.asLong().getAsLong();
      if (value < 1 || value > 10_000) {
        throw new IllegalArgumentException("a part number must be between 1 and 10000: " + value);
      }
      named.add(UploadedPart.of((int) value, e));
    }
    UploadRequest declared = verifier == null ? null : multipart.declaredOf(token);
    String etag = multipart.complete(token, named);
    String finalKey = key;
    if (verifier != null) {
      Verification result = verifier.verify(key, declared);
      if (!result.passed()) {
        throw new RouteException(422, "VERIFICATION_FAILED", "The file did not pass the checks: "
            + result.problems().stream().map(p -> p.check().name()).distinct().collect(
                java.util.stream.Collectors.joining(", ")));
      }
      finalKey = result.promotedKey().orElse(key);
    }
    StringBuilder json = new StringBuilder(512).append("{\"location\":");
    StrictJson.quote(json, objectUrl(finalKey)).append(",\"key\":");
    StrictJson.quote(json, finalKey).append(",\"etag\":");
    StrictJson.quote(json, etag).append('}');
    return ok(json.toString());
  }

  // The object's address without a query: what Companion answers (S3's Location), and no credential.
  private String objectUrl(String key) {
    String url = issuer.issueDownload(key).url();
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  private void requireKeyOf(String token, String key) {
    if (!multipart.keyOf(token).equals(key)) {
      throw new PolicyViolationException(Reason.SESSION_INVALID, "the key is not the key of this upload: " + Redact.quote(key));
    }
  }

  private long secondsUntil(Instant expiresAt) {
    return Math.max(0, Duration.between(issuer.clock().instant(), expiresAt).getSeconds());
  }

  private static int partNumber(String raw) {
    if (!raw.matches("[1-9][0-9]{0,4}") || Integer.parseInt(raw) > 10_000) {
      throw new IllegalArgumentException("a part number must be between 1 and 10000: " + Redact.quote(raw));
    }
    return Integer.parseInt(raw);
  }

  private static OptionalLong size(String raw) {
    if (raw == null || raw.isEmpty()) {
      return OptionalLong.empty();
    }
    if (!raw.matches("0|[1-9][0-9]{0,17}")) {
      throw new IllegalArgumentException("metadata.size must be a whole number of bytes: " + Redact.quote(raw));
    }
    return OptionalLong.of(Long.parseLong(raw));
  }

  private static String required(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("the " + name + " query parameter is required and must not be empty");
    }
    return value;
  }

  private static Object parse(String body) {
    try {
      return StrictJson.parse(body);
    } catch (StrictJson.JsonException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw new RouteException(405, "METHOD_NOT_ALLOWED", "this route answers " + expected + ", not "
          + Redact.quote(method));
    }
  }

  private static Response ok(String json) {
    return new Response(200, json, "OK");
  }

  private static Response error(int status, String reason, String message) {
    StringBuilder json = new StringBuilder(message.length() + 64).append("{\"error\":");
    StrictJson.quote(json, message).append(",\"reason\":");
    StrictJson.quote(json, reason).append('}');
    return new Response(status, json.toString(), statusText(message));
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

  private static final class RouteException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String reason;

    RouteException(int status, String reason, String message) {
      super(message, null, false, false);
      this.status = status;
      this.reason = reason;
    }
  }

  @Override
  public String toString() {
    return "UppyS3Handler[bucket=" + issuer.bucket() + ", multipart=" + (multipart != null) + ']';
  }

  /** Builds {@link UppyS3Handler}. Not thread-safe; what it builds is. */
  public static final class Builder {
    private UploadUrlIssuer issuer;
    private MultipartUploads multipart;
    private Function<PolicyViolationException, String> errorMessage = PolicyViolationException::getMessage;
    private UploadVerifier verifier;

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
     * default); with promotion, the answer's key is the promoted key. Simple uploads are POST forms whose end
     * the protocol never reports to the server, so they are not verified here.
     *
     * @param verifier the verifier, for the same bucket
     * @return this builder
     */
    public Builder verifier(UploadVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
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
     * @throws IllegalStateException when neither an issuer nor a multipart instance is set, or they sign for
     *     different buckets
     */
    public UppyS3Handler build() {
      if (issuer == null && multipart == null) {
        throw new IllegalStateException("an issuer or a multipart instance is required: none set");
      }
      if (issuer != null && multipart != null && !issuer.bucket().equals(multipart.issuer().bucket())) {
        throw new IllegalStateException("the issuer and the multipart uploads must use the same bucket: "
            + issuer.bucket() + " and " + multipart.issuer().bucket());
      }
      return new UppyS3Handler(this);
    }
  }
}
