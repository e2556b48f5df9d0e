package dev.presign.internal.verify;

import static dev.presign.internal.S3Calls.call;

import dev.presign.ObjectAttributes;
import dev.presign.PresignException;
import dev.presign.Verification;
import dev.presign.Verification.Action;
import dev.presign.Verification.Outcome;
import dev.presign.Verification.Problem;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * What happens to a checked object, and the result that says so: a passing one is kept or promoted
 * (and retagged), a failing one quarantined, deleted or kept. Every copy and delete names the
 * version and ETag that was checked. Immutable and thread-safe.
 */
public final class Disposition {
  private static final Logger LOG = LoggerFactory.getLogger(Disposition.class);
  private final S3Client s3;
  private final String bucket;
  private final ObjectAttributes attributes;
  private final Action onFailure;
  private final String quarantinePrefix;
  private final String stagingPrefix;
  private final String permanentPrefix;
  private final String retagKey;
  private final String retagValue;

  /**
   * Creates the disposition.
   *
   * @param s3 the client
   * @param bucket the bucket
   * @param attributes the policy's attributes, kept on a promoted copy
   * @param onFailure what to do with a failed object: {@code QUARANTINED}, {@code DELETED} or
   *     {@code KEPT}
   * @param quarantinePrefix where quarantined objects go
   * @param stagingPrefix where promoted uploads land, or null when not promoting
   * @param permanentPrefix where promoted uploads go, or null when not promoting
   * @param retagKey the tag to set on a passing object, or null
   * @param retagValue its value, or null
   */
  public Disposition(
      S3Client s3,
      String bucket,
      ObjectAttributes attributes,
      Action onFailure,
      String quarantinePrefix,
      String stagingPrefix,
      String permanentPrefix,
      String retagKey,
      String retagValue) {
    this.s3 = s3;
    this.bucket = bucket;
    this.attributes = attributes;
    this.onFailure = onFailure;
    this.quarantinePrefix = quarantinePrefix;
    this.stagingPrefix = stagingPrefix;
    this.permanentPrefix = permanentPrefix;
    this.retagKey = retagKey;
    this.retagValue = retagValue;
  }

  /**
   * The result for a key with no object.
   *
   * @param key the key
   * @return a {@code MISSING} result; nothing was done
   */
  public static Verification missing(String key) {
    return Verification.builder(key, Outcome.MISSING).build();
  }

  /**
   * Decides on a checked object: passed when there are no problems, else failed.
   *
   * @param key the key
   * @param head the object's HEAD
   * @param problems what the checks found
   * @return the result, after acting on the object
   * @throws PresignException when S3 refuses a copy, delete or tagging call that the result depends
   *     on
   */
  public Verification decide(String key, HeadObjectResponse head, List<Problem> problems) {
    return problems.isEmpty() ? pass(key, head) : fail(key, head, problems);
  }

  private Verification pass(String key, HeadObjectResponse head) {
    Verification passed =
        permanentPrefix == null ? stored(key, Outcome.PASSED, head).build() : promote(key, head);
    if (retagKey != null) {
      ObjectTags.set(s3, bucket, passed.promotedKey().orElse(key), retagKey, retagValue);
    }
    return passed;
  }

  // The very bytes that were checked (If-Match on the ETag, the version HEAD saw) go to a key no
  // issued URL can write; the staged copy goes, so a later PUT with the same URL is just a new,
  // unverified upload.
  private Verification promote(String key, HeadObjectResponse head) {
    String target = permanentPrefix + key.substring(stagingPrefix.length());
    CopyObjectResponse copied =
        call(
            "CopyObject",
            () ->
                s3.copyObject(
                    r ->
                        r.sourceBucket(bucket)
                            .sourceKey(key)
                            .sourceVersionId(head.versionId())
                            .copySourceIfMatch(head.eTag())
                            .destinationBucket(bucket)
                            .destinationKey(target)
                            .applyMutation(copy -> StoredAttributes.keepOnCopy(attributes, copy))));
    call(
        "DeleteObject",
        () -> s3.deleteObject(r -> r.bucket(bucket).key(key).versionId(head.versionId())));
    String etag =
        copied.copyObjectResult() != null && copied.copyObjectResult().eTag() != null
            ? copied.copyObjectResult().eTag()
            : head.eTag();
    Verification.Builder promoted =
        stored(key, Outcome.PASSED, null)
            .size(ObjectChecks.sizeOf(head))
            .action(Action.PROMOTED)
            .promotedKey(target);
    if (head.contentType() != null) {
      promoted.contentType(head.contentType());
    }
    if (etag != null) {
      promoted.etag(etag);
    }
    if (copied.versionId() != null) {
      promoted.versionId(copied.versionId());
    }
    return promoted.build();
  }

  private Verification fail(String key, HeadObjectResponse head, List<Problem> problems) {
    Action action = onFailure;
    Verification.Builder failed = stored(key, Outcome.FAILED, head).problems(problems);
    if (onFailure == Action.QUARANTINED) {
      String target = quarantinePrefix + key;
      try {
        call(
            "CopyObject",
            () ->
                s3.copyObject(
                    r ->
                        r.sourceBucket(bucket)
                            .sourceKey(key)
                            .sourceVersionId(head.versionId())
                            .copySourceIfMatch(head.eTag())
                            .destinationBucket(bucket)
                            .destinationKey(target)));
        failed.quarantineKey(target);
      } catch (PresignException e) {
        // A failed object must not stay live because it could not be moved: delete it instead.
        LOG.warn("Could not quarantine '{}' ({}); deleting it", key, e.getMessage());
        action = Action.DELETED;
      }
    }
    if (action != Action.KEPT) {
      // In a versioned bucket, delete the very version that failed, not just add a delete marker.
      call(
          "DeleteObject",
          () -> s3.deleteObject(r -> r.bucket(bucket).key(key).versionId(head.versionId())));
    }
    return failed.action(action).build();
  }

  // A result carrying what HEAD saw: size, type, ETag and version (none of them when head is null).
  private static Verification.Builder stored(
      String key, Outcome outcome, @Nullable HeadObjectResponse head) {
    Verification.Builder b = Verification.builder(key, outcome);
    if (head != null) {
      b.size(ObjectChecks.sizeOf(head));
      if (head.contentType() != null) {
        b.contentType(head.contentType());
      }
      if (head.eTag() != null) {
        b.etag(head.eTag());
      }
      if (head.versionId() != null) {
        b.versionId(head.versionId());
      }
    }
    return b;
  }
}
