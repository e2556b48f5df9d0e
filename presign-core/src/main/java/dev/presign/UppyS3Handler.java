package dev.presign;

import dev.presign.internal.Redact;
import dev.presign.internal.uppy.UppyInput;
import dev.presign.internal.uppy.UppyRoutes;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Answers the S3 routes of Uppy Companion ({@code @uppy/companion} 6.2.2, as {@code @uppy/aws-s3}
 * 6.x calls them with its {@code companionEndpoint} option) through an {@link UploadUrlIssuer} and
 * {@link MultipartUploads}, so Uppy's unchanged S3 plugin uploads under presign's policy, key
 * strategy and stateless sessions. Framework-agnostic: the caller passes the method, the path below
 * its mount point, the raw query, the Content-Type and the body's bytes, and writes the {@link
 * Response} it gets back.
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
 * <p>The {@code uploadId} Uppy carries is presign's HMAC-authenticated session token, and the
 * {@code key} it sends back must be the one that token names, so a client cannot sign parts for,
 * list, complete or abort an upload or key it was not given. With {@link KeyStrategy#perPrincipal}
 * keys, the key must also be in the folder of the principal the request is made for, so a token is
 * of no use to another user. The token travels in URL paths, as Companion's upload id does, so it
 * appears in access logs: it grants signing parts of that one upload until it expires, nothing
 * else. A multipart upload needs the file's size: Uppy does not send it, so the page puts it in the
 * file's metadata ({@code metadata.size}), and its part size must be the plan's ({@code
 * getChunkSize}). Completion checks that S3 holds every planned part with its size and ETag ({@link
 * MultipartUploads#complete}), and with {@link Builder#verifier} verifies what landed.
 *
 * <p>The JSON bodies must come as {@code application/json} (Uppy sends it; a cross-site form
 * cannot), in UTF-8, at most 1 MiB. With a verifier, {@code /s3/params} is refused unless {@link
 * Builder#allowUnverifiedSimpleUploads(boolean)}: a POST form's upload is never reported back, so
 * it could not be verified; pages set {@code shouldUseMultipart: true}.
 *
 * <p>Errors are Companion's shape, {@code {"error": message, "reason": REASON}}, with a 4xx or 5xx
 * status. Uppy shows only the response's status text ("Companion request failed: " + statusText),
 * so {@link Response#statusText()} carries the same message for servers that can send a reason
 * phrase. A policy refusal's message is the {@link InvalidRequestException}'s, or {@code
 * errorMessage}'s words; other failures get a generic message (a store failure is logged at DEBUG,
 * anything unexpected at WARN by its class name only). {@code handle} never throws.
 *
 * <p>Immutable and thread-safe.
 */
public final class UppyS3Handler {
  /** The longest request body, in bytes: read at most one byte more, and pass what was read. */
  public static final int MAX_BODY = UppyInput.MAX_BODY;

  private final UploadUrlIssuer issuer;
  private final MultipartUploads multipart;
  private final Function<InvalidRequestException, String> errorMessage;
  private final UploadVerifier verifier;
  private final boolean allowUnverifiedSimpleUploads;
  private final UppyRoutes routes;

  // NullAway cannot see that build() checked the required settings (Require.state) before calling
  // this.
  @SuppressWarnings("NullAway")
  private UppyS3Handler(Builder b) {
    this.verifier = b.verifier;
    this.issuer = b.issuer != null ? b.issuer : b.multipart.issuer();
    this.multipart = b.multipart;
    this.errorMessage = b.errorMessage;
    this.allowUnverifiedSimpleUploads = b.allowUnverifiedSimpleUploads;
    this.routes =
        new UppyRoutes(
            new UppyServices(issuer, multipart, verifier),
            errorMessage,
            allowUnverifiedSimpleUploads);
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
   * The answer to one request: write the status, the JSON body with {@code Content-Type:
   * application/json}, the status text as the reason phrase where the server can, and {@code Allow}
   * when {@code allow} is not empty.
   *
   * @param status the HTTP status
   * @param json the body, a JSON document
   * @param statusText the reason phrase: {@code OK} on success, else the error message as printable
   *     ASCII
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

    /**
     * {@return the status and status text; never the body, which may carry signed URLs and form
     * fields}
     */
    @Override
    public String toString() {
      return "Response[status="
          + status
          + ", statusText="
          + statusText
          + ", json=("
          + json.length()
          + " chars)]";
    }
  }

  /**
   * Answers one request of Uppy's S3 protocol.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param path the path below the mount point, starting {@code /s3/}, still percent-encoded
   * @param rawQuery the query string without {@code ?}, still encoded, or null
   * @param contentType the request's Content-Type header, or null; POST bodies must be {@code
   *     application/json}
   * @param body the request body's bytes, or null for none; read at most 1 MiB and one byte more,
   *     since longer bodies are refused, and must be UTF-8
   * @return the answer; never throws
   */
  @SuppressWarnings("exports") // @Nullable: JSpecify is optional for users (module-info)
  public Response handle(
      String method,
      String path,
      @Nullable String rawQuery,
      @Nullable String contentType,
      byte @Nullable [] body) {
    return handle(method, path, rawQuery, contentType, body, null);
  }

  /**
   * Answers one request of Uppy's S3 protocol for an authenticated principal, for {@link
   * KeyStrategy#perPrincipal} keys: a session of one principal's folder answers only that
   * principal.
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
  public Response handle(
      String method,
      String path,
      @Nullable String rawQuery,
      @Nullable String contentType,
      byte @Nullable [] body,
      @Nullable String principal) {
    return routes.answer(method, path, rawQuery, contentType, body, principal);
  }

  @Override
  public String toString() {
    return "UppyS3Handler[bucket="
        + issuer.bucket()
        + ", multipart="
        + (multipart != null)
        + ", verifier="
        + (verifier != null)
        + ']';
  }

  /** Builds {@link UppyS3Handler}. Not thread-safe; what it builds is. */
  public static final class Builder {
    private @Nullable UploadUrlIssuer issuer;
    private @Nullable MultipartUploads multipart;
    private Function<InvalidRequestException, String> errorMessage =
        e -> String.valueOf(e.getMessage());
    private @Nullable UploadVerifier verifier;
    private boolean allowUnverifiedSimpleUploads;

    private Builder() {}

    /**
     * Sets the issuer of simple uploads (presigned POST forms); defaults to the multipart
     * instance's.
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
     * @param multipart the multipart uploads, whose issuer must sign for the same bucket as {@link
     *     #issuer}
     * @return this builder
     */
    public Builder multipart(MultipartUploads multipart) {
      this.multipart = Objects.requireNonNull(multipart, "multipart");
      return this;
    }

    /**
     * Verifies every multipart upload right after completing it ({@link
     * UploadVerifier#verify(String, UploadRequest)} with the session's declared type and size): a
     * file that fails answers 422 {@code VERIFICATION_FAILED} naming the failed checks, and is
     * handled as the verifier says (quarantined by default); with promotion, the answer's key is
     * the promoted key, and the key strategy must make keys under the staging prefix. A completion
     * retried after S3 assembled the object verifies it then. Simple uploads are POST forms whose
     * end the protocol never reports to the server, so with a verifier {@code /s3/params} answers
     * 403 {@code MULTIPART_REQUIRED} unless {@link #allowUnverifiedSimpleUploads(boolean)}; pages
     * use {@code shouldUseMultipart: true}.
     *
     * @param verifier the verifier, for the same bucket
     * @return this builder
     */
    public Builder verifier(UploadVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * With a {@link #verifier}, still answers {@code /s3/params} with a POST form. A risk: those
     * files are never verified, and the client chooses the route, so any file the policy's form
     * admits (a page of HTML sent as {@code video/mp4}, say) lands unchecked. Default false.
     *
     * @param allow whether to issue unverified POST forms although a verifier is set
     * @return this builder
     */
    public Builder allowUnverifiedSimpleUploads(boolean allow) {
      this.allowUnverifiedSimpleUploads = allow;
      return this;
    }

    /**
     * Sets the words a policy refusal shows the end user; default the exception's message, which
     * names the rule and the offending value.
     *
     * @param errorMessage from the refusal to the message, safe to show the user who sent the
     *     request
     * @return this builder
     */
    public Builder errorMessage(Function<InvalidRequestException, String> errorMessage) {
      this.errorMessage = Objects.requireNonNull(errorMessage, "errorMessage");
      return this;
    }

    /**
     * Builds the handler.
     *
     * @return the handler
     * @throws IllegalStateException when neither an issuer nor a multipart instance is set, they or
     *     the verifier use different buckets, or the verifier promotes from a staging prefix the
     *     key strategy never makes keys under
     */
    // NullAway cannot see that one of issuer and multipart is set once the first check passed.
    @SuppressWarnings("NullAway")
    public UppyS3Handler build() {
      if (issuer == null && multipart == null) {
        throw new IllegalStateException("an issuer or a multipart instance is required: none set");
      }
      UploadUrlIssuer signing = issuer != null ? issuer : multipart.issuer();
      if (multipart != null && !signing.bucket().equals(multipart.issuer().bucket())) {
        throw new IllegalStateException(
            "the issuer and the multipart uploads must use the same bucket: "
                + signing.bucket()
                + " and "
                + multipart.issuer().bucket());
      }
      if (verifier != null && !signing.bucket().equals(verifier.issuer().bucket())) {
        throw new IllegalStateException(
            "the issuer and the verifier must use the same bucket: "
                + signing.bucket()
                + " and "
                + verifier.issuer().bucket());
      }
      String staging = verifier == null ? null : verifier.stagingPrefixOrNull();
      if (staging != null && !signing.keyStrategy().mayProduceKeyStartingWith(staging)) {
        throw new IllegalStateException(
            "the key strategy must make keys under the verifier's staging prefix "
                + Redact.quote(staging)
                + " for uploads to be promoted: "
                + signing.keyStrategy());
      }
      return new UppyS3Handler(this);
    }
  }
}
