package dev.presign.internal.multipart;

import static dev.presign.internal.S3Calls.call;

import dev.presign.InvalidRequestException;
import dev.presign.PresignException;
import dev.presign.UploadedPart;
import dev.presign.internal.Redact;
import dev.presign.internal.attributes.MultipartAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The calls a multipart upload makes to S3 for one bucket: create, list, complete (with the checks
 * of {@link Completion}), tag and abort. Sessions reach here verified. Thread-safe when the client
 * is.
 *
 * @param s3 the client
 * @param bucket the bucket
 */
public record MultipartCalls(S3Client s3, String bucket) {
  /**
   * Starts an upload.
   *
   * @param key the object key
   * @param contentType the Content-Type header value
   * @param attributes the signed attribute headers as name/value pairs, or null for none
   * @return S3's upload id
   * @throws PresignException when S3 refuses
   */
  public String create(String key, String contentType, String @Nullable [] attributes) {
    return call(
            "CreateMultipartUpload",
            () ->
                s3.createMultipartUpload(
                    r -> {
                      r.bucket(bucket).key(key).contentType(contentType);
                      if (attributes != null) {
                        MultipartAttributes.apply(attributes, r);
                      }
                    }))
        .uploadId();
  }

  /**
   * Aborts an upload; S3 deletes the parts it holds.
   *
   * @param key the object key
   * @param uploadId the upload id
   * @throws PresignException when S3 refuses
   */
  public void abort(String key, String uploadId) {
    call(
        "AbortMultipartUpload",
        () -> s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)));
  }

  /**
   * Lists the parts S3 holds for a session, page by page.
   *
   * @param session the session
   * @return the parts in part order; a size S3 leaves out is -1
   * @throws PresignException when S3 refuses, e.g. {@code NoSuchUpload} after an abort
   */
  public List<UploadedPart> list(SessionToken session) {
    List<UploadedPart> parts = new ArrayList<>();
    Integer marker = null;
    while (true) {
      Integer from = marker;
      ListPartsResponse page =
          call(
              "ListParts",
              () ->
                  s3.listParts(
                      r ->
                          r.bucket(bucket)
                              .key(session.key())
                              .uploadId(session.uploadId())
                              .partNumberMarker(from)));
      for (Part part : page.parts()) {
        parts.add(
            new UploadedPart(
                part.partNumber(),
                part.eTag() == null ? "" : part.eTag(),
                part.size() == null ? -1 : part.size()));
      }
      Integer next = page.nextPartNumberMarker();
      // Some S3-compatible stores say "truncated" without a marker that advances: stop rather than
      // loop.
      if (!Boolean.TRUE.equals(page.isTruncated())
          || next == null
          || (from != null && next <= from)
          || parts.size() > PartPlan.MAX_PARTS) {
        return parts;
      }
      marker = next;
    }
  }

  /**
   * Completes an upload after the checks of {@link Completion}; then sets the tags the session
   * carries.
   *
   * @param session the verified session
   * @param parts the parts the client names
   * @param orStored when S3 no longer knows the upload (NoSuchUpload, or no parts listed) and an
   *     object is stored under the session's key, answer that object's ETag: for a completion
   *     retried after S3 assembled the object and the first answer was lost. Only this session
   *     writes under its key.
   * @return the ETag of the assembled object, never empty
   * @throws InvalidRequestException when a part is missing, repeated, out of order, of the wrong
   *     size or has another ETag
   * @throws PresignException when S3 refuses, or gives no ETag on completion nor on HeadObject
   */
  public String complete(SessionToken session, List<UploadedPart> parts, boolean orStored) {
    Completion.checkNamed(session.plan(), parts);
    List<UploadedPart> stored;
    try {
      stored = list(session);
    } catch (PresignException e) {
      if (orStored && e.kind() == PresignException.Kind.NOT_FOUND) {
        return tagged(session, null, storedETag(session).orElseThrow(() -> e));
      }
      throw e;
    }
    if (orStored && stored.isEmpty()) {
      Optional<String> etag = storedETag(session);
      if (etag.isPresent()) {
        return tagged(session, null, etag.get());
      }
    }
    List<CompletedPart> completed = Completion.match(session.plan(), parts, stored);
    CompleteMultipartUploadResponse done =
        call(
            "CompleteMultipartUpload",
            () ->
                s3.completeMultipartUpload(
                    r ->
                        r.bucket(bucket)
                            .key(session.key())
                            .uploadId(session.uploadId())
                            .multipartUpload(m -> m.parts(completed))));
    String etag =
        Completion.hasETag(done.eTag()) ? done.eTag() : headETag(session.key(), done.versionId());
    return tagged(session, done.versionId(), etag);
  }

  // A retried completion sets the tags again: the first attempt may have failed between completing
  // and tagging.
  private String tagged(SessionToken session, @Nullable String versionId, String etag) {
    if (!session.tagging().isEmpty()) {
      call(
          "PutObjectTagging",
          () ->
              s3.putObjectTagging(
                  r ->
                      r.bucket(bucket)
                          .key(session.key())
                          .versionId(versionId)
                          .tagging(t -> t.tagSet(MultipartAttributes.tagSet(session.tagging())))));
    }
    return etag;
  }

  // Ceph RGW 16.2 sends <ETag></ETag> on completion although the object has its "md5-N" ETag.
  private String headETag(String key, @Nullable String versionId) {
    String etag =
        call("HeadObject", () -> s3.headObject(r -> r.bucket(bucket).key(key).versionId(versionId)))
            .eTag();
    if (!Completion.hasETag(etag)) {
      throw new PresignException(
          PresignException.Kind.STORE_INCONSISTENT,
          "the multipart upload completed, but S3 gave no ETag for it, neither on completion "
              + "nor on HeadObject: "
              + Redact.quote(key));
    }
    return etag;
  }

  private Optional<String> storedETag(SessionToken session) {
    return call(
        "HeadObject",
        () -> {
          try {
            String etag = s3.headObject(r -> r.bucket(bucket).key(session.key())).eTag();
            return Optional.ofNullable(Completion.hasETag(etag) ? etag : null);
          } catch (S3Exception e) {
            if (e.statusCode() == 404) {
              return Optional.<String>empty();
            }
            throw e;
          }
        });
  }
}
