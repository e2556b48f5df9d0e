package dev.presign.internal.uppy;

import dev.presign.KeyStrategy;
import dev.presign.MultipartSession;
import dev.presign.PresignedPart;
import dev.presign.PresignedPost;
import dev.presign.UploadRequest;
import dev.presign.UploadedPart;
import dev.presign.Verification;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the Uppy routes ask of presign's services: the issuer, the multipart uploads and the
 * verifier, including what those keep package-private. {@code UppyS3Handler} adapts its services to
 * it, so the routes live here without widening the public API.
 */
public interface UppyBackend {

  /**
   * Issues a presigned POST form.
   *
   * @param request the checked request
   * @return the form
   */
  PresignedPost issuePost(UploadRequest request);

  /** {@return whether multipart uploads are enabled} */
  boolean multipartEnabled();

  /**
   * Starts a multipart upload.
   *
   * @param request the request, with its size
   * @return the session
   */
  MultipartSession start(UploadRequest request);

  /**
   * The key a session token names, after checking the token.
   *
   * @param token the session token
   * @return the object key
   */
  String keyOf(String token);

  /**
   * Aborts a multipart upload.
   *
   * @param token the session token
   */
  void abort(String token);

  /**
   * Lists the parts S3 holds.
   *
   * @param token the session token
   * @return the parts
   */
  List<UploadedPart> listParts(String token);

  /**
   * Signs URLs for some parts.
   *
   * @param token the session token
   * @param partNumbers the part numbers, each once
   * @return one signed part per number, in order
   */
  List<PresignedPart> presignPartNumbers(String token, int[] partNumbers);

  /**
   * The request a session was started for, as its token declares it.
   *
   * @param token the session token
   * @return the declared request
   */
  UploadRequest declaredOf(String token);

  /**
   * Completes an upload, or answers the object a completion already assembled.
   *
   * @param token the session token
   * @param parts the parts the client names
   * @return the object's ETag
   */
  String completeOrStored(String token, List<UploadedPart> parts);

  /** {@return whether uploads are verified after completion} */
  boolean verifies();

  /** {@return the verifier's staging prefix when it promotes, else null} */
  @Nullable String stagingPrefixOrNull();

  /**
   * Verifies what landed under a key.
   *
   * @param key the object key
   * @param declared what the upload declared
   * @return the verification
   */
  Verification verify(String key, UploadRequest declared);

  /**
   * The object's unsigned URL, for Companion's {@code location}.
   *
   * @param key the object key
   * @return the URL
   */
  String objectUrl(String key);

  /** {@return the issuer's key strategy} */
  KeyStrategy keyStrategy();

  /** {@return the issuer's clock's now} */
  Instant now();
}
